package dev.mediagen.coref;

/**
 * Shape of the {@link SpanPairBaseline}, the span-representation model s2e replaces.
 *
 * @param encoder the shared choices (frozen-state size, trainable encoder, dropout, L, λ), equal to
 *     the s2e model it is compared with
 * @param ffnnSize hidden size of the mention and pair FFNNs
 * @param featureDim size of the span-width and antecedent-distance embeddings (20 in c2f)
 * @param maxAntecedents antecedents K kept per span by the coarse bilinear score (50 in c2f)
 */
public record SpanPairConfig(S2eConfig encoder, int ffnnSize, int featureDim, int maxAntecedents) {

  public SpanPairConfig {
    if (encoder == null) {
      throw new IllegalArgumentException("encoder config must be given");
    }
    if (ffnnSize < 1 || ffnnSize > 65536) {
      throw new IllegalArgumentException("ffnnSize %d is outside [1, 65536]".formatted(ffnnSize));
    }
    if (featureDim < 1 || featureDim > 4096) {
      throw new IllegalArgumentException("featureDim %d is outside [1, 4096]".formatted(featureDim));
    }
    if (maxAntecedents < 1 || maxAntecedents > 100_000) {
      throw new IllegalArgumentException("maxAntecedents %d is outside [1, 100000]".formatted(maxAntecedents));
    }
  }

  /** The peer of an s2e config: same encoder, FFNN size F, c2f's 20-d features and K = 50. */
  public static SpanPairConfig peerOf(S2eConfig s2e) {
    return new SpanPairConfig(s2e, s2e.ffnnSize(), 20, 50);
  }

  /** Size of a span representation g = [x_s; x_e; head; φ(width)]. */
  public int spanDim() {
    return 3 * encoder.hidden() + featureDim;
  }
}
