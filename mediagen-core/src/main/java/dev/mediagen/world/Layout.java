package dev.mediagen.world;

/**
 * Canvas-relative distances shared by the {@link SceneSampler} (which guarantees them) and the
 * {@link Checker} (which relies on them). All take the shorter canvas side in pixels.
 */
final class Layout {
  private Layout() {}

  /** Minimum background gap between two objects' bounding boxes at every frame (2 px on 32). */
  static int gap(int canvas) {
    return Math.max(1, canvas / 16);
  }

  /** Distance a frame-0 centre keeps from the 1/3 and 2/3 region borders (1.78 px on 32). */
  static double regionMargin(int canvas) {
    return canvas / 18.0;
  }

  /** Least net displacement of a LEFT/RIGHT/UP/DOWN object over a clip (4 px on 32). */
  static int minTravel(int canvas) {
    return Math.max(2, canvas / 8);
  }

  /** Least length of each leg (towards the wall and back) of a bounce (4 px on 32). */
  static int bounceLeg(int canvas) {
    return Math.max(2, canvas / 8);
  }
}
