package dev.mediagen.pickscore;

import dev.mediagen.world.Video;

/**
 * One judged pair in the Pick-a-Pic row schema's terms (papers-language.md §1.2).
 *
 * @param caption the prompt
 * @param image0 the first image (one frame, values in [0, 1])
 * @param image1 the second image
 * @param label0 1 when image 0 won, 0 when image 1 won, 0.5 for a tie
 * @param numExamplesPerPrompt pairs of this prompt in the split (the loss weights each by its inverse)
 * @param model0 generator of image 0 (rankings), may be null
 * @param model1 generator of image 1, may be null
 */
public record PreferencePair(String caption, Video image0, Video image1, float label0, int numExamplesPerPrompt, String model0,
    String model1) {
  public PreferencePair {
    if (label0 != 0f && label0 != 1f && label0 != 0.5f) throw new IllegalArgumentException("label0 %s must be 0, 0.5 or 1".formatted(label0));
    if (numExamplesPerPrompt < 1) throw new IllegalArgumentException("numExamplesPerPrompt %d must be >= 1".formatted(numExamplesPerPrompt));
    if (image0.frames() != 1 || image1.frames() != 1) throw new IllegalArgumentException("pairs hold single images");
  }

  public boolean tie() {
    return label0 == 0.5f;
  }

  /** The {@link #label0} of each pair, in order (the labels {@link PreferenceAccuracy} scores against). */
  public static float[] labels(java.util.List<PreferencePair> pairs) {
    float[] l = new float[pairs.size()];
    for (int i = 0; i < l.length; i++) l[i] = pairs.get(i).label0();
    return l;
  }
}
