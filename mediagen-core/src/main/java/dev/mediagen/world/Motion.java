package dev.mediagen.world;

/**
 * Object motion in a video. LEFT/RIGHT/UP/DOWN move at constant speed and stay inside the canvas;
 * BOUNCE moves along one axis and reverses at the canvas edge (its axis and initial direction are
 * the {@link SceneObject#heading()}). Images (one frame) are always STILL.
 */
public enum Motion {
  STILL,
  LEFT,
  RIGHT,
  UP,
  DOWN,
  BOUNCE;

  /**
   * Unit x step of a directional motion (−1 left, +1 right, 0 otherwise); image y grows downwards.
   */
  public int dx() {
    return this == LEFT ? -1 : this == RIGHT ? 1 : 0;
  }

  /** Unit y step of a directional motion (−1 up, +1 down, 0 otherwise). */
  public int dy() {
    return this == UP ? -1 : this == DOWN ? 1 : 0;
  }

  /** True for LEFT and RIGHT. */
  public boolean horizontal() {
    return this == LEFT || this == RIGHT;
  }

  /** True for LEFT, RIGHT, UP and DOWN. */
  public boolean directional() {
    return this != STILL && this != BOUNCE;
  }
}
