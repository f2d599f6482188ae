package dev.mediagen.world;

/** The three ShapesWorld shapes; triangles are isosceles and point up. */
public enum ShapeKind {
  CIRCLE,
  SQUARE,
  TRIANGLE
}
