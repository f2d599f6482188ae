package dev.mediagen.world;

/**
 * Reads the camera from the {@link Landmarks} lattice (the {@link Checker}'s camera half).
 *
 * <p>Per frame, each visible background pixel (no object or text label within 1 px) gets its
 * colour's projection on the landmark-minus-background colour axis, {@code v = (c − bg)·(mark − bg)
 * / |mark − bg|²}: 0 on the background, 1 on a dot — a matched filter, so pixel noise averages out
 * over the lattice instead of flipping labels. The lattice phase is the shift {@code (sx, sy)} in
 * {@code [0, P)²} that maximizes {@code Σ (v − ½)} over the lattice's dot pixels; values are folded
 * modulo the period first, so all {@code P²} phases cost {@code O(P²·dot²)} after one pass over the
 * frame. Phase changes between frames, wrapped into {@code [−P/2, P/2)}, add up to the content
 * shift of every frame relative to frame 0; the camera is STATIC when the net shift stays under
 * half a {@link Layout#minTravel} and otherwise the pan whose content moves along the dominant axis
 * ({@link CameraMotion#ofContentShift}).
 *
 * <p>A video is only read when frame 0 has at least an eighth of a lattice's dot pixels labelled
 * with the landmark colour (so clean camera-free renders cost nothing). A frame shows the lattice
 * when, at the best phase, the mean {@code v} on dot pixels exceeds the mean off them by at least
 * {@value #MIN_CONTRAST} (a clean render: 1; a 3×3 blur: 0.53) and by at least {@value #MIN_Z}
 * standard errors of that difference (estimated from the off-dot variance), so the best of {@code
 * P²} phases of pure pixel noise does not pass for a lattice; at least two dots' worth of dot
 * pixels must be visible. A video without the lattice in frame 0 and in at least half of its frames
 * has no landmarks (a camera-free scene, or a sample that did not draw them) and its camera reads
 * as null. Frames without the lattice keep the previous phase.
 */
final class CameraReader {
  /** Least dot-minus-background contrast, in units of the landmark colour step. */
  static final double MIN_CONTRAST = 0.3;

  /** Least contrast in standard errors. */
  static final double MIN_Z = 6;

  private CameraReader() {}

  /**
   * Content shift {dx, dy} of each frame relative to frame 0, or null when the video shows no
   * landmark lattice. {@code objects} are the filtered labels (object pixels), {@code raw} the
   * unfiltered ones (text pixels); both per frame.
   */
  static int[][] shifts(Video input, int[][] objects, int[][] raw, int background) {
    int w = input.width();
    int h = input.height();
    int period = Landmarks.period(Math.min(w, h));
    float[] bg = Renderer.channels(Palette.backgroundRgb(background));
    float[] mark = Renderer.channels(Palette.backgroundRgb(Landmarks.colour(background)));
    if (!worthReading(raw[0], Landmarks.colour(background), Math.min(w, h))) {
      return null;
    }
    int frames = input.frames();
    int[][] phase = new int[frames][];
    int found = 0;
    for (int t = 0; t < frames; t++) {
      boolean[] visible = visible(raw[t], objects[t], w, h);
      phase[t] = phase(input, t, visible, bg, mark);
      if (phase[t] == null) {
        if (t == 0) {
          return null;
        }
        phase[t] = phase[t - 1];
      } else {
        found++;
      }
    }
    if (2 * found < frames) {
      return null;
    }
    int[][] out = new int[frames][2];
    for (int t = 1; t < frames; t++) {
      for (int a = 0; a < 2; a++) {
        int step = Math.floorMod(phase[t][a] - phase[t - 1][a] + period / 2, period) - period / 2;
        out[t][a] = out[t - 1][a] + step;
      }
    }
    return out;
  }

  /**
   * Cheap pre-check: frame 0 has at least an eighth of a lattice's dot pixels in the landmark
   * colour. A clean camera-free render has none, so v1 videos skip the reader.
   */
  private static boolean worthReading(int[] raw, int mark, int canvas) {
    int period = Landmarks.period(canvas);
    int dot = Landmarks.dot(canvas);
    int marked = 0;
    for (int l : raw) {
      marked += l == mark ? 1 : 0;
    }
    return 8L * marked * period * period >= (long) raw.length * dot * dot;
  }

