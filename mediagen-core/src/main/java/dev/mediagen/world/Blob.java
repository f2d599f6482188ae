package dev.mediagen.world;

/**
 * Measurements of one foreground component in one frame.
 *
 * @param x0 bounding box left column (inclusive)
 * @param y0 bounding box top row (inclusive)
 * @param x1 bounding box right column (inclusive)
 * @param y1 bounding box bottom row (inclusive)
 * @param area number of component pixels
 * @param cx centroid x of the component pixels (pixel centres at i + ½)
 * @param cy centroid y
 * @param colour object colour with the most votes (base and shade pixels both vote for their
 *     colour)
 * @param fill hole-filled area divided by bounding-box area (square 1, circle ≈0.8, triangle ≈0.6)
 * @param shadeFraction fraction of shade pixels among the component's interior pixels (all pixels
 *     if the interior is tiny): ≈0 solid, ≈0.5 striped
 * @param iou intersection-over-union with each {@link Prototypes} template
 */
record Blob(
    int x0,
    int y0,
    int x1,
    int y1,
    int area,
    double cx,
    double cy,
    int colour,
    double fill,
    double shadeFraction,
    double[] iou) {

  private static final int MIN_INTERIOR = 6;

  int width() {
    return x1 - x0 + 1;
  }

  int height() {
    return y1 - y0 + 1;
  }

  /** Bounding-box centre x (pixel edges at integers). */
  double boxX() {
    return (x0 + x1 + 1) / 2.0;
  }

  /** Bounding-box centre y. */
  double boxY() {
    return (y0 + y1 + 1) / 2.0;
  }

  /** Measures the component {@code members} (pixel indices) of a {@code w}-wide label map. */
  static Blob of(int[] members, int[] labels, int w, Prototypes protos) {
    int x0 = Integer.MAX_VALUE;
    int y0 = Integer.MAX_VALUE;
    int x1 = -1;
    int y1 = -1;
    double sx = 0;
    double sy = 0;
    int[] votes = new int[Palette.objectColours()];
    for (int p : members) {
      int x = p % w;
      int y = p / w;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
      sx += x + 0.5;
      sy += y + 0.5;
      votes[Segmentation.family(labels[p])]++;
    }
    int colour = 0;
    for (int c = 1; c < votes.length; c++) {
      colour = votes[c] > votes[colour] ? c : colour;
    }
    int bw = x1 - x0 + 1;
    int bh = y1 - y0 + 1;
    boolean[] in = new boolean[bw * bh];
    for (int p : members) {
      in[(p / w - y0) * bw + (p % w - x0)] = true;
    }
    boolean[] filled = fillHoles(in, bw, bh);
    int filledArea = 0;
    for (boolean f : filled) {
      filledArea += f ? 1 : 0;
    }
    double cx = sx / members.length;
    double cy = sy / members.length;
    return new Blob(
        x0,
        y0,
        x1,
        y1,
        members.length,
        cx,
        cy,
        colour,
        filledArea / (double) (bw * bh),
        shadeFraction(members, labels, w, in, x0, y0, bw, bh),
        protos.iou(in, x0, y0, bw, bh, members.length, cx, cy));
  }

  /** The mask plus every pixel not 4-connected to the box border through non-mask pixels. */
  private static boolean[] fillHoles(boolean[] in, int bw, int bh) {
    boolean[] outside = new boolean[in.length];
    int[] stack = new int[in.length];
    int top = 0;
    for (int j = 0; j < bh; j++) {
      for (int i = 0; i < bw; i++) {
        int p = j * bw + i;
        if ((i == 0 || j == 0 || i == bw - 1 || j == bh - 1) && !in[p]) {
          outside[p] = true;
          stack[top++] = p;
        }
      }
    }
    while (top > 0) {
      int p = stack[--top];
      int i = p % bw;
      int j = p / bw;
      int[] next = {
        i > 0 ? p - 1 : -1, i < bw - 1 ? p + 1 : -1, j > 0 ? p - bw : -1, j < bh - 1 ? p + bw : -1
      };
      for (int q : next) {
        if (q >= 0 && !in[q] && !outside[q]) {
          outside[q] = true;
          stack[top++] = q;
        }
      }
    }
    boolean[] filled = new boolean[in.length];
    for (int p = 0; p < in.length; p++) {
      filled[p] = !outside[p];
    }
    return filled;
  }

  /** Shade share over interior pixels (all four neighbours in the component). */
  private static double shadeFraction(
      int[] members, int[] labels, int w, boolean[] in, int x0, int y0, int bw, int bh) {
    int interior = 0;
    int interiorShade = 0;
    int shade = 0;
    for (int p : members) {
      boolean isShade = labels[p] >= Segmentation.SHADE;
      shade += isShade ? 1 : 0;
      int i = p % w - x0;
      int j = p / w - y0;
      boolean inner =
          i > 0
              && j > 0
              && i < bw - 1
              && j < bh - 1
              && in[j * bw + i - 1]
              && in[j * bw + i + 1]
              && in[(j - 1) * bw + i]
              && in[(j + 1) * bw + i];
      if (inner) {
        interior++;
        interiorShade += isShade ? 1 : 0;
      }
    }
    return interior >= MIN_INTERIOR
        ? interiorShade / (double) interior
        : shade / (double) members.length;
  }
}
