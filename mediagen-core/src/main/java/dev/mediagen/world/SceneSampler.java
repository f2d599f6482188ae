package dev.mediagen.world;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws random scenes from a {@link WorldConfig}. Guarantees, for every scene it returns: objects
 * never overlap and keep a {@link Layout#gap} of background between their bounding boxes at every
 * frame; each frame-0 centre lies inside one {@link Region} at least {@link Layout#regionMargin}
 * from its borders, one object per region; every object is fully inside the canvas at every frame;
 * a LEFT/RIGHT/UP/DOWN object moves at least {@link Layout#minTravel} pixels; a BOUNCE travels at
 * least {@link Layout#bounceLeg} pixels towards the wall and back, reflecting once. The split
 * decides which colour×shape combinations may occur (see {@link Split}). With a camera ({@link
 * CameraSampler}) the guarantees hold for the drawn positions (own motion plus camera shift), and
 * the travel guarantees for the own motion.
 */
public final class SceneSampler {
  private static final int ATTEMPTS = 60;
  private final WorldConfig config;
  private final List<ColourShape> seen = new ArrayList<>();
  private final List<ColourShape> all = new ArrayList<>();

  public SceneSampler(WorldConfig config) {
    this.config = config;
    for (int c = 0; c < Palette.objectColours(); c++) {
      for (ShapeKind s : ShapeKind.values()) {
        ColourShape cs = new ColourShape(c, s);
        all.add(cs);
        if (!config.isHeldOut(cs)) {
          seen.add(cs);
        }
      }
    }
  }

  public WorldConfig config() {
    return config;
  }

  /**
   * A random scene of {@code split}: a video of {@code config.frames()} frames, or an image, on the
   * square {@code config.size()} canvas.
   */
  public Scene sample(SplittableRandom rng, Split split, boolean video) {
    return sample(rng, split, config.size(), config.size(), video ? config.frames() : 1);
  }

  /**
   * A random scene of {@code split} with the canvas and clip length of {@code bucket} (an image
   * when {@code bucket.frames() == 1}). Regions are the 3×3 grid of the actual canvas; object sizes
   * scale with its shorter side.
   */
  public Scene sample(SplittableRandom rng, Split split, Bucket bucket) {
    return sample(rng, split, bucket.width(), bucket.height(), bucket.frames());
  }

  /** One of {@code config.buckets()}, uniformly. */
  public Bucket randomBucket(SplittableRandom rng) {
    List<Bucket> buckets = config.buckets();
    if (buckets.isEmpty()) {
      throw new IllegalStateException(
          "the world config has no buckets; use sample(rng, split, video)");
    }
    return buckets.get(rng.nextInt(buckets.size()));
  }

  private Scene sample(SplittableRandom rng, Split split, int width, int height, int frames) {
    if (split == Split.TEST_UNSEEN && config.heldOut().isEmpty()) {
      throw new IllegalStateException("TEST_UNSEEN needs at least one held-out combination");
    }
    boolean video = frames > 1;
    int fps = video ? config.fps().get(rng.nextInt(config.fps().size())) : config.fps().get(0);
    int background = rng.nextInt(Palette.backgrounds());
    int count = 1 + MotionSampler.weighted(rng, config.countWeights());
    int unseenIndex = split == Split.TEST_UNSEEN ? rng.nextInt(count) : -1;
    Scene empty = new Scene(width, height, frames, fps, background, List.of());
    // drawn only when enabled, so camera-free configs keep their random streams
    if (config.hasCamera()) {
      empty = CameraSampler.draw(rng, empty, config.cameraProbability());
    }
    for (int restart = 0; restart < 1000; restart++) {
      SceneText text =
          config.textProbability() > 0 && rng.nextDouble() < config.textProbability()
              ? drawText(rng, width, height)
              : null;
      List<SceneObject> objects = new ArrayList<>();
      boolean[] used = new boolean[9];
      for (int i = 0; i < count; i++) {
        List<ColourShape> pool =
            i == unseenIndex ? config.heldOut() : split == Split.TEST_UNSEEN ? all : seen;
        ColourShape combo = pool.get(rng.nextInt(pool.size()));
        SceneObject o = place(rng, empty, combo, used, objects, text);
        if (o == null) {
          break;
        }
        objects.add(o);
        used[Region.of(o.x(), o.y(), width, height).ordinal()] = true;
      }
      if (objects.size() == count) {
        return new Scene(
            width,
            height,
            frames,
            fps,
            background,
            objects,
            text,
            empty.camera(),
            empty.cameraSpeed());
      }
    }
    throw new IllegalStateException(
        "could not place %d objects on a %dx%d canvas; use fewer objects or a larger canvas"
            .formatted(count, width, height));
  }

  /** Image (1-frame) shorthand of {@link #sample(SplittableRandom, Split, boolean)}. */
  public Scene sampleImage(SplittableRandom rng, Split split) {
    return sample(rng, split, false);
  }

  /**
   * A fixed evaluation set of {@code n} images: scene {@code i} depends only on (seed, section, i),
   * so a shorter set is a prefix of a longer one.
   */
  public List<Scene> testSet(Split section, int n, long seed) {
    return testSet(section, n, seed, false);
  }

  /** A fixed evaluation set of {@code n} videos ({@code video = true}) or images. */
  public List<Scene> testSet(Split section, int n, long seed, boolean video) {
    if (n < 0) {
      throw new IllegalArgumentException("test set size %d must be >= 0".formatted(n));
    }
    List<Scene> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long s = seed * 0x9E3779B97F4A7C15L + section.ordinal() * 0xBF58476D1CE4E5B9L + i;
      out.add(sample(new SplittableRandom(s), section, video));
    }
    return out;
  }

  /** One object with the given combination placed in a free region, or null after many failures. */
  private SceneObject place(
      SplittableRandom rng,
      Scene scene,
      ColourShape combo,
      boolean[] used,
      List<SceneObject> placed,
      SceneText text) {
    int canvas = scene.canvas();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Region region = Region.values()[rng.nextInt(9)];
      if (used[region.ordinal()]) {
        continue;
      }
      SizeKind size = SizeKind.values()[rng.nextInt(2)];
      Texture texture =
          rng.nextDouble() < config.stripedProbability() ? Texture.STRIPED : Texture.SOLID;
      int d = size.pixels(canvas);
      int x0 = drawCorner(rng, region.col(), scene.width(), d, canvas);
      int y0 = drawCorner(rng, region.row(), scene.height(), d, canvas);
      if (x0 < 0 || y0 < 0) {
        continue;
      }
      float cx = (float) (x0 + d / 2.0);
      float cy = (float) (y0 + d / 2.0);
      SceneObject o = SceneObject.still(combo.shape(), combo.colour(), size, texture, cx, cy);
      if (scene.isVideo()) {
        o = MotionSampler.withMotion(rng, config, scene, o);
        if (o == null) {
          continue;
        }
      }
      if (fits(scene, o, placed, text) && CameraSampler.inside(scene, o)) {
        return o;
      }
    }
    return null;
  }

  /** An integer sprite corner whose centre is inside grid cell {@code cell} with margin, or -1. */
  private static int drawCorner(SplittableRandom rng, int cell, int extent, int d, int canvas) {
    double margin = Layout.regionMargin(canvas);
    double lo = cell * extent / 3.0 + margin - d / 2.0;
    double hi = (cell + 1) * extent / 3.0 - margin - d / 2.0;
    int min = Math.max(0, (int) Math.ceil(lo));
    int max = Math.min(extent - d, (int) Math.floor(hi));
    return min > max ? -1 : min + rng.nextInt(max - min + 1);
  }

  /** 1–2 random digits at a random position inside the canvas. */
  private static SceneText drawText(SplittableRandom rng, int width, int height) {
    int n = 1 + rng.nextInt(2);
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < n; i++) {
      digits.append(rng.nextInt(10));
    }
    int canvas = Math.min(width, height);
    int x = rng.nextInt(width - DigitFont.textWidth(n, canvas) + 1);
    int y = rng.nextInt(height - DigitFont.textHeight(canvas) + 1);
    return new SceneText(digits.toString(), x, y);
  }

  /** True when {@code o} keeps the gap to every placed object and to the text at every frame. */
  static boolean fits(Scene scene, SceneObject o, List<SceneObject> placed, SceneText text) {
    int canvas = scene.canvas();
    int gap = Layout.gap(canvas);
    int d = o.size().pixels(canvas);
    if (text != null) {
      int tw = DigitFont.textWidth(text.digits().length(), canvas);
      int th = DigitFont.textHeight(canvas);
      for (int t = 0; t < scene.frames(); t++) {
        int[] a = Trajectory.topLeft(scene, o, t);
        boolean apartX = a[0] + d + gap <= text.x() || text.x() + tw + gap <= a[0];
        boolean apartY = a[1] + d + gap <= text.y() || text.y() + th + gap <= a[1];
        if (!apartX && !apartY) {
          return false;
        }
      }
    }
    for (SceneObject p : placed) {
      int e = p.size().pixels(canvas);
      for (int t = 0; t < scene.frames(); t++) {
        int[] a = Trajectory.topLeft(scene, o, t);
        int[] b = Trajectory.topLeft(scene, p, t);
        boolean apartX = a[0] + d + gap <= b[0] || b[0] + e + gap <= a[0];
        boolean apartY = a[1] + d + gap <= b[1] || b[1] + e + gap <= a[1];
        if (!apartX && !apartY) {
          return false;
        }
      }
    }
    return true;
  }
}
