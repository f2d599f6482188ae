package dev.mediagen.text;

/**
 * The multi-encoder text front end (Movie Gen §3.1.4: several encoders, each projected by Linear +
 * LayerNorm to the model width and concatenated along the sequence).
 *
 * @param frozenDim width of the frozen pretrained encoder's token states (MiniLM: 384)
 * @param frozenTokens longest frozen-encoder token sequence accepted
 * @param vocab size of the trainable encoder's word vocabulary
 * @param maxWords longest word sequence accepted by the trainable encoder
 * @param dim width of the trainable encoder
 * @param layers transformer layers of the trainable encoder
 * @param heads attention heads of the trainable encoder
 * @param outDim width of the concatenated context (the denoiser's width)
 * @param charDim width of the character-level encoder for quoted visual text (Movie Gen's ByT5 role);
 *     0 disables it
 */
public record TextEncoderConfig(
    int frozenDim, int frozenTokens, int vocab, int maxWords, int dim, int layers, int heads, int outDim, int charDim) {
  /** Longest quoted text (bytes, with end markers) the character encoder reads. */
  public static final int MAX_CHARS = 32;

  /** Without the character encoder. */
  public TextEncoderConfig(int frozenDim, int frozenTokens, int vocab, int maxWords, int dim, int layers, int heads, int outDim) {
    this(frozenDim, frozenTokens, vocab, maxWords, dim, layers, heads, outDim, 0);
  }

  public TextEncoderConfig {
    require(charDim, 0, 4096, "charDim");
    require(frozenDim, 1, 4096, "frozenDim");
    require(frozenTokens, 4, 512, "frozenTokens");
    require(vocab, 8, 1_000_000, "vocab");
    require(maxWords, 4, 1024, "maxWords");
    require(dim, 8, 8192, "dim");
    require(layers, 0, 64, "layers");
    require(heads, 1, 64, "heads");
    require(outDim, 8, 16384, "outDim");
    if (dim % heads != 0) {
      throw new IllegalArgumentException("dim %d must be divisible by heads %d".formatted(dim, heads));
    }
  }

  private static void require(int v, int lo, int hi, String name) {
    if (v < lo || v > hi) {
      throw new IllegalArgumentException("%s %d must be in [%d, %d]".formatted(name, v, lo, hi));
    }
  }

  /** Returns a copy with another vocabulary size. */
  public TextEncoderConfig withVocab(int v) {
    return new TextEncoderConfig(frozenDim, frozenTokens, v, maxWords, dim, layers, heads, outDim, charDim);
  }
}
