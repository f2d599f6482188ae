package dev.mediagen.world;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Pixel masks of the shapes: a {@code d×d} boolean grid, row-major. A pixel is inside when its
 * centre {@code (i+½, j+½)} is inside the ideal shape, so rendering has no anti-aliasing. The
 * triangle is isosceles, apex up: row {@code j} keeps pixels within {@code (d/2)(j+1)/d} of the
 * vertical axis, which makes the apex 1–2 px wide and the base the full width.
 */
final class Sprites {
  private static final ConcurrentHashMap<Integer, boolean[]> CACHE = new ConcurrentHashMap<>();

  private Sprites() {}

  /** The mask of {@code shape} with bounding-box side {@code d} (shared; do not modify). */
  static boolean[] mask(ShapeKind shape, int d) {
    return CACHE.computeIfAbsent(shape.ordinal() * 100_000 + d, k -> draw(shape, d));
  }

  private static boolean[] draw(ShapeKind shape, int d) {
    boolean[] m = new boolean[d * d];
    double c = d / 2.0;
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < d; i++) {
        double px = i + 0.5 - c;
        double py = j + 0.5 - c;
        m[j * d + i] =
            switch (shape) {
              case SQUARE -> true;
              case CIRCLE -> px * px + py * py <= c * c;
              case TRIANGLE -> Math.abs(px) <= c * (j + 1) / d;
            };
      }
    }
    return m;
  }
}
