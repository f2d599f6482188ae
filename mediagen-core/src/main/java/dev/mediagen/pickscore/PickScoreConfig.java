package dev.mediagen.pickscore;

/**
 * The dual encoder's shape: a word-level text encoder and a small CNN image encoder, both projected to
 * {@code embedDim} (PickScore's CLIP backbone at our scale).
 *
 * @param size image side the encoder reads (square, pixels; a multiple of 8)
 * @param vocab word vocabulary size
 * @param maxWords longest caption, with [BOS]/[EOS]
 * @param textDim word embedding width
 * @param channels width of the first conv stage (doubled after it)
 * @param embedDim joint embedding width
 * @param bigrams hash buckets of the word-bigram table added to the bag of words (fastText-style; binds
 *     "red circle" and "blue square" where a bag of words cannot), 0 = words only (checkpoints written before
 *     it existed read as 0)
 */
public record PickScoreConfig(int size, int vocab, int maxWords, int textDim, int channels, int embedDim, int bigrams) {
  public PickScoreConfig {
    if (size < 8 || size > 256 || size % 8 != 0) throw new IllegalArgumentException("size %d must be a multiple of 8 in [8, 256]".formatted(size));
    require(vocab, 8, 1_000_000, "vocab");
    require(maxWords, 4, 1024, "maxWords");
    require(textDim, 4, 4096, "textDim");
    require(channels, 2, 1024, "channels");
    require(embedDim, 2, 4096, "embedDim");
    if (bigrams != 0) require(bigrams, 2, 1 << 20, "bigrams");
  }

  /**
   * The CPU preset: 32 px images, a 32-64-64-channel image encoder, 128-wide joint embeddings, 4,096 bigram
   * buckets (about 0.47 M parameters, over half of them in the bigram table). Half as wide (16 channels, 64-d) fine-tuned 2.5 points worse with the
   * default recipe (docs/RESULTS.md).
   */
  public static PickScoreConfig small(int vocab) {
    return new PickScoreConfig(32, vocab, 48, 64, 32, 128, 4096);
  }

  /** This shape with another image-encoder width and joint-embedding width. */
  public PickScoreConfig withEncoderWidth(int channels, int embedDim) {
    return new PickScoreConfig(size, vocab, maxWords, textDim, channels, embedDim, bigrams);
  }

  private static void require(int v, int lo, int hi, String name) {
    if (v < lo || v > hi) throw new IllegalArgumentException("%s %d must be in [%d, %d]".formatted(name, v, lo, hi));
  }
}
