package dev.mediagen.qa;

import java.util.List;

/**
 * The small transformer encoder of our Splinter (papers-language.md §2; the paper uses BERT-base:
 * 12 layers, width 768). Pre-norm layers of the shared {@link dev.mediagen.nn.EncoderLayer}
 * (RMSNorm, SwiGLU), learned positions, no dropout; the QASS head works at width {@code dim}.
 *
 * @param vocabSize input ids ({@link HashedVocab#size()})
 * @param maxLength longest input, in tokens (the position table)
 * @param dim model width
 * @param layers encoder layers
 * @param heads attention heads ({@code dim} must be divisible by it)
 * @param mlpHidden SwiGLU hidden width
 */
public record SplinterConfig(
    int vocabSize, int maxLength, int dim, int layers, int heads, int mlpHidden) {

  /** The model sizes of the params-vs-examples study, smallest first ({@link #size}). */
  public static final List<String> SIZES = List.of("xs", "s", "m", "l");

  public SplinterConfig {
    if (vocabSize < QaTokenizer.SPECIALS.size() || vocabSize > 1_000_000) {
      throw new IllegalArgumentException(
          "vocabSize %d is outside [%d, 1000000]".formatted(vocabSize, QaTokenizer.SPECIALS.size()));
    }
    if (maxLength < 4 || maxLength > 4096) {
      throw new IllegalArgumentException("maxLength %d is outside [4, 4096]".formatted(maxLength));
    }
    if (dim < 2 || dim > 4096) {
      throw new IllegalArgumentException("dim %d is outside [2, 4096]".formatted(dim));
    }
    if (layers < 1 || layers > 48) {
      throw new IllegalArgumentException("layers %d is outside [1, 48]".formatted(layers));
    }
    if (heads < 1 || dim % heads != 0) {
      throw new IllegalArgumentException(
          "heads %d must be >= 1 and divide dim %d".formatted(heads, dim));
    }
    if (mlpHidden < 1 || mlpHidden > 16384) {
      throw new IllegalArgumentException("mlpHidden %d is outside [1, 16384]".formatted(mlpHidden));
    }
  }

  /** Tests and smoke runs: width 32, one layer, 64 positions. */
  public static SplinterConfig tiny() {
    return new SplinterConfig(512, 64, 32, 1, 2, 64);
  }

  /** The few-shot QA study's encoder: width 128, 3 layers, 4 heads, 192 positions. */
  public static SplinterConfig base() {
    return new SplinterConfig(8192, 192, 128, 3, 4, 256);
  }

  /**
   * A larger encoder for the same study: width 192, 4 layers, 6 heads (head width 32 as in {@link
   * #base()}), 192 positions; about three times base's compute per token.
   */
  public static SplinterConfig large() {
    return new SplinterConfig(8192, 192, 192, 4, 6, 384);
  }

  /**
   * A size of the params-vs-examples study: xs (width 16, 1 layer), s (32, 1), m (64, 2), l (128,
   * 3); with the study's small vocabulary they span more than 30× in parameters.
   */
  public static SplinterConfig size(String name, int vocabSize, int maxLength) {
    return switch (name) {
      case "xs" -> new SplinterConfig(vocabSize, maxLength, 16, 1, 2, 32);
      case "s" -> new SplinterConfig(vocabSize, maxLength, 32, 1, 2, 64);
      case "m" -> new SplinterConfig(vocabSize, maxLength, 64, 2, 4, 128);
      case "l" -> new SplinterConfig(vocabSize, maxLength, 128, 3, 4, 256);
      default ->
          throw new IllegalArgumentException("unknown model size '" + name + "', allowed: " + SIZES);
    };
  }

  /** The same encoder over another vocabulary. */
  public SplinterConfig withVocab(int vocab) {
    return new SplinterConfig(vocab, maxLength, dim, layers, heads, mlpHidden);
  }

  /** The same encoder with another position table. */
  public SplinterConfig withMaxLength(int length) {
    return new SplinterConfig(vocabSize, length, dim, layers, heads, mlpHidden);
  }
}
