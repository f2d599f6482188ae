package dev.mediagen.world;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parameters of the ShapesWorld scene distribution.
 *
 * @param size canvas side in pixels (square canvas); object sizes, stripe widths and margins scale
 *     with it
 * @param frames frames of a video clip (images always have 1)
 * @param fps frame rates a video is drawn from uniformly
 * @param countWeights relative weight of 1, 2, … objects per scene (at most 3 entries)
 * @param heldOut colour×shape combinations kept out of TRAIN/VALIDATION
 * @param stripedProbability probability that an object is STRIPED
 * @param motionWeights relative weight of each {@link Motion}, in enum order, for video objects
 * @param minSpeed lowest object speed, in canvas sides per second
 * @param maxSpeed highest object speed, in canvas sides per second
 * @param textProbability probability that a scene shows 1–2 digits of visual text (0 = never)
 * @param cameraProbability probability that a video's camera pans (0 = camera off: no camera, no
 *     landmarks, the v1 world); when positive every scene has a camera ({@link CameraMotion}) and
 *     background landmarks, and a video pans with this probability, else is STATIC
 * @param buckets latent shapes (aspect ratio × duration) for {@link SceneSampler#sample(
 *     java.util.SplittableRandom, Split, Bucket)}; empty = the one square shape {@code size}² ×
 *     {@code frames} (a JSON config without this field reads as empty)
 */
