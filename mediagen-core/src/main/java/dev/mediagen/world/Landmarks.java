package dev.mediagen.world;

/**
 * Background landmarks of scenes with a camera ({@code Scene.camera() != null}): a square lattice
 * of dots fixed in the world, drawn in a second background colour, so a camera pan is visible as
 * the lattice shifting even when every object moves. Without landmarks a pan would be
 * indistinguishable from all objects moving together (a lone object moving right looks exactly like
 * a still one under a left pan).
 *
 * <p>Geometry on a canvas whose shorter side is {@code c}: period {@code P = max(4, c/4)} (8 px on
 * 32), dot side {@code max(1, c/16)} (2 px on 32), dots centred in their cell (world columns 3–4,
 * 11–12, … on 32). The dot colour is background gray on black and navy, black on gray — existing
 * palette colours, so v1 readings are unaffected and dots always count as background. A sampled pan
 * moves at most {@link #maxStep} pixels per frame, under half a period, so frame-to-frame lattice
 * phase changes are unambiguous.
 */
final class Landmarks {
  private Landmarks() {}

  /** Lattice period in pixels. */
  static int period(int canvas) {
    return Math.max(4, canvas / 4);
  }

  /** Dot side in pixels. */
  static int dot(int canvas) {
    return Math.max(1, canvas / 16);
  }

  /** Largest per-frame camera displacement the lattice phase can resolve (3 px on 32). */
  static int maxStep(int canvas) {
    return period(canvas) / 2 - 1;
  }

  /** Background colour index of the dots on background {@code background}. */
  static int colour(int background) {
    return background == 1 ? 0 : 1;
  }

  /** Whether world pixel {@code (x, y)} is a landmark dot. */
  static boolean isDot(int x, int y, int canvas) {
    int p = period(canvas);
    int d = dot(canvas);
    int off = (p - d) / 2;
    return Math.floorMod(x - off, p) < d && Math.floorMod(y - off, p) < d;
  }
}
