package dev.mediagen.edit;

import dev.mediagen.world.Scene;
import dev.mediagen.world.Video;
import java.util.Objects;

/**
 * One instruction-editing example: source image, instruction, exact target image.
 *
 * @param task the task the example was generated for (the ground-truth task index)
 * @param source the scene the source image shows (for EDGES_TO_IMAGE and SUPER_RESOLUTION the
 *     source image is a degraded view of it)
 * @param sourceImage the input image c_I, one frame at the world's canvas size
 * @param targetImage the exact desired output
 * @param instruction the natural-language instruction c_T
 * @param targetScene the edited scene graph for {@link Scoring#SCENE} tasks; null for vision and
 *     pixel tasks, whose target is not a scene
 * @param focus which objects, background and text the instruction touches
 * @param variant the template group the instruction came from, e.g. "texture.striped" or
 *     "color.blur" (the sub-operation for tasks that have several)
 */
public record EditExample(
    EditTask task,
    Scene source,
    Video sourceImage,
    Video targetImage,
    String instruction,
    Scene targetScene,
    EditFocus focus,
    String variant) {

  public EditExample {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sourceImage, "sourceImage");
    Objects.requireNonNull(targetImage, "targetImage");
    Objects.requireNonNull(focus, "focus");
    Objects.requireNonNull(variant, "variant");
    if (instruction == null || instruction.isBlank()) {
      throw new IllegalArgumentException("instruction must not be empty");
    }
    if ((targetScene != null) != (task.scoring() == Scoring.SCENE)) {
      throw new IllegalArgumentException(
          "task %s %s a target scene".formatted(task, targetScene == null ? "needs" : "has no"));
    }
    for (Video v : new Video[] {sourceImage, targetImage}) {
      if (v.frames() != 1 || v.width() != source.width() || v.height() != source.height()) {
        throw new IllegalArgumentException(
            "image %s must be one %dx%d frame".formatted(v, source.width(), source.height()));
      }
    }
  }
}
