package dev.mediagen.world;

/**
 * Scene-level camera motion, Movie Gen's camera-motion control (papers-media.md §1.1 d: captions
 * are prefixed with a camera-motion label). A pan moves the view, so the whole content moves the
 * opposite way on screen: <b>the camera pans left ⇒ content moves right</b>, pans up ⇒ content
 * moves down. Objects keep their own motion on top of that shift; the background landmarks (see
 * {@link Landmarks}) move with the content alone, which is what makes the camera readable from
 * pixels even when every object moves.
 */
public enum CameraMotion {
  STATIC,
  PAN_LEFT,
  PAN_RIGHT,
  PAN_UP,
  PAN_DOWN;

  /** Unit x direction in which content moves on screen: +1 for PAN_LEFT, −1 for PAN_RIGHT. */
  public int contentDx() {
    return this == PAN_LEFT ? 1 : this == PAN_RIGHT ? -1 : 0;
  }

  /** Unit y direction in which content moves on screen (y grows down): +1 for PAN_UP. */
  public int contentDy() {
    return this == PAN_UP ? 1 : this == PAN_DOWN ? -1 : 0;
  }

  /** True for the four pans. */
  public boolean pans() {
    return this != STATIC;
  }

  /** True for PAN_LEFT and PAN_RIGHT. */
  public boolean horizontal() {
    return this == PAN_LEFT || this == PAN_RIGHT;
  }

  /** The pan whose content moves by {@code (dx, dy)}, dominant axis first; STATIC for (0, 0). */
  public static CameraMotion ofContentShift(int dx, int dy) {
    if (dx == 0 && dy == 0) {
      return STATIC;
    }
    if (Math.abs(dx) >= Math.abs(dy)) {
      return dx > 0 ? PAN_LEFT : PAN_RIGHT;
    }
    return dy > 0 ? PAN_UP : PAN_DOWN;
  }
}
