package dev.mediagen.world;

import java.util.List;

/**
 * What the {@link Checker} read from a video.
 *
 * @param frames number of frames read
 * @param background most frequent background colour index (over all frames)
 * @param objects objects found in frame 0, in raster order of their first pixel
 * @param text digits read from the visual-text pixels ("" when there are none)
 * @param camera camera motion read from the background landmarks; null for images and for videos
 *     without landmarks
 */
public record Reading(
    int frames, int background, List<DetectedObject> objects, String text, CameraMotion camera) {
  public Reading {
    objects = List.copyOf(objects);
  }

  /** A reading without a camera. */
  public Reading(int frames, int background, List<DetectedObject> objects, String text) {
    this(frames, background, objects, text, null);
  }
}
