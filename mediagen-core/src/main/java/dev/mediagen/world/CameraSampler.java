package dev.mediagen.world;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the camera of a scene when the world has one ({@link WorldConfig#hasCamera()}). Images and
 * non-panning videos get {@link CameraMotion#STATIC}; a pan (each direction equally likely) moves
 * the content by a total drawn uniformly from [{@link Layout#minTravel}, 1.5·minTravel] pixels over
 * the clip (4–6 px on 32), and by at most {@link Landmarks#maxStep} pixels a frame, so the checker
 * can follow the landmark lattice. A clip too short for that is STATIC. The pan speed in pixels per
 * second is then {@code travel / duration}, so, like object speeds, one frame shifts {@code speed /
 * fps} pixels.
 *
 * <p>The travel is kept small because the sampler must keep every object inside the canvas at every
 * frame: during a pan, frame-0 positions on the side the content moves towards need room for the
 * shift (a LARGE object in the far column does not have 4 px of room on 32 px, so pans exclude it
 * there).
 */
final class CameraSampler {
  private static final List<CameraMotion> PANS =
      List.of(
          CameraMotion.PAN_LEFT,
          CameraMotion.PAN_RIGHT,
          CameraMotion.PAN_UP,
          CameraMotion.PAN_DOWN);

  private CameraSampler() {}

  /** {@code scene} with a random camera: a pan with probability {@code p} for videos. */
  static Scene draw(SplittableRandom rng, Scene scene, double p) {
    if (!scene.isVideo() || rng.nextDouble() >= p) {
      return scene.withCamera(CameraMotion.STATIC, 0f);
    }
    CameraMotion pan = PANS.get(rng.nextInt(PANS.size()));
    int canvas = scene.canvas();
    double lo = Layout.minTravel(canvas);
    double hi = Math.min(1.5 * lo, (scene.frames() - 1) * Landmarks.maxStep(canvas));
    if (hi < lo) {
      return scene.withCamera(CameraMotion.STATIC, 0f);
    }
    double travel = lo + rng.nextDouble() * (hi - lo);
    return scene.withCamera(pan, (float) (travel / scene.duration()));
  }

  /**
   * True when {@code o}'s drawn sprite is inside the canvas at every frame (always, without a pan).
   */
  static boolean inside(Scene scene, SceneObject o) {
    if (scene.camera() == null || !scene.camera().pans()) {
      return true;
    }
    int d = o.size().pixels(scene.canvas());
    for (int t = 0; t < scene.frames(); t++) {
      int[] tl = Trajectory.topLeft(scene, o, t);
      if (tl[0] < 0 || tl[1] < 0 || tl[0] + d > scene.width() || tl[1] + d > scene.height()) {
        return false;
      }
    }
    return true;
  }
}
