package dev.mediagen.video;

import dev.mediagen.text.TextEncoderConfig;
import java.util.List;

/**
 * A text-to-video model and the clip geometry it was trained for; generation outside it fails loudly
 * rather than producing noise.
 *
 * @param denoiser the denoiser's shape
 * @param text the text front end
 * @param sizes frame sizes (square, pixels) seen in training
 * @param maxFrames longest clip seen in training (images are 1 frame)
 * @param fps frame rates seen in training (the {@code FPS-k} prompt token)
 */
public record TextToVideoConfig(
    DenoiserConfig denoiser, TextEncoderConfig text, List<Integer> sizes, int maxFrames, List<Integer> fps, Latent latent) {
  /**
   * The latent space the denoiser works in (null: pixels).
   *
   * @param tae the temporal autoencoder's shape (its weights travel in the checkpoint's {@code tae/})
   * @param scale multiplier that brings latents to unit variance
   */
  public record Latent(TaeConfig tae, float scale) {
    public Latent {
      if (!(scale > 0) || !Float.isFinite(scale)) throw new IllegalArgumentException("latent scale %s must be > 0".formatted(scale));
    }
  }

  /** A pixel-space model. */
  public TextToVideoConfig(DenoiserConfig denoiser, TextEncoderConfig text, List<Integer> sizes, int maxFrames, List<Integer> fps) {
    this(denoiser, text, sizes, maxFrames, fps, null);
  }

  public TextToVideoConfig {
    sizes = List.copyOf(sizes);
    fps = List.copyOf(fps);
    if (sizes.isEmpty() || fps.isEmpty()) throw new IllegalArgumentException("sizes and fps must not be empty");
    int fs = latent == null ? 1 : latent.tae().spatialFactor();
    int ft = latent == null ? 1 : latent.tae().temporalFactor();
    if (latent != null && latent.tae().latentChannels() != denoiser.channels()) {
      throw new IllegalArgumentException("denoiser channels %d must equal the TAE's latent channels %d"
          .formatted(denoiser.channels(), latent.tae().latentChannels()));
    }
    for (int s : sizes) {
      if (s % (fs * denoiser.patch()) != 0 || s / fs > denoiser.maxHeight()) {
        throw new IllegalArgumentException("size %d must be a multiple of %d and at most %d"
            .formatted(s, fs * denoiser.patch(), denoiser.maxHeight() * fs));
      }
    }
    if (maxFrames < 1 || (maxFrames + ft - 1) / ft > denoiser.maxFrames()) {
      throw new IllegalArgumentException("maxFrames %d must be in [1, %d]".formatted(maxFrames, denoiser.maxFrames() * ft));
    }
    if (text.outDim() != denoiser.hidden()) {
      throw new IllegalArgumentException(
          "text outDim %d must equal the denoiser width %d".formatted(text.outDim(), denoiser.hidden()));
    }
  }

  /** Fails with the allowed values when a request is outside the trained geometry. */
  public void checkRequest(int size, int frames, int fpsValue) {
    if (!sizes.contains(size)) {
      throw new IllegalArgumentException("size %d is not one this checkpoint was trained for; allowed: %s".formatted(size, sizes));
    }
    if (frames < 1 || frames > maxFrames) {
      throw new IllegalArgumentException("frames %d must be in [1, %d] for this checkpoint".formatted(frames, maxFrames));
    }
    if (latent != null && frames > 1 && frames % latent.tae().temporalFactor() != 0) {
      throw new IllegalArgumentException("frames %d must be 1 or a multiple of the TAE's temporal compression %d"
          .formatted(frames, latent.tae().temporalFactor()));
    }
    if (frames > 1 && !fps.contains(fpsValue)) {
      throw new IllegalArgumentException("fps %d is not one this checkpoint was trained for; allowed: %s".formatted(fpsValue, fps));
    }
  }
}
