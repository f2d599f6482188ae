package dev.mediagen.world;

/**
 * Object size class. The side of the object's bounding box scales with the canvas: SMALL is a
 * quarter of the canvas side (8 px on 32 px), LARGE three eighths (12 px on 32 px).
 */
public enum SizeKind {
  SMALL,
  LARGE;

  /**
   * Bounding-box side in pixels on a canvas whose shorter side is {@code canvas} pixels, rounded to
   * an even number so that triangle apexes are 2 px wide and sprite centres fall on pixel corners.
   */
  public int pixels(int canvas) {
    return 2 * Math.max(1, (int) Math.round(canvas * (this == SMALL ? 0.125 : 0.1875)));
  }
}
