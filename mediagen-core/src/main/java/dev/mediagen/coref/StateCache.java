package dev.mediagen.coref;

import dev.mediagen.io.Safetensors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A directory of frozen {@link WordStates}, one F16 safetensors file per document, so that the
 * frozen encoder runs once per document over a whole training run (and across runs). A file is
 * named by a SHA-256 of the window settings and the document's words, so a changed document or
 * setting is a miss, never a stale hit. {@code dir == null} disables the cache. The MiniLM
 * encoder is loaded on the first miss only.
 */
public final class StateCache implements AutoCloseable {
  private final Path dir;
  private final WordStatesConfig config;
  private WordStates encoder;
  private int misses;

  public StateCache(Path dir, WordStatesConfig config) {
    this.dir = dir;
    this.config = config;
  }

  /** The (T, {@value WordStates#DIM}) states of a document's tokens. */
  public float[] states(CorefDocument doc) throws IOException {
    return states(doc.tokens());
  }

  /**
   * The (T, {@value WordStates#DIM}) states of {@code words}. The file holds the contextual part
   * ({@code "states"}) and the type part ({@code "types"}); a file with only the first gets the
   * second added.
   */
  public float[] states(List<String> words) throws IOException {
    Path file = dir == null ? null : dir.resolve(key(words) + ".safetensors");
    int t = words.size();
    float[] contextual = null;
    float[] types = null;
    if (file != null && Files.isRegularFile(file)) {
      Map<String, Safetensors.Tensor> saved = Safetensors.read(file).tensors();
      contextual = part(saved.get("states"), t);
      types = part(saved.get("types"), t);
      if (contextual != null && types != null) {
        return WordStates.join(contextual, types, t);
      }
    }
    if (contextual == null) {
      misses++;
      contextual = encoder().contextual(words);
    }
    if (types == null) {
      types = encoder().types(words);
    }
    if (file != null) {
      Files.createDirectories(dir);
      Safetensors.write(
          file,
          Map.of(
              "states", Safetensors.Tensor.f16(contextual, t, WordStates.CONTEXT_DIM),
              "types", Safetensors.Tensor.f16(types, t, WordStates.CONTEXT_DIM)),
          Map.of("format", "mediagen-coref-states-2"));
    }
    return WordStates.join(contextual, types, t);
  }

  private WordStates encoder() {
    if (encoder == null) {
      encoder = new WordStates(config);
    }
    return encoder;
  }

  /** A saved (T, {@value WordStates#CONTEXT_DIM}) part, or null when absent or of another shape. */
  private static float[] part(Safetensors.Tensor tensor, int t) {
    if (tensor == null) {
      return null;
    }
    long[] shape = tensor.shape();
    boolean fits = shape.length == 2 && shape[0] == t && shape[1] == WordStates.CONTEXT_DIM;
    return fits ? tensor.floats() : null;
  }

  /** Documents encoded (not found in the cache) so far. */
  public int misses() {
    return misses;
  }

  private String key(List<String> words) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(
          ("minilm-l6-v2 mean %d %d\n".formatted(config.maxTokens(), config.stride()))
              .getBytes(StandardCharsets.UTF_8));
      for (String w : words) {
        sha.update(w.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public void close() {
    if (encoder != null) {
      encoder.close();
    }
  }
}
