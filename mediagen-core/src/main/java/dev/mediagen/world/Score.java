package dev.mediagen.world;

/**
 * Per-scene checker result. Each attribute value is the fraction of ground-truth objects whose
 * matched detection has the right value; an unmatched truth object is wrong on every attribute.
 *
 * @param truthCount objects in the scene
 * @param detectedCount objects read from pixels
 * @param colour colour accuracy
 * @param shape shape accuracy
 * @param size size accuracy
 * @param texture texture accuracy
 * @param position frame-0 region accuracy
 * @param motion motion accuracy (BOUNCE must also have the right axis); NaN for images
 * @param count whether the detected count equals the true count
 * @param background whether the background colour was read correctly
 * @param text 1 when the visual text was read right, 0 when not; NaN when neither the scene nor the
 *     reading has text
 * @param allCorrect count, background, text, camera (where scored) and every attribute of every
 *     object right
 * @param camera 1 when the camera motion was read right, 0 when not; NaN for images and for scenes
 *     without a camera
 */
public record Score(
    int truthCount,
    int detectedCount,
    double colour,
    double shape,
    double size,
    double texture,
    double position,
    double motion,
    boolean count,
    boolean background,
    double text,
    boolean allCorrect,
    double camera) {

  /** A score without a camera. */
  public Score(
      int truthCount,
      int detectedCount,
      double colour,
      double shape,
      double size,
      double texture,
      double position,
      double motion,
      boolean count,
      boolean background,
      double text,
      boolean allCorrect) {
    this(
        truthCount,
        detectedCount,
        colour,
        shape,
        size,
        texture,
        position,
        motion,
        count,
        background,
        text,
        allCorrect,
        Double.NaN);
  }

  /** True when the camera was scored (a video of a scene with a camera). */
  public boolean hasCamera() {
    return !Double.isNaN(camera);
  }

  /** True when visual text was scored. */
  public boolean hasText() {
    return !Double.isNaN(text);
  }

  /** True when motion was scored (the scene is a video). */
  public boolean hasMotion() {
    return !Double.isNaN(motion);
  }
}
