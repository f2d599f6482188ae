package dev.mediagen.world;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws an object's motion for the {@link SceneSampler}: a motion by the config's weights, then a
 * speed inside the config's range that keeps the travel guarantees ({@link Layout#minTravel},
 * {@link Layout#bounceLeg}) for the own motion and keeps the drawn sprite, camera shift included,
 * inside the canvas. Returns null when this object cannot get the drawn motion; the sampler then
 * tries another placement.
 */
final class MotionSampler {
  private MotionSampler() {}

  /**
   * Adds a random motion that satisfies the travel guarantees, or returns null if this one cannot.
   */
  static SceneObject withMotion(
      SplittableRandom rng, WorldConfig config, Scene scene, SceneObject still) {
    Motion motion = Motion.values()[weighted(rng, config.motionWeights())];
    if (motion == Motion.STILL) {
      return still;
    }
    Motion heading =
        motion == Motion.BOUNCE
            ? List.of(Motion.LEFT, Motion.RIGHT, Motion.UP, Motion.DOWN).get(rng.nextInt(4))
            : motion;
    int canvas = scene.canvas();
    int d = still.size().pixels(canvas);
    double duration = scene.duration();
    double corner = heading.horizontal() ? still.x() - d / 2.0 : still.y() - d / 2.0;
    double span = (heading.horizontal() ? scene.width() : scene.height()) - d;
    boolean forward = heading.dx() + heading.dy() > 0;
    // a pan shifts the object too: a directional move must stay inside with that shift added
    int[] shift = Trajectory.cameraShift(scene, scene.frames() - 1);
    double s = heading.horizontal() ? shift[0] : shift[1];
    double room = forward ? span - corner - s : corner + s;
    double lo = config.minSpeed() * canvas;
    double hi = config.maxSpeed() * canvas;
    if (motion == Motion.BOUNCE) {
      double wall = forward ? span - corner : corner; // world walls: the frame-0 canvas edges
      lo = Math.max(lo, (wall + Layout.bounceLeg(canvas)) / duration);
      hi = Math.min(hi, (wall + span - Layout.bounceLeg(canvas)) / duration);
    } else {
      lo = Math.max(lo, Layout.minTravel(canvas) / duration);
      hi = Math.min(hi, room / duration);
    }
    if (lo > hi) {
      return null;
    }
    float speed = (float) (lo + rng.nextDouble() * (hi - lo));
    SceneObject o =
        new SceneObject(
            still.shape(),
            still.colour(),
            still.size(),
            still.texture(),
            still.x(),
            still.y(),
            motion,
            speed,
            heading);
    return visibleMotion(scene, o) ? o : null;
  }

  /**
   * Checks the travel guarantees on the rounded per-frame world positions (own motion) and that the
   * drawn (screen) positions stay inside the canvas.
   */
  private static boolean visibleMotion(Scene scene, SceneObject o) {
    int canvas = scene.canvas();
    int d = o.size().pixels(canvas);
    Motion h = o.heading();
    int axis = h.horizontal() ? 0 : 1;
    int sign = h.dx() + h.dy();
    int start = Trajectory.worldTopLeft(scene, o, 0)[axis];
    int furthest = 0;
    int last = 0;
    for (int t = 0; t < scene.frames(); t++) {
      int[] tl = Trajectory.topLeft(scene, o, t);
      if (tl[0] < 0 || tl[1] < 0 || tl[0] + d > scene.width() || tl[1] + d > scene.height()) {
        return false;
      }
      last = sign * (Trajectory.worldTopLeft(scene, o, t)[axis] - start);
      furthest = Math.max(furthest, last);
    }
    if (o.motion() == Motion.BOUNCE) {
      int leg = Layout.bounceLeg(canvas);
      return furthest >= leg && furthest - last >= leg;
    }
    return last >= Layout.minTravel(canvas);
  }

  /** Index drawn with probability proportional to {@code weights}. */
  static int weighted(SplittableRandom rng, List<Double> weights) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    double u = rng.nextDouble() * sum;
    for (int i = 0; i < weights.size(); i++) {
      u -= weights.get(i);
      if (u < 0) {
        return i;
      }
    }
    return weights.size() - 1;
  }
}
