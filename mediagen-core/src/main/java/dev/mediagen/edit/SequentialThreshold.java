package dev.mediagen.edit;

import dev.mediagen.world.Video;

/**
 * Emu Edit's per-pixel thresholding for multi-turn editing (papers-media.md §3.1, Eq. 4): after
 * turn {@code s}, {@code d = ‖c_I^s − c_I^{s+1}‖₁} per pixel (sum of absolute R, G, B differences,
 * values in [0, 1]), low-pass filtered to {@code d̄}; where {@code d̄ < α} the pixel keeps its
 * value from the previous turn, elsewhere it takes the new one. Small, isolated changes (drift) are
 * undone; real edits, whose changes are large and spatially coherent, pass.
 *
 * <p>The low-pass filter is the separable 3×3 binomial kernel [1 2 1]/4 ⊗ [1 2 1]/4 with clamped
 * borders (the same filter as {@link Video#blur()}); the paper does not state its filter.
 */
public final class SequentialThreshold {
  /** The paper's threshold α. */
  public static final double ALPHA = 0.03;

  private SequentialThreshold() {}

  /** {@link #apply(Video, Video, double)} with α = {@value #ALPHA}. */
  public static Video apply(Video previous, Video next) {
    return apply(previous, next, ALPHA);
  }

  /** The next turn's image with pixels whose low-passed change is below {@code alpha} reverted. */
  public static Video apply(Video previous, Video next, double alpha) {
    if (previous.frames() != next.frames()
        || previous.width() != next.width()
        || previous.height() != next.height()) {
      throw new IllegalArgumentException("shapes differ: %s vs %s".formatted(previous, next));
    }
    if (!(alpha >= 0) || !Double.isFinite(alpha)) {
      throw new IllegalArgumentException("alpha %s must be finite and >= 0".formatted(alpha));
    }
    int w = next.width();
    int h = next.height();
    int plane = w * h;
    float[] out = next.data().clone();
    for (int t = 0; t < next.frames(); t++) {
      float[] d = lowPass(difference(previous, next, t), w, h);
      for (int p = 0; p < plane; p++) {
        if (d[p] < alpha) {
          for (int c = 0; c < 3; c++) {
            int i = (t * 3 + c) * plane + p;
            out[i] = previous.data()[i];
          }
        }
      }
    }
    return new Video(next.frames(), h, w, out);
  }

  /** Per-pixel L1 distance over the three channels of frame {@code t}. */
  static float[] difference(Video a, Video b, int t) {
    int plane = a.width() * a.height();
    float[] d = new float[plane];
    for (int c = 0; c < 3; c++) {
      int base = (t * 3 + c) * plane;
      for (int p = 0; p < plane; p++) {
        d[p] += Math.abs(a.data()[base + p] - b.data()[base + p]);
      }
    }
    return d;
  }

  /** The 3×3 binomial low-pass of a {@code w×h} field, borders clamped. */
  static float[] lowPass(float[] d, int w, int h) {
    float[] tmp = new float[d.length];
    float[] out = new float[d.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        tmp[y * w + x] =
            (d[y * w + Math.max(0, x - 1)] + 2 * d[y * w + x] + d[y * w + Math.min(w - 1, x + 1)])
                / 4f;
      }
    }
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out[y * w + x] =
            (tmp[Math.max(0, y - 1) * w + x]
                    + 2 * tmp[y * w + x]
                    + tmp[Math.min(h - 1, y + 1) * w + x])
                / 4f;
      }
    }
    return out;
  }
}
