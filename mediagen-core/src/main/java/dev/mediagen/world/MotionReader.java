package dev.mediagen.world;

/**
 * Reads a motion from a centroid track (NaN entries = frames where the object was not found). A
 * track that along one axis travels at least half a {@link Layout#bounceLeg} from its start to an
 * extreme and at least as far back from that extreme to its end is a BOUNCE (heading = towards that
 * extreme, on the axis with the larger such excursion); otherwise the net displacement decides:
 * STILL below half a {@link Layout#minTravel}, else the dominant axis and its sign.
 */
final class MotionReader {
  private MotionReader() {}

  /** {motion, heading} of the track; STILL for fewer than two found frames. */
  static Motion[] read(float[] x, float[] y, int canvas) {
    int first = -1;
    int last = -1;
    for (int t = 0; t < x.length; t++) {
      if (!Float.isNaN(x[t])) {
        first = first < 0 ? t : first;
        last = t;
      }
    }
    if (first < 0 || first == last) {
      return new Motion[] {Motion.STILL, Motion.STILL};
    }
    double reverse = Layout.bounceLeg(canvas) / 2.0;
    double rx = reversal(x, first, last);
    double ry = reversal(y, first, last);
    if (Math.max(Math.abs(rx), Math.abs(ry)) >= reverse) {
      boolean horizontal = Math.abs(rx) >= Math.abs(ry);
      double sign = horizontal ? rx : ry;
      Motion heading =
          horizontal
              ? (sign < 0 ? Motion.LEFT : Motion.RIGHT)
              : (sign < 0 ? Motion.UP : Motion.DOWN);
      return new Motion[] {Motion.BOUNCE, heading};
    }
    double dx = x[last] - x[first];
    double dy = y[last] - y[first];
    if (Math.max(Math.abs(dx), Math.abs(dy)) < Layout.minTravel(canvas) / 2.0) {
      return new Motion[] {Motion.STILL, Motion.STILL};
    }
    Motion m =
        Math.abs(dx) >= Math.abs(dy)
            ? (dx < 0 ? Motion.LEFT : Motion.RIGHT)
            : (dy < 0 ? Motion.UP : Motion.DOWN);
    return new Motion[] {m, m};
  }

  /**
   * Signed size of the largest out-and-back excursion along one coordinate: a track that goes from
   * its start down to its minimum and back up has legs {@code start − min} and {@code end − min};
   * the excursion is the shorter leg, negative for a first move towards smaller values.
   */
  private static double reversal(float[] p, int first, int last) {
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    for (int t = first; t <= last; t++) {
      if (!Float.isNaN(p[t])) {
        lo = Math.min(lo, p[t]);
        hi = Math.max(hi, p[t]);
      }
    }
    double down = Math.min(p[first] - lo, p[last] - lo);
    double up = Math.min(hi - p[first], hi - p[last]);
    return down > up ? -down : up;
  }

  /** Mean per-frame step length between consecutive found frames (0 when fewer than two). */
  static double pixelsPerFrame(float[] x, float[] y) {
    double path = 0;
    int prev = -1;
    int first = -1;
    for (int t = 0; t < x.length; t++) {
      if (Float.isNaN(x[t])) {
        continue;
      }
      if (prev >= 0) {
        path += Math.hypot(x[t] - x[prev], y[t] - y[prev]);
      } else {
        first = t;
      }
      prev = t;
    }
    return prev > first ? path / (prev - first) : 0;
  }
}
