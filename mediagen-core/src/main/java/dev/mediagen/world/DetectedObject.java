package dev.mediagen.world;

/**
 * One object the {@link Checker} read from pixels. Geometry is that of frame 0; the track follows
 * the object through the clip.
 *
 * @param colour voted object colour index
 * @param shape shape from fill ratio and vertical mass offset
 * @param size size class from the mean bounding-box side
 * @param texture STRIPED when the interior shade fraction exceeds the checker's threshold
 * @param region region of the frame-0 bounding-box centre
 * @param x0 frame-0 bounding box left column (inclusive)
 * @param y0 frame-0 bounding box top row (inclusive)
 * @param x1 frame-0 bounding box right column (inclusive)
 * @param y1 frame-0 bounding box bottom row (inclusive)
 * @param area frame-0 pixel count
 * @param fill hole-filled area / bounding-box area
 * @param shadeFraction interior shade-pixel fraction
 * @param trackX centroid x per frame (NaN where the object was not found)
 * @param trackY centroid y per frame (NaN where the object was not found)
 * @param motion motion read from the track (STILL for a single frame)
 * @param heading motion for LEFT..DOWN and STILL; for BOUNCE the first direction of travel, whose
 *     axis is the bounce axis
 * @param pixelsPerFrame mean per-frame displacement along the track (0 for a single frame)
 */
public record DetectedObject(
    int colour,
    ShapeKind shape,
    SizeKind size,
    Texture texture,
    Region region,
    int x0,
    int y0,
    int x1,
    int y1,
    int area,
    double fill,
    double shadeFraction,
    float[] trackX,
    float[] trackY,
    Motion motion,
    Motion heading,
    double pixelsPerFrame) {

  /** Frame-0 bounding-box centre x. */
  public double centreX() {
    return (x0 + x1 + 1) / 2.0;
  }

  /** Frame-0 bounding-box centre y. */
  public double centreY() {
    return (y0 + y1 + 1) / 2.0;
  }

  /** True when the motion is a bounce along the x axis. */
  public boolean bouncesHorizontally() {
    return motion == Motion.BOUNCE && heading.horizontal();
  }
}
