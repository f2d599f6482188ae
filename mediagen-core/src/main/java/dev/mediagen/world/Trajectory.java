package dev.mediagen.world;

/**
 * Where an object is at each frame. Positions are integer top-left corners of the object's sprite,
 * so a shape renders identically wherever it is; the float path is rounded once per frame.
 *
 * <p>A directional motion moves {@code speed·t/fps} pixels along its heading by frame {@code t}. A
 * bounce moves the same way but reflects at the canvas edge (its sprite touches the edge, then
 * travels back), in world coordinates: its walls are the canvas edges of frame 0.
 *
 * <p>Camera. A panning camera shifts all content by {@link #cameraShift} (the integer-rounded
 * content displacement, opposite to the pan), so the drawn (screen) position is the world position
 * plus that shift. Objects, their bounce walls and the {@link Landmarks} move with it; visual text
 * is a screen overlay and does not.
 */
public final class Trajectory {
  private Trajectory() {}

  /**
   * Top-left pixel {x, y} of {@code o}'s sprite as drawn at frame {@code t} of {@code scene}: its
   * own (world) position plus the camera shift.
   */
  public static int[] topLeft(Scene scene, SceneObject o, int t) {
    int[] p = worldTopLeft(scene, o, t);
    if (scene.camera() != null) {
      int[] s = cameraShift(scene, t);
      p[0] += s[0];
      p[1] += s[1];
    }
    return p;
  }

  /**
   * Integer content displacement {dx, dy} at frame {@code t}: {@code round(speed·t/fps)} along the
   * direction content moves ({@link CameraMotion#contentDx()}, {@code contentDy()}); zero without a
   * pan. Screen = world + shift.
   */
  public static int[] cameraShift(Scene scene, int t) {
    CameraMotion c = scene.camera();
    if (c == null || !c.pans() || t == 0) {
      return new int[] {0, 0};
    }
    double travel = scene.cameraSpeed() * t / (double) scene.fps();
    return new int[] {round(c.contentDx() * travel), round(c.contentDy() * travel)};
  }

  /** Top-left pixel {x, y} of {@code o}'s own motion at frame {@code t}, without the camera. */
  public static int[] worldTopLeft(Scene scene, SceneObject o, int t) {
    int d = o.size().pixels(scene.canvas());
    double x0 = o.x() - d / 2.0;
    double y0 = o.y() - d / 2.0;
    if (o.motion() == Motion.STILL || t == 0) {
      return new int[] {round(x0), round(y0)};
    }
    double travel = o.speed() * t / (double) scene.fps();
    Motion h = o.heading();
    double x = x0 + h.dx() * travel;
    double y = y0 + h.dy() * travel;
    if (o.motion() == Motion.BOUNCE) {
      x = reflect(x, scene.width() - d);
      y = reflect(y, scene.height() - d);
    }
    return new int[] {round(x), round(y)};
  }

  /** Bounding-box centre {x, y} of {@code o} at frame {@code t}, as rendered. */
  public static double[] centre(Scene scene, SceneObject o, int t) {
    int d = o.size().pixels(scene.canvas());
    int[] tl = topLeft(scene, o, t);
    return new double[] {tl[0] + d / 2.0, tl[1] + d / 2.0};
  }

  /** Folds {@code u} into [0, span] as a ball bouncing between walls at 0 and span would be. */
  static double reflect(double u, double span) {
    if (span <= 0) {
      return 0;
    }
    double period = 2 * span;
    double m = u % period;
    if (m < 0) {
      m += period;
    }
    return m <= span ? m : period - m;
  }

  private static int round(double v) {
    return (int) Math.floor(v + 0.5);
  }
}
