package dev.mediagen.world;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The six (size, shape) sprites of one canvas size, used as templates: a component is scored
 * against each by intersection-over-union at the alignment that matches centroids (±1 px). On a
 * clean render the right template scores exactly 1; under noise, edge flips cost every template
 * alike, so the decision stays with the template whose outline matches (a bbox-based fill ratio, by
 * contrast, is thrown off by one attached speckle).
 */
final class Prototypes {
  private static final ConcurrentHashMap<Integer, Prototypes> CACHE = new ConcurrentHashMap<>();

  /** Templates in index order {@code size.ordinal() * 3 + shape.ordinal()}. */
  static final int COUNT = 6;

  private final int[] side = new int[COUNT];
  private final boolean[][] masks = new boolean[COUNT][];
  private final int[] area = new int[COUNT];
  private final double[] centreX = new double[COUNT];
  private final double[] centreY = new double[COUNT];
  private int smallestArea = Integer.MAX_VALUE;

  private Prototypes(int canvas) {
    for (SizeKind size : SizeKind.values()) {
      int d = size.pixels(canvas);
      for (ShapeKind shape : ShapeKind.values()) {
        int k = size.ordinal() * 3 + shape.ordinal();
        boolean[] m = Sprites.mask(shape, d);
        double sx = 0;
        double sy = 0;
        for (int p = 0; p < m.length; p++) {
          if (m[p]) {
            area[k]++;
            sx += p % d + 0.5;
            sy += p / d + 0.5;
          }
        }
        side[k] = d;
        masks[k] = m;
        centreX[k] = sx / area[k];
        centreY[k] = sy / area[k];
        smallestArea = Math.min(smallestArea, area[k]);
      }
    }
  }

  static Prototypes of(int canvas) {
    return CACHE.computeIfAbsent(canvas, Prototypes::new);
  }

  static SizeKind size(int template) {
    return SizeKind.values()[template / 3];
  }

  static ShapeKind shape(int template) {
    return ShapeKind.values()[template % 3];
  }

  /** Area of the smallest sprite. */
  int smallestArea() {
    return smallestArea;
  }

  /**
   * IoU of a component with every template. {@code in} is the component mask over its bounding box
   * ({@code bw × bh} at {@code (x0, y0)}), {@code area} its pixel count, {@code (cx, cy)} its
   * centroid.
   */
  double[] iou(
      boolean[] in, int x0, int y0, int bw, int bh, int componentArea, double cx, double cy) {
    double[] out = new double[COUNT];
    for (int k = 0; k < COUNT; k++) {
      int d = side[k];
      int ax = (int) Math.round(cx - centreX[k]);
      int ay = (int) Math.round(cy - centreY[k]);
      for (int oy = -1; oy <= 1; oy++) {
        for (int ox = -1; ox <= 1; ox++) {
          int inter = 0;
          for (int j = 0; j < d; j++) {
            int y = ay + oy + j - y0;
            if (y < 0 || y >= bh) {
              continue;
            }
            for (int i = 0; i < d; i++) {
              int x = ax + ox + i - x0;
              if (x >= 0 && x < bw && masks[k][j * d + i] && in[y * bw + x]) {
                inter++;
              }
            }
          }
          out[k] = Math.max(out[k], inter / (double) (componentArea + area[k] - inter));
        }
      }
    }
    return out;
  }
}
