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
    DenoiserConfig denoiser, TextEncoderConfig text, List<Integer> sizes, int maxFrames, List<Integer> fps) {
  public TextToVideoConfig {
    sizes = List.copyOf(sizes);
    fps = List.copyOf(fps);
    if (sizes.isEmpty() || fps.isEmpty()) throw new IllegalArgumentException("sizes and fps must not be empty");
    for (int s : sizes) {
      if (s % denoiser.patch() != 0 || s > denoiser.maxHeight()) {
        throw new IllegalArgumentException(
            "size %d must be a multiple of the patch %d and at most %d".formatted(s, denoiser.patch(), denoiser.maxHeight()));
      }
    }
    if (maxFrames < 1 || maxFrames > denoiser.maxFrames()) {
      throw new IllegalArgumentException("maxFrames %d must be in [1, %d]".formatted(maxFrames, denoiser.maxFrames()));
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
    if (frames > 1 && !fps.contains(fpsValue)) {
      throw new IllegalArgumentException("fps %d is not one this checkpoint was trained for; allowed: %s".formatted(fpsValue, fps));
    }
  }
}