public record WorldConfig(
    int size,
    int frames,
    List<Integer> fps,
    List<Double> countWeights,
    List<ColourShape> heldOut,
    double stripedProbability,
    List<Double> motionWeights,
    double minSpeed,
    double maxSpeed,
    double textProbability,
    double cameraProbability,
    List<Bucket> buckets) {

  /** Largest number of objects a scene may hold. */
  public static final int MAX_OBJECTS = 3;

  public WorldConfig {
    if (size < 16 || size > 256) {
      throw new IllegalArgumentException("size %d out of range [16, 256]".formatted(size));
    }
    if (frames < 1 || frames > 16) {
      throw new IllegalArgumentException("frames %d out of range [1, 16]".formatted(frames));
    }
    fps = List.copyOf(fps);
    if (fps.isEmpty()) {
      throw new IllegalArgumentException("fps choices must not be empty");
    }
    for (int f : fps) {
      if (f < 1 || f > 60) {
        throw new IllegalArgumentException("fps %d out of range [1, 60]".formatted(f));
      }
    }
    countWeights = List.copyOf(countWeights);
    if (countWeights.isEmpty() || countWeights.size() > MAX_OBJECTS) {
      throw new IllegalArgumentException(
          "countWeights has %d entries, allowed 1..%d".formatted(countWeights.size(), MAX_OBJECTS));
    }
    checkWeights("countWeights", countWeights);
    motionWeights = List.copyOf(motionWeights);
    if (motionWeights.size() != Motion.values().length) {
      throw new IllegalArgumentException(
          "motionWeights has %d entries, expected %d (one per Motion)"
              .formatted(motionWeights.size(), Motion.values().length));
    }
    checkWeights("motionWeights", motionWeights);
    if (!(stripedProbability >= 0 && stripedProbability <= 1)) {
      throw new IllegalArgumentException(
          "stripedProbability %s out of range [0, 1]".formatted(stripedProbability));
    }
    if (!(minSpeed > 0 && minSpeed <= maxSpeed && maxSpeed <= 4)) {
      throw new IllegalArgumentException(
          "speed range [%s, %s] invalid: need 0 < minSpeed <= maxSpeed <= 4 canvas sides/s"
              .formatted(minSpeed, maxSpeed));
    }
    if (!(textProbability >= 0 && textProbability <= 1)) {
      throw new IllegalArgumentException(
          "textProbability %s out of range [0, 1]".formatted(textProbability));
    }
    if (!(cameraProbability >= 0 && cameraProbability <= 1)) {
      throw new IllegalArgumentException(
          "cameraProbability %s out of range [0, 1]".formatted(cameraProbability));
    }
    buckets = buckets == null ? List.of() : List.copyOf(buckets);
    heldOut = List.copyOf(heldOut);
    checkHeldOut(heldOut);
  }

  /** The v1 world (no camera, no buckets): the constructor every pre-v2 config used. */
  public WorldConfig(
      int size,
      int frames,
      List<Integer> fps,
      List<Double> countWeights,
      List<ColourShape> heldOut,
      double stripedProbability,
      List<Double> motionWeights,
      double minSpeed,
      double maxSpeed,
      double textProbability) {
    this(
        size,
        frames,
        fps,
        countWeights,
        heldOut,
        stripedProbability,
        motionWeights,
        minSpeed,
        maxSpeed,
        textProbability,
        0.0,
        List.of());
  }

  /**
   * The project default: 32 px, 8-frame clips at 4 or 8 fps, 1–3 objects, 4 held-out combinations.
   */
  public static WorldConfig defaults() {
    return new WorldConfig(
        32,
        8,
        List.of(4, 8),
        List.of(0.5, 0.35, 0.15),
        defaultHeldOut(),
        0.35,
        List.of(0.2, 0.15, 0.15, 0.15, 0.15, 0.2),
        0.15,
        0.45,
        0.0);
  }

  /**
   * ShapesWorld v2: {@link #defaults()} plus camera pans in half the videos (every scene with
   * background landmarks), visual text in 30% of scenes, and six buckets: 32×32, 48×32 (landscape)
   * and 32×48 (portrait), each with 8 and 16 frames. {@code sample(rng, split, video)} still draws
   * the 32×32 × 8 shape.
   */
  public static WorldConfig v2() {
    List<Bucket> buckets = new java.util.ArrayList<>();
    for (int frames : new int[] {8, 16}) {
      buckets.add(new Bucket(32, 32, frames));
      buckets.add(new Bucket(48, 32, frames));
      buckets.add(new Bucket(32, 48, frames));
    }
    return defaults().withTextProbability(0.3).withCameraProbability(0.5).withBuckets(buckets);
  }

  /** True when scenes have a camera (and background landmarks). */
  public boolean hasCamera() {
    return cameraProbability > 0;
  }

  /** A CPU-test preset: 16 px, 4-frame clips at 2 or 4 fps, same held-out combinations. */
  public static WorldConfig tiny() {
    return new WorldConfig(
        16,
        4,
        List.of(2, 4),
        List.of(0.5, 0.35, 0.15),
        defaultHeldOut(),
        0.35,
        List.of(0.2, 0.15, 0.15, 0.15, 0.15, 0.2),
        0.25,
        0.6,
        0.0);
  }

  /** This configuration on another canvas size. */
  public WorldConfig withSize(int newSize) {
    return new WorldConfig(
        newSize,
        frames,
        fps,
        countWeights,
        heldOut,
        stripedProbability,
        motionWeights,
        minSpeed,
        maxSpeed,
        textProbability,
        cameraProbability,
        buckets);
  }

  /** This configuration with another clip length. */
  public WorldConfig withFrames(int newFrames) {
    return new WorldConfig(
        size,
        newFrames,
        fps,
        countWeights,
        heldOut,
        stripedProbability,
        motionWeights,
        minSpeed,
        maxSpeed,
        textProbability,
        cameraProbability,
        buckets);
  }

  /** This configuration with another visual-text probability. */
  public WorldConfig withTextProbability(double p) {
    return new WorldConfig(
        size,
        frames,
        fps,
        countWeights,
        heldOut,
        stripedProbability,
        motionWeights,
        minSpeed,
        maxSpeed,
        p,
        cameraProbability,
        buckets);
  }

  /** This configuration with another camera-pan probability (0 turns the camera off). */
  public WorldConfig withCameraProbability(double p) {
    return new WorldConfig(
        size,
        frames,
        fps,
        countWeights,
        heldOut,
        stripedProbability,
        motionWeights,
        minSpeed,
        maxSpeed,
        textProbability,
        p,
        buckets);
  }

  /** This configuration with other buckets. */
  public WorldConfig withBuckets(List<Bucket> newBuckets) {
    return new WorldConfig(
        size,
        frames,
        fps,
        countWeights,
        heldOut,
        stripedProbability,
        motionWeights,
        minSpeed,
        maxSpeed,
        textProbability,
        cameraProbability,
        newBuckets);
  }

  /** True when {@code c} is held out of training. */
  public boolean isHeldOut(ColourShape c) {
    return heldOut.contains(c);
  }

  /** red triangle, blue circle, yellow square, cyan triangle. */
  private static List<ColourShape> defaultHeldOut() {
    return List.of(
        new ColourShape(0, ShapeKind.TRIANGLE),
        new ColourShape(2, ShapeKind.CIRCLE),
        new ColourShape(3, ShapeKind.SQUARE),
        new ColourShape(5, ShapeKind.TRIANGLE));
  }

  private static void checkWeights(String name, List<Double> w) {
    double sum = 0;
    for (double v : w) {
      if (!(v >= 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException(
            "%s entry %s must be finite and >= 0".formatted(name, v));
      }
      sum += v;
    }
    if (sum <= 0) {
      throw new IllegalArgumentException("%s %s must have a positive sum".formatted(name, w));
    }
  }

  /** Every colour and every shape must keep at least one partner that is seen in training. */
  private static void checkHeldOut(List<ColourShape> heldOut) {
    Set<ColourShape> set = new HashSet<>(heldOut);
    for (int c = 0; c < Palette.objectColours(); c++) {
      Set<ShapeKind> seen = EnumSet.noneOf(ShapeKind.class);
      for (ShapeKind s : ShapeKind.values()) {
        if (!set.contains(new ColourShape(c, s))) {
          seen.add(s);
        }
      }
      if (seen.isEmpty()) {
        throw new IllegalArgumentException(
            "heldOut %s holds out every shape of colour %s; each colour must stay seen in training"
                .formatted(heldOut, Palette.objectName(c)));
      }
    }
    for (ShapeKind s : ShapeKind.values()) {
      boolean seen = false;
      for (int c = 0; c < Palette.objectColours() && !seen; c++) {
        seen = !set.contains(new ColourShape(c, s));
      }
      if (!seen) {
        throw new IllegalArgumentException(
            "heldOut %s holds out every colour of shape %s; each shape must stay seen in training"
                .formatted(heldOut, s));
      }
    }
  }
}
