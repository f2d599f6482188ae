package dev.mediagen.edit;

import dev.mediagen.text.TextEncoderConfig;
import dev.mediagen.video.DenoiserConfig;

/**
 * Emu Edit on the shared denoiser: the source image is concatenated on the input channels
 * ({@code denoiser.condChannels()} = its channels) and a learned task embedding joins both the
 * cross-attention context (as one extra token) and the timestep embedding.
 *
 * @param denoiser the denoiser, with condition channels for the source image
 * @param text the text front end for instructions
 * @param tasks size of the task-embedding table (row 0 is the "no task" embedding used when the
 *     instruction is dropped)
 * @param size image size in pixels
 */
public record EditModelConfig(DenoiserConfig denoiser, TextEncoderConfig text, int tasks, int size) {
  public EditModelConfig {
    if (denoiser.condChannels() != denoiser.channels()) {
      throw new IllegalArgumentException("the denoiser needs %d condition channels for the source image, has %d"
          .formatted(denoiser.channels(), denoiser.condChannels()));
    }
    if (tasks < 2 || tasks > 4096) throw new IllegalArgumentException("tasks %d must be in [2, 4096]".formatted(tasks));
    if (text.outDim() != denoiser.hidden()) {
      throw new IllegalArgumentException("text outDim %d must equal the denoiser width %d".formatted(text.outDim(), denoiser.hidden()));
    }
  }

  /** The same model for another word vocabulary size. */
  public EditModelConfig withVocab(int v) {
    return new EditModelConfig(denoiser, text.withVocab(v), tasks, size);
  }

  /** Unit tests: 16 px images. */
  public static EditModelConfig tiny() {
    DenoiserConfig d = DenoiserConfig.tiny().withCondChannels(3);
    return new EditModelConfig(d, new TextEncoderConfig(384, 64, 8, 64, 32, 1, 2, d.hidden()), EditTask.values().length + 1, 16);
  }

  /** The shipped editor: the small pixel denoiser at 32 px, images only. */
  public static EditModelConfig small() {
    DenoiserConfig d = new DenoiserConfig(3, 4, 192, 6, 6, 4f, 1, 32, 32, 32, true, true, true, 3);
    return new EditModelConfig(d, new TextEncoderConfig(384, 64, 8, 64, 128, 2, 4, d.hidden()), EditTask.values().length + 1, 32);
  }
}
