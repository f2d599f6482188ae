package dev.mediagen.fuse;

import dev.mediagen.text.TextEncoderConfig;
import dev.mediagen.video.DenoiserConfig;

/**
 * An X&amp;Fuse model: the shared denoiser and text front end plus how the conditioning image enters.
 *
 * @param denoiser the denoiser; with token fusion for TOKENS ({@code maxFrames} ≥ 2: the fused image takes
 *     the frame after the target), without it for EMBEDDING
 * @param text the text front end
 * @param size image size in pixels (square, one frame)
 * @param conditioning TOKENS (X&amp;Fuse: the clean image's patches join the sequence) or EMBEDDING (the
 *     baseline: the image's pooled feature as one extra cross-attention token, KNN-Diffusion / RDM style)
 */
public record FuseModelConfig(DenoiserConfig denoiser, TextEncoderConfig text, int size, Conditioning conditioning) {
  /** How the conditioning image reaches the denoiser. */
  public enum Conditioning {
    TOKENS,
    EMBEDDING
  }

  public FuseModelConfig {
    if (conditioning == null) throw new IllegalArgumentException("conditioning must be TOKENS or EMBEDDING");
    if ((conditioning == Conditioning.TOKENS) != denoiser.fusion()) {
      throw new IllegalArgumentException("conditioning %s needs a denoiser %s token fusion".formatted(conditioning,
          conditioning == Conditioning.TOKENS ? "with" : "without"));
    }
    if (conditioning == Conditioning.TOKENS && denoiser.maxFrames() < 2) {
      throw new IllegalArgumentException("token fusion needs maxFrames >= 2 (target + fused image), got %d".formatted(denoiser.maxFrames()));
    }
    if (denoiser.condChannels() != 0) throw new IllegalArgumentException("an X&Fuse denoiser has no channel conditions");
    if (size < denoiser.patch() || size % denoiser.patch() != 0 || size > denoiser.maxHeight() || size > denoiser.maxWidth()) {
      throw new IllegalArgumentException("size %d must be a multiple of patch %d and at most %d"
          .formatted(size, denoiser.patch(), Math.min(denoiser.maxHeight(), denoiser.maxWidth())));
    }
    if (text.outDim() != denoiser.hidden()) {
      throw new IllegalArgumentException("text outDim %d must equal the denoiser width %d".formatted(text.outDim(), denoiser.hidden()));
    }
  }

  /** The same model for another word vocabulary size. */
  public FuseModelConfig withVocab(int v) {
    return new FuseModelConfig(denoiser, text.withVocab(v), size, conditioning);
  }

  /** The same shapes with the other conditioning (fusion flag of the denoiser follows). */
  public FuseModelConfig with(Conditioning c) {
    DenoiserConfig d = new DenoiserConfig(denoiser.channels(), denoiser.patch(), denoiser.hidden(), denoiser.depth(),
        denoiser.heads(), denoiser.mlpRatio(), denoiser.maxFrames(), denoiser.maxHeight(), denoiser.maxWidth(),
        denoiser.stemChannels(), denoiser.refineHead(), denoiser.posEveryLayer(), denoiser.qkNorm(), 0, c == Conditioning.TOKENS);
    return new FuseModelConfig(d, text, size, c);
  }

  /** The shapes of a text-to-video model (whose weights then initialise it) at its first trained size. */
  public static FuseModelConfig fromTextToVideo(dev.mediagen.video.TextToVideoConfig t2v, Conditioning c) {
    if (t2v.latent() != null) throw new IllegalArgumentException("X&Fuse works in pixel space; the init checkpoint is a latent model");
    if (t2v.denoiser().condChannels() != 0) throw new IllegalArgumentException("the init checkpoint is an upsampler, not a text-to-video model");
    return new FuseModelConfig(t2v.denoiser().withFusion(), t2v.text(), t2v.sizes().get(0), Conditioning.TOKENS).with(c);
  }

  /** Unit tests: 16 px images, the tiny denoiser. */
  public static FuseModelConfig tiny(Conditioning c) {
    DenoiserConfig d = DenoiserConfig.tiny();
    return new FuseModelConfig(d.withFusion(), new TextEncoderConfig(384, 64, 8, 64, 32, 1, 2, d.hidden()), 16, Conditioning.TOKENS).with(c);
  }

  /** The text-to-video small model's shapes (so its checkpoints initialise it) at 32 px. */
  public static FuseModelConfig small(Conditioning c) {
    DenoiserConfig d = DenoiserConfig.small();
    return new FuseModelConfig(d.withFusion(), new TextEncoderConfig(384, 64, 160, 64, 128, 2, 4, d.hidden()), 32, Conditioning.TOKENS).with(c);
  }
}
