package dev.mediagen.coref;

/**
 * Shape and recipe of an {@link S2eCoref} model.
 *
 * @param inputDim size of the frozen encoder's token states (384 for all-MiniLM-L6-v2)
 * @param hidden width D of our trainable encoder layers
 * @param layers number of trainable {@link dev.mediagen.nn.EncoderLayer}s (0: the heads read the
 *     projected frozen states directly)
 * @param heads attention heads per layer (must divide {@code hidden})
 * @param mlpHidden SwiGLU hidden size of each layer
 * @param attentionBlock tokens per local-attention block (layers alternate unshifted and
 *     half-shifted blocks); 0 = full attention over the whole document
 * @param ffnnSize output size F of the four FC heads ({@code ffnn_size}, 3072 in the paper)
 * @param dropout dropout of the FC heads and of the projected input (0.3 in the paper)
 * @param maxSpanLength longest mention in tokens ({@code max_span_length}, 30 in the paper)
 * @param topLambda fraction λ of tokens kept as candidate mentions, k = ⌊λT⌋ ({@code top_lambda},
 *     0.4 in the paper)
 * @param mentionLossWeight weight of an auxiliary binary cross-entropy on the mention score f_m
 *     over all valid spans; 0 = the paper's loss alone. Needed for data that annotates singletons
 *     (LitBank): the paper's loss gives a singleton and a non-mention the same target (ε), so only
 *     this term can teach which unlinked spans are mentions
 * @param stringFeatures add {@link StringMatch}'s exact- and head-match indicators to the pair score, one
 *     learned weight each (not in the paper; the model then needs the document's words). Configs written
 *     before it existed read as false
 */
public record S2eConfig(
    int inputDim,
    int hidden,
    int layers,
    int heads,
    int mlpHidden,
    int attentionBlock,
    int ffnnSize,
    float dropout,
    int maxSpanLength,
    float topLambda,
    float mentionLossWeight,
    boolean stringFeatures) {

  /** A configuration without string features (the paper's model). */
  public S2eConfig(int inputDim, int hidden, int layers, int heads, int mlpHidden, int attentionBlock, int ffnnSize, float dropout,
      int maxSpanLength, float topLambda, float mentionLossWeight) {
    this(inputDim, hidden, layers, heads, mlpHidden, attentionBlock, ffnnSize, dropout, maxSpanLength, topLambda, mentionLossWeight, false);
  }

  public S2eConfig {
    requireRange("inputDim", inputDim, 1, 65536);
    requireRange("hidden", hidden, 1, 65536);
    requireRange("layers", layers, 0, 64);
    requireRange("heads", heads, 1, 256);
    if (hidden % heads != 0) {
      throw new IllegalArgumentException(
          "hidden %d must be divisible by heads %d".formatted(hidden, heads));
    }
    requireRange("mlpHidden", mlpHidden, 1, 1 << 20);
    requireRange("attentionBlock", attentionBlock, 0, 1 << 20);
    if (attentionBlock == 1) {
      throw new IllegalArgumentException("attentionBlock 1 lets a token see only itself; use 0 or >= 2");
    }
    requireRange("ffnnSize", ffnnSize, 1, 65536);
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout %s is outside [0, 1)".formatted(dropout));
    }
    requireRange("maxSpanLength", maxSpanLength, 1, 1024);
    if (!(topLambda > 0 && topLambda <= 1)) {
      throw new IllegalArgumentException("topLambda %s is outside (0, 1]".formatted(topLambda));
    }
    if (!(mentionLossWeight >= 0 && mentionLossWeight <= 100)) {
      throw new IllegalArgumentException(
          "mentionLossWeight %s is outside [0, 100]".formatted(mentionLossWeight));
    }
  }

  /** A few-thousand-parameter model for unit tests (8-d inputs, spans up to 4 tokens). */
  public static S2eConfig tiny() {
    return new S2eConfig(8, 16, 1, 2, 32, 4, 16, 0f, 4, 0.4f, 0f);
  }

  /**
   * The shipped LitBank model: MiniLM states (contextual + type, 768) → 2 local-attention layers of
   * width 256 (blocks of 128) → FC heads of 256; the paper's λ = 0.4 and L = 30; dropout 0.1 (the
   * paper's 0.3 slowed our short CPU schedule several-fold); mention loss on (LitBank has
   * singletons). String features off: with them (`coref train --string-features`) test CoNLL F1 was 45.2
   * against 46.2 (docs/RESULTS.md).
   */
  public static S2eConfig litbank() {
    return new S2eConfig(WordStates.DIM, 256, 2, 4, 512, 128, 256, 0.1f, 30, 0.4f, 1f);
  }

  /** The same model with or without {@link StringMatch} features. */
  public S2eConfig withStringFeatures(boolean on) {
    return new S2eConfig(inputDim, hidden, layers, heads, mlpHidden, attentionBlock, ffnnSize, dropout, maxSpanLength, topLambda,
        mentionLossWeight, on);
  }

  /** Whether decoding also outputs kept spans with f_m > 0 that join no cluster (singletons). */
  public boolean predictsSingletons() {
    return mentionLossWeight > 0;
  }

  private static void requireRange(String name, int v, int lo, int hi) {
    if (v < lo || v > hi) {
      throw new IllegalArgumentException("%s %d is outside [%d, %d]".formatted(name, v, lo, hi));
    }
  }
}
