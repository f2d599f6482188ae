package dev.mediagen.world;

import java.util.Objects;

/**
 * One object of a scene graph.
 *
 * @param shape circle, square or triangle
 * @param colour object colour index into {@link Palette} (0..7)
 * @param size size class; pixels via {@link SizeKind#pixels(int)}
 * @param texture solid or striped
 * @param x bounding-box centre x at frame 0, in pixels (pixel i covers [i, i+1))
 * @param y bounding-box centre y at frame 0, in pixels
 * @param motion how the object moves in a video (STILL in images)
 * @param speed pixels per second (0 when STILL); one frame moves {@code speed / fps} pixels
 * @param heading direction of travel at frame 0: equals {@code motion} except for BOUNCE, where it
 *     is LEFT/RIGHT (horizontal bounce) or UP/DOWN (vertical bounce)
 */
public record SceneObject(
    ShapeKind shape,
    int colour,
    SizeKind size,
    Texture texture,
    float x,
    float y,
    Motion motion,
    float speed,
    Motion heading) {

  public SceneObject {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(texture, "texture");
    Objects.requireNonNull(motion, "motion");
    Objects.requireNonNull(heading, "heading");
    Palette.checkObject(colour);
    if (!(speed >= 0) || !Float.isFinite(speed)) {
      throw new IllegalArgumentException("speed %s must be finite and >= 0".formatted(speed));
    }
    if (motion == Motion.BOUNCE ? !heading.directional() : heading != motion) {
      throw new IllegalArgumentException(
          ("heading %s invalid for motion %s: must equal the motion,"
                  + " or be LEFT/RIGHT/UP/DOWN for BOUNCE")
              .formatted(heading, motion));
    }
  }

  /** Same object without an explicit heading: a BOUNCE starts moving RIGHT. */
  public SceneObject(
      ShapeKind shape,
      int colour,
      SizeKind size,
      Texture texture,
      float x,
      float y,
      Motion motion,
      float speed) {
    this(
        shape,
        colour,
        size,
        texture,
        x,
        y,
        motion,
        speed,
        motion == Motion.BOUNCE ? Motion.RIGHT : motion);
  }

  /** A still object (image content). */
  public static SceneObject still(
      ShapeKind shape, int colour, SizeKind size, Texture texture, float x, float y) {
    return new SceneObject(shape, colour, size, texture, x, y, Motion.STILL, 0f);
  }

  /** True when the motion is a bounce along the x axis. */
  public boolean bouncesHorizontally() {
    return motion == Motion.BOUNCE && heading.horizontal();
  }

  /** This object with motion STILL and speed 0 (how an image shows it). */
  public SceneObject frozen() {
    return still(shape, colour, size, texture, x, y);
  }
}
