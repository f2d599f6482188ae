package dev.mediagen.world;

/**
 * The 3×3 grid of positions a caption names. Column and row boundaries lie at 1/3 and 2/3 of the
 * canvas; the region of an object is the cell holding its bounding-box centre at frame 0.
 */
public enum Region {
  TOP_LEFT,
  TOP,
  TOP_RIGHT,
  LEFT,
  CENTER,
  RIGHT,
  BOTTOM_LEFT,
  BOTTOM,
  BOTTOM_RIGHT;

  /** Column 0..2 (left to right). */
  public int col() {
    return ordinal() % 3;
  }

  /** Row 0..2 (top to bottom). */
  public int row() {
    return ordinal() / 3;
  }

  /** The region at {@code (col, row)}, each in 0..2. */
  public static Region at(int col, int row) {
    if (col < 0 || col > 2 || row < 0 || row > 2) {
      throw new IllegalArgumentException("grid cell (%d, %d) outside [0, 2]²".formatted(col, row));
    }
    return values()[row * 3 + col];
  }

  /** The region containing point {@code (x, y)} of a {@code width}×{@code height} canvas. */
  public static Region of(double x, double y, int width, int height) {
    int col = Math.min(2, Math.max(0, (int) Math.floor(3 * x / width)));
    int row = Math.min(2, Math.max(0, (int) Math.floor(3 * y / height)));
    return at(col, row);
  }
}
