package dev.mediagen.video;

/**
 * Shape of the Movie Gen-style denoiser (LLaMa3 blocks with cross-attention and adaLN-Zero).
 *
 * @param channels channels of the input (3 for pixels, the TAE's latent channels otherwise)
 * @param patch spatial patch size p (kernel 1×p×p; no temporal patching)
 * @param hidden model width D
 * @param depth number of transformer blocks
 * @param heads attention heads
 * @param mlpRatio SwiGLU hidden = mlpRatio·D·2/3 (LLaMa's 2/3 keeps the FLOPs of a 4× GELU MLP)
 * @param maxFrames longest clip (frames) the temporal position table covers
 * @param maxHeight largest frame height (pixels or latent cells) the spatial tables cover
 * @param maxWidth largest frame width
 * @param stemChannels width of a full-resolution 3×3 conv stem before patchify (0 = none)
 * @param refineHead a zero-initialised 3×3 conv after unpatchify against patch-border artefacts
 * @param posEveryLayer add the positional embedding to every block's input (Movie Gen) or only once
 * @param qkNorm RMSNorm on queries and keys
 * @param condChannels channels of a clean condition concatenated to the input (Emu Edit's source image,
 *     the upsampler's low-resolution clip); their weights start at zero. 0 = none
 * @param fusion accept clean conditioning images as extra tokens in the sequence (X&amp;Fuse / Flux Kontext
 *     token fusion), marked by a learned embedding and placed after the clip's frames in time
 */
public record DenoiserConfig(
    int channels,
    int patch,
    int hidden,
    int depth,
    int heads,
    float mlpRatio,
    int maxFrames,
    int maxHeight,
    int maxWidth,
    int stemChannels,
    boolean refineHead,
    boolean posEveryLayer,
    boolean qkNorm,
    int condChannels,
    boolean fusion) {
  /** Without token fusion. */
  public DenoiserConfig(
      int channels, int patch, int hidden, int depth, int heads, float mlpRatio, int maxFrames, int maxHeight,
      int maxWidth, int stemChannels, boolean refineHead, boolean posEveryLayer, boolean qkNorm, int condChannels) {
    this(channels, patch, hidden, depth, heads, mlpRatio, maxFrames, maxHeight, maxWidth, stemChannels, refineHead,
        posEveryLayer, qkNorm, condChannels, false);
  }

  /** The same shape accepting fused conditioning tokens. */
  public DenoiserConfig withFusion() {
    return new DenoiserConfig(channels, patch, hidden, depth, heads, mlpRatio, maxFrames, maxHeight, maxWidth,
        stemChannels, refineHead, posEveryLayer, qkNorm, condChannels, true);
  }
  /** Without a channel-concatenated condition. */
  public DenoiserConfig(
      int channels, int patch, int hidden, int depth, int heads, float mlpRatio, int maxFrames, int maxHeight,
      int maxWidth, int stemChannels, boolean refineHead, boolean posEveryLayer, boolean qkNorm) {
    this(channels, patch, hidden, depth, heads, mlpRatio, maxFrames, maxHeight, maxWidth, stemChannels, refineHead,
        posEveryLayer, qkNorm, 0);
  }

  /** The same shape with {@code c} condition channels. */
  public DenoiserConfig withCondChannels(int c) {
    return new DenoiserConfig(channels, patch, hidden, depth, heads, mlpRatio, maxFrames, maxHeight, maxWidth,
        stemChannels, refineHead, posEveryLayer, qkNorm, c, fusion);
  }

  public DenoiserConfig {
    range("condChannels", condChannels, 0, 256);
    if (fusion && condChannels > 0) {
      throw new IllegalArgumentException("token fusion and channel conditions are alternatives; condChannels is %d".formatted(condChannels));
    }
    range("channels", channels, 1, 256);
    range("patch", patch, 1, 16);
    range("hidden", hidden, 8, 16384);
    range("depth", depth, 1, 128);
    range("heads", heads, 1, 128);
    range("maxFrames", maxFrames, 1, 1024);
    range("maxHeight", maxHeight, patch, 4096);
    range("maxWidth", maxWidth, patch, 4096);
    range("stemChannels", stemChannels, 0, 1024);
    if (hidden % heads != 0) {
      throw new IllegalArgumentException("hidden %d must be divisible by heads %d".formatted(hidden, heads));
    }
    if (maxHeight % patch != 0 || maxWidth % patch != 0) {
      throw new IllegalArgumentException(
          "maxHeight %d and maxWidth %d must be multiples of patch %d".formatted(maxHeight, maxWidth, patch));
    }
    if (!(mlpRatio > 0 && mlpRatio <= 16)) {
      throw new IllegalArgumentException("mlpRatio %s must be in (0, 16]".formatted(mlpRatio));
    }
  }

  private static void range(String name, int v, int lo, int hi) {
    if (v < lo || v > hi) throw new IllegalArgumentException("%s %d must be in [%d, %d]".formatted(name, v, lo, hi));
  }

  /** SwiGLU hidden width. */
  public int mlpHidden() {
    return Math.round(mlpRatio * hidden * 2 / 3f);
  }

  /** For unit tests: 16×16 pixels, 2 blocks of width 32. */
  public static DenoiserConfig tiny() {
    return new DenoiserConfig(3, 4, 32, 2, 2, 4f, 4, 16, 16, 8, true, true, true);
  }

  /** The benchmark's reference shape (issue: hidden 256, depth 4, 4 heads, 256 tokens). */
  public static DenoiserConfig benchReference() {
    return new DenoiserConfig(3, 4, 256, 4, 4, 4f, 16, 64, 64, 0, false, true, false);
  }

  /** The shipped pixel-space model: 32×32 frames, patch 4, width 192 (≈4.5 M parameters). */
  public static DenoiserConfig small() {
    return new DenoiserConfig(3, 4, 192, 6, 6, 4f, 16, 32, 32, 32, true, true, true);
  }
}
