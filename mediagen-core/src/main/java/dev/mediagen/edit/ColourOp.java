package dev.mediagen.edit;

import dev.mediagen.world.Video;

/**
 * The COLOR task's image filters (Emu Edit's "Color" family: brightness, saturation, blur, …). All
 * map [0, 1] to [0, 1] per pixel without clamping, so the target is exact.
 */
public enum ColourOp {
  /** Every value halved: {@code x → x/2}. */
  DARKEN,
  /** Every value moved halfway to white: {@code x → x + (1 − x)/2}. */
  BRIGHTEN,
  /**
   * Each pixel replaced by its Rec. 601 luma {@code 0.299 R + 0.587 G + 0.114 B} in all channels.
   */
  GRAYSCALE,
  /** The separable 3×3 binomial blur [1 2 1]/4 of {@link Video#blur()} (edges clamped). */
  BLUR;

  /** Lower-case name, used as the instruction variant "color.<id>". */
  public String id() {
    return name().toLowerCase();
  }

  /** The filtered image. */
  public Video apply(Video v) {
    if (this == BLUR) {
      return v.blur();
    }
    float[] in = v.data();
    float[] out = new float[in.length];
    int plane = v.height() * v.width();
    for (int t = 0; t < v.frames(); t++) {
      int r0 = t * 3 * plane;
      for (int p = 0; p < plane; p++) {
        int r = r0 + p;
        int g = r + plane;
        int b = g + plane;
        switch (this) {
          case DARKEN -> {
            out[r] = in[r] * 0.5f;
            out[g] = in[g] * 0.5f;
            out[b] = in[b] * 0.5f;
          }
          case BRIGHTEN -> {
            out[r] = in[r] + (1 - in[r]) * 0.5f;
            out[g] = in[g] + (1 - in[g]) * 0.5f;
            out[b] = in[b] + (1 - in[b]) * 0.5f;
          }
          default -> {
            float y = 0.299f * in[r] + 0.587f * in[g] + 0.114f * in[b];
            out[r] = y;
            out[g] = y;
            out[b] = y;
          }
        }
      }
    }
    return new Video(v.frames(), v.height(), v.width(), out);
  }
}
