package dev.mediagen.world;

import java.util.List;

/**
 * What the {@link Checker} read from a video.
 *
 * @param frames number of frames read
 * @param background most frequent background colour index (over all frames)
 * @param objects objects found in frame 0, in raster order of their first pixel
 * @param text digits read from the visual-text pixels ("" when there are none)
 */
public record Reading(int frames, int background, List<DetectedObject> objects, String text) {
  public Reading {
    objects = List.copyOf(objects);
  }
}