  /** The camera of the net shift (last frame), or null without landmarks. */
  static CameraMotion direction(int[][] shifts, int canvas) {
    if (shifts == null) {
      return null;
    }
    int[] net = shifts[shifts.length - 1];
    if (Math.max(Math.abs(net[0]), Math.abs(net[1])) < Layout.minTravel(canvas) / 2.0) {
      return CameraMotion.STATIC;
    }
    return CameraMotion.ofContentShift(net[0], net[1]);
  }

  /** Background pixels with no object or text pixel in their 3×3 neighbourhood. */
  private static boolean[] visible(int[] raw, int[] objects, int w, int h) {
    boolean[] blocked = new boolean[raw.length];
    for (int p = 0; p < raw.length; p++) {
      blocked[p] = Segmentation.isObject(objects[p]) || raw[p] == Segmentation.TEXT;
    }
    boolean[] out = new boolean[raw.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean ok = true;
        for (int dy = -1; dy <= 1 && ok; dy++) {
          for (int dx = -1; dx <= 1 && ok; dx++) {
            int xx = x + dx;
            int yy = y + dy;
            ok = xx < 0 || yy < 0 || xx >= w || yy >= h || !blocked[yy * w + xx];
          }
        }
        out[y * w + x] = ok;
      }
    }
    return out;
  }

  /** The best lattice shift {sx, sy} in [0, P)² of frame {@code t}, or null without a lattice. */
  private static int[] phase(Video v, int t, boolean[] visible, float[] bg, float[] mark) {
    int w = v.width();
    int h = v.height();
    int canvas = Math.min(w, h);
    int period = Landmarks.period(canvas);
    int dot = Landmarks.dot(canvas);
    int off = (period - dot) / 2;
    float[] axis = new float[3];
    float norm = 0;
    for (int c = 0; c < 3; c++) {
      axis[c] = mark[c] - bg[c];
      norm += axis[c] * axis[c];
    }
    // fold the projections and visible counts onto the P×P torus
    double[] sum = new double[period * period];
    double[] squares = new double[period * period];
    int[] count = new int[period * period];
    double total = 0;
    double totalSquares = 0;
    int shown = 0;
    float[] d = v.data();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (!visible[y * w + x]) {
          continue;
        }
        double proj = 0;
        for (int c = 0; c < 3; c++) {
          proj += (d[v.index(t, c, y, x)] - bg[c]) * axis[c];
        }
        double value = proj / norm;
        int cell = (y % period) * period + x % period;
        sum[cell] += value;
        squares[cell] += value * value;
        count[cell]++;
        total += value;
        totalSquares += value * value;
        shown++;
      }
    }
    double best = Double.NEGATIVE_INFINITY;
    int[] bestShift = null;
    double bestSum = 0;
    double bestSquares = 0;
    int bestCount = 0;
    for (int sy = 0; sy < period; sy++) {
      for (int sx = 0; sx < period; sx++) {
        double s = 0;
        double q = 0;
        int n = 0;
        for (int j = 0; j < dot; j++) {
          int row = (off + sy + j) % period;
          for (int i = 0; i < dot; i++) {
            int cell = row * period + (off + sx + i) % period;
            s += sum[cell];
            q += squares[cell];
            n += count[cell];
          }
        }
        if (s - n / 2.0 > best) {
          best = s - n / 2.0;
          bestShift = new int[] {sx, sy};
          bestSum = s;
          bestSquares = q;
          bestCount = n;
        }
      }
    }
    int rest = shown - bestCount;
    if (bestCount < 2 * dot * dot || rest < 2) {
      return null;
    }
    double restMean = (total - bestSum) / rest;
    double contrast = bestSum / bestCount - restMean;
    double variance = Math.max(0, (totalSquares - bestSquares) / rest - restMean * restMean);
    double error = Math.sqrt(variance * (1.0 / bestCount + 1.0 / rest));
    return contrast >= MIN_CONTRAST && contrast >= MIN_Z * error ? bestShift : null;
  }
}
