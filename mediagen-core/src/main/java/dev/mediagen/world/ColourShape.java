package dev.mediagen.world;

import java.util.Objects;

/**
 * A colour×shape combination, the unit of compositional hold-out: a held-out combination never
 * appears in TRAIN or VALIDATION scenes although its colour and its shape both do (with other
 * partners).
 *
 * @param colour object colour index into {@link Palette}
 * @param shape the shape
 */
public record ColourShape(int colour, ShapeKind shape) {
  public ColourShape {
    Palette.checkObject(colour);
    Objects.requireNonNull(shape, "shape");
  }

  /** The combination of {@code o}. */
  public static ColourShape of(SceneObject o) {
    return new ColourShape(o.colour(), o.shape());
  }

  @Override
  public String toString() {
    return Palette.objectName(colour) + " " + shape.name().toLowerCase();
  }
}
