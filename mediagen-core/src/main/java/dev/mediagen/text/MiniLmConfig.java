package dev.mediagen.text;

/**
 * Settings of {@link MiniLmEncoder}.
 *
 * @param maxTokens longest accepted text in tokens, counting MiniLM's own {@code [CLS]} and {@code
 *     [SEP]}; longer texts are rejected, never truncated. In [3, 512]: 512 is the model's
 *     position-embedding table (sentence-transformers caps it at 256 and trained it at 128, so
 *     quality past 128 is untested).
 * @param cacheSize how many texts' token states the LRU cache keeps (0 disables it); each entry
 *     costs about {@code tokens * 384 * 4} bytes, ~30 KB for a 20-token caption
 * @param threads ONNX Runtime intra-op threads; 0 lets ORT choose (all cores)
 */
public record MiniLmConfig(int maxTokens, int cacheSize, int threads) {

  /** Position-embedding table size of all-MiniLM-L6-v2 (BERT {@code max_position_embeddings}). */
  public static final int MODEL_MAX_TOKENS = 512;

  public MiniLmConfig {
    if (maxTokens < 3 || maxTokens > MODEL_MAX_TOKENS) {
      throw new IllegalArgumentException(
          "maxTokens %d is outside [3, %d]".formatted(maxTokens, MODEL_MAX_TOKENS));
    }
    if (cacheSize < 0 || cacheSize > 1_000_000) {
      throw new IllegalArgumentException(
          "cacheSize %d is outside [0, 1000000]".formatted(cacheSize));
    }
    if (threads < 0 || threads > 256) {
      throw new IllegalArgumentException("threads %d is outside [0, 256]".formatted(threads));
    }
  }

  /** 64 tokens, a 2048-text cache, ORT's default threading. */
  public static MiniLmConfig defaults() {
    return new MiniLmConfig(64, 2048, 0);
  }

  public MiniLmConfig withMaxTokens(int maxTokens) {
    return new MiniLmConfig(maxTokens, cacheSize, threads);
  }

  public MiniLmConfig withCacheSize(int cacheSize) {
    return new MiniLmConfig(maxTokens, cacheSize, threads);
  }

  public MiniLmConfig withThreads(int threads) {
    return new MiniLmConfig(maxTokens, cacheSize, threads);
  }
}
