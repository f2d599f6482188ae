package dev.mediagen.fuse;

import dev.mediagen.io.AtomicFiles;
import dev.mediagen.io.Json;
import dev.mediagen.io.Safetensors;
import dev.mediagen.train.Seeds;
import dev.mediagen.world.Captioner;
import dev.mediagen.world.Renderer;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Split;
import dev.mediagen.world.Video;
import dev.mediagen.world.WorldConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Retrieve&amp;Fuse's bank of (caption embedding, image) pairs. Keys are the frozen all-MiniLM-L6-v2 sentence
 * embeddings of the captions ({@code MiniLmEncoder.pooled}: mean of the token states, L2-normalised — the
 * vector langchain4j returns); values are the images (stored as scene graphs and re-rendered, which is
 * exact). Retrieval is by text: the query caption's embedding against the bank's caption embeddings, exact
 * cosine search ({@link ExactCosineIndex}; an HNSW index would only pay off past ~100k entries).
 *
 * <p>The paper retrieves with CLIP text→image similarity; without a pretrained CLIP, text→caption similarity
 * returns the paired image and plays the same role.
 *
 * <p><b>No copying.</b> At training time the query is the target's own caption, so retrieval excludes (1)
 * the target itself (its bank id), (2) any entry with an identical scene graph (the same image), and (3) near
 * duplicates: entries whose caption embedding has cosine above {@link #NEAR_DUPLICATE} with the query. At
 * test time the same rules apply to the held-out target (rules 2 and 3; a held-out scene has no id).
 */
public final class RetrievalBank {
  /**
   * Caption-embedding cosine above which an entry counts as a near duplicate of the query. Measured on
   * 400 random ShapesWorld training captions (MiniLM pooled, 2026-11-25): two captions of the <em>same</em>
   * scene in different templates score 0.56–0.98 (median 0.87); the nearest caption of a <em>different</em>
   * scene scores median 0.90, 99th percentile 0.979, max 0.985; a one-word colour change of a canonical
   * caption 0.937. Above 0.97 a caption is near-verbatim: about the top 2% of nearest neighbours.
   */
  public static final double NEAR_DUPLICATE = 0.97;

  /** One bank item. */
  public record Entry(Scene scene, String caption) {}

  /** A retrieval result. */
  public record Retrieved(int id, Entry entry, double score) {}

  /** The bank file's JSON part. */
  record Stored(List<Entry> entries, double nearDuplicate) {}

  private final List<Entry> entries;
  private final ExactCosineIndex index;
  private final double nearDuplicate;

  public RetrievalBank(List<Entry> entries, List<float[]> embeddings, double nearDuplicate) {
    if (entries.size() != embeddings.size()) {
      throw new IllegalArgumentException("%d entries but %d embeddings".formatted(entries.size(), embeddings.size()));
    }
    if (entries.isEmpty()) throw new IllegalArgumentException("a retrieval bank needs at least one entry");
    if (!(nearDuplicate > 0 && nearDuplicate <= 1)) {
      throw new IllegalArgumentException("nearDuplicate %s must be in (0, 1]".formatted(nearDuplicate));
    }
    this.entries = List.copyOf(entries);
    this.index = new ExactCosineIndex(embeddings.get(0).length);
    embeddings.forEach(index::add);
    this.nearDuplicate = nearDuplicate;
  }

  /** {@code n} TRAIN-split image scenes of {@code world}, each with one random caption, embedded by {@code embed}. */
  public static RetrievalBank build(WorldConfig world, int n, long seed, Function<String, float[]> embed) {
    if (n < 1) throw new IllegalArgumentException("bank size %d must be >= 1".formatted(n));
    SceneSampler sampler = new SceneSampler(world);
    List<Entry> entries = new ArrayList<>(n);
    List<float[]> emb = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      SplittableRandom rng = Seeds.rng(seed, Seeds.DATA + 40, i);
      Scene s = sampler.sampleImage(rng, Split.TRAIN);
      String caption = Captioner.caption(s, rng);
      entries.add(new Entry(s, caption));
      emb.add(embed.apply(caption));
    }
    return new RetrievalBank(entries, emb, NEAR_DUPLICATE);
  }

  /**
   * The best entry for {@code query} that is not {@code selfId}, not {@code target}'s scene and not a near
   * duplicate; empty when every entry is excluded.
   *
   * @param target the scene being generated, or null when unknown (a user's prompt)
   * @param selfId the target's own bank id, or −1
   */
  public Optional<Retrieved> retrieve(float[] query, Scene target, int selfId) {
    for (int k = Math.min(32, entries.size()); ; k = entries.size()) {
      for (VectorIndex.Hit h : index.search(query, k, id -> id != selfId && (target == null || !entries.get(id).scene().equals(target)))) {
        if (h.score() <= nearDuplicate) return Optional.of(new Retrieved(h.id(), entries.get(h.id()), h.score()));
      }
      if (k == entries.size()) return Optional.empty();
    }
  }

  /** The image of entry {@code id}. */
  public Video image(int id) {
    return Renderer.render(entries.get(id).scene());
  }

  public Entry entry(int id) {
    return entries.get(id);
  }

  public int size() {
    return entries.size();
  }

  public double nearDuplicate() {
    return nearDuplicate;
  }

  /** The stored embedding of entry {@code id}. */
  public float[] embedding(int id) {
    return index.vector(id);
  }

  /** Writes {@code bank.json} (scenes, captions, threshold) and {@code bank.safetensors} (embeddings) into {@code dir}. */
  public void writeTo(Path dir) throws IOException {
    int d = index.vector(0).length;
    float[] all = new float[entries.size() * d];
    for (int i = 0; i < entries.size(); i++) System.arraycopy(index.vector(i), 0, all, i * d, d);
    Files.writeString(dir.resolve("bank.json"), Json.toJson(new Stored(entries, nearDuplicate)));
    Safetensors.write(dir.resolve("bank.safetensors"), Map.of("embeddings", Safetensors.Tensor.f32(all, entries.size(), d)));
  }

  /** Saves atomically into its own directory. */
  public void save(Path dir) throws IOException {
    AtomicFiles.replaceDirectory(dir, this::writeTo);
  }

  /** Reads what {@link #writeTo} wrote. */
  public static RetrievalBank read(Path dir) throws IOException {
    Path json = dir.resolve("bank.json"), st = dir.resolve("bank.safetensors");
    if (!Files.isRegularFile(json) || !Files.isRegularFile(st)) throw new NoSuchFileException(dir + " holds no retrieval bank (bank.json, bank.safetensors)");
    Stored s; // scenes are written with their derived accessors (canvas, video, ...): skip those on reading
    try {
      s = Json.mapper().copy().configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .readValue(json.toFile(), Stored.class);
    } catch (IOException | RuntimeException e) {
      throw new IOException("corrupt retrieval bank " + json + ": " + e.getMessage(), e);
    }
    Safetensors.Tensor t = Safetensors.read(st).get("embeddings");
    int n = (int) t.shape()[0], d = (int) t.shape()[1];
    List<float[]> emb = new ArrayList<>(n);
    for (int i = 0; i < n; i++) emb.add(java.util.Arrays.copyOfRange(t.floats(), i * d, (i + 1) * d));
    return new RetrievalBank(s.entries(), emb, s.nearDuplicate());
  }
}
