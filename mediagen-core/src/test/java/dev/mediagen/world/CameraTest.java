package dev.mediagen.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Camera pans: geometry, rendering, sampling guarantees and the checker's camera reading. */
class CameraTest {
  private static final Checker CHECKER = new Checker();
  private static final SceneObject STILL_SQUARE =
      SceneObject.still(ShapeKind.SQUARE, 0, SizeKind.SMALL, Texture.SOLID, 16, 16);

  /** A 32 px, 8-frame, 8 fps clip whose camera moves 8 px/s: the content shifts 1 px a frame. */
  private static Scene clip(CameraMotion camera, SceneObject... objects) {
    return new Scene(32, 32, 8, 8, 0, List.of(objects), null, camera, camera.pans() ? 8f : 0f);
  }

  private static int rgb(Video v, int t, int x, int y) {
    return v.frame(t).getRGB(x, y) & 0xFFFFFF;
  }

  @Test
  void panMovesContentOppositeToTheCamera() {
    Map<CameraMotion, int[]> lastShift = new EnumMap<>(CameraMotion.class);
    lastShift.put(CameraMotion.STATIC, new int[] {0, 0});
    lastShift.put(CameraMotion.PAN_LEFT, new int[] {7, 0});
    lastShift.put(CameraMotion.PAN_RIGHT, new int[] {-7, 0});
    lastShift.put(CameraMotion.PAN_UP, new int[] {0, 7});
    lastShift.put(CameraMotion.PAN_DOWN, new int[] {0, -7});
    for (CameraMotion c : CameraMotion.values()) {
      Scene s = clip(c, STILL_SQUARE);
      int[] shift = lastShift.get(c);
      assertThat(Trajectory.cameraShift(s, 7)).as("%s", c).containsExactly(shift);
      assertThat(Trajectory.cameraShift(s, 0)).containsExactly(0, 0);
      // the still square's sprite (world top-left 12, 12) is drawn shifted
      assertThat(Trajectory.topLeft(s, STILL_SQUARE, 7))
          .containsExactly(12 + shift[0], 12 + shift[1]);
      assertThat(Trajectory.worldTopLeft(s, STILL_SQUARE, 7)).containsExactly(12, 12);
    }
  }

  @Test
  void landmarksAreAShiftedLatticeInTheSecondBackgroundColour() {
    assertThat(Landmarks.period(32)).isEqualTo(8);
    assertThat(Landmarks.dot(32)).isEqualTo(2);
    assertThat(Landmarks.maxStep(32)).isEqualTo(3);
    assertThat(Landmarks.period(16)).isEqualTo(4);
    assertThat(Landmarks.dot(16)).isEqualTo(1);
    assertThat(Landmarks.maxStep(16)).isEqualTo(1);
    Video pan = Renderer.render(clip(CameraMotion.PAN_LEFT));
    int gray = Palette.backgroundRgb(1);
    // frame 0: dots cover columns/rows 3-4, 11-12, 19-20, 27-28
    assertThat(rgb(pan, 0, 3, 3)).isEqualTo(gray);
    assertThat(rgb(pan, 0, 4, 12)).isEqualTo(gray);
    assertThat(rgb(pan, 0, 5, 3)).isZero();
    assertThat(rgb(pan, 0, 2, 3)).isZero();
    // frame 2: the camera pans left, so the dots are 2 px further right
    assertThat(rgb(pan, 2, 5, 3)).isEqualTo(gray);
    assertThat(rgb(pan, 2, 3, 3)).isZero();
    int dots = 0;
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        dots += rgb(pan, 5, x, y) == gray ? 1 : 0;
      }
    }
    assertThat(dots).as("16 dots of 2x2 px").isEqualTo(64);
    // gray background: black dots; scenes without a camera have no landmarks
    Scene grayStatic = new Scene(32, 32, 1, 8, 1, List.of(), null, CameraMotion.STATIC, 0f);
    assertThat(rgb(Renderer.render(grayStatic), 0, 3, 3)).isZero();
    assertThat(rgb(Renderer.render(new Scene(32, 32, 1, 8, 0, List.of())), 0, 3, 3)).isZero();
  }

  @Test
  void checkerSeparatesCameraFromObjectMotion() {
    // the object moves right at the speed the camera pans right: on screen it stands still
    SceneObject right =
        new SceneObject(
            ShapeKind.CIRCLE, 2, SizeKind.SMALL, Texture.SOLID, 12, 16, Motion.RIGHT, 8f);
    Scene tracking = clip(CameraMotion.PAN_RIGHT, right);
    assertThat(Trajectory.topLeft(tracking, right, 7)).containsExactly(8, 12);
    Reading r = CHECKER.read(Renderer.render(tracking));
    assertThat(r.camera()).isEqualTo(CameraMotion.PAN_RIGHT);
    assertThat(r.objects())
        .singleElement()
        .extracting(DetectedObject::motion)
        .isEqualTo(Motion.RIGHT);
    assertThat(r.objects().get(0).pixelsPerFrame()).isCloseTo(1.0, Offset.offset(1e-6));
    assertThat(CHECKER.score(tracking, r).allCorrect()).isTrue();
    // a still object under a left pan moves right on screen, yet reads as still
    Scene pan = clip(CameraMotion.PAN_LEFT, STILL_SQUARE);
    Reading p = CHECKER.read(Renderer.render(pan));
    assertThat(p.camera()).isEqualTo(CameraMotion.PAN_LEFT);
    assertThat(p.objects().get(0).motion()).isEqualTo(Motion.STILL);
    assertThat(p.objects().get(0).trackX()[7] - p.objects().get(0).trackX()[0]).isEqualTo(7f);
    // without landmarks the same pixels of the object mean "moving right", camera unknown
    Scene noCamera = new Scene(32, 32, 8, 8, 0, List.of(STILL_SQUARE.frozen()), null, null, 0f);
    assertThat(CHECKER.read(Renderer.render(noCamera)).camera()).isNull();
    Score unscored = CHECKER.check(noCamera, Renderer.render(noCamera));
    assertThat(unscored.hasCamera()).isFalse();
    assertThat(unscored.allCorrect()).isTrue();
    // a camera scene rendered without its landmarks: the camera is unreadable and scored wrong
    Score missing = CHECKER.check(pan, Renderer.render(pan.withCamera(null, 0f)));
    assertThat(missing.camera()).isZero();
    assertThat(missing.allCorrect()).isFalse();
    // images never score the camera
    Scene image = new Scene(32, 32, 1, 8, 0, List.of(STILL_SQUARE), null, CameraMotion.STATIC, 0f);
    Score img = CHECKER.check(image, Renderer.render(image));
    assertThat(img.hasCamera()).isFalse();
    assertThat(img.allCorrect()).isTrue();
  }

  @Test
  void wrongCameraIsScoredWrong() {
    Scene left = clip(CameraMotion.PAN_LEFT, STILL_SQUARE);
    Scene up = clip(CameraMotion.PAN_UP, STILL_SQUARE);
    Score s = CHECKER.check(up, Renderer.render(left));
    assertThat(s.camera()).isZero();
    assertThat(s.allCorrect()).isFalse();
    assertThat(CHECKER.check(left, Renderer.render(left)).camera()).isEqualTo(1.0);
  }

  /**
   * Camera accuracy over {@code n} videos of {@code cfg} at noise {@code sigma} (0 = clean, −1 =
   * the 3×3 binomial blur).
   */
  private static AccuracyTally measure(WorldConfig cfg, int n, long seed, double sigma) {
    SceneSampler sampler = new SceneSampler(cfg);
    SplittableRandom rng = new SplittableRandom(seed);
    AccuracyTally t = new AccuracyTally();
    for (int i = 0; i < n; i++) {
      Scene s = sampler.sample(rng, Split.values()[i % 4], true);
      Video v = Renderer.render(s);
      t.add(CHECKER.check(s, sigma == 0 ? v : sigma < 0 ? v.blur() : v.withNoise(sigma, seed + i)));
    }
    System.out.printf("camera %s sigma %.2f: %s%n", cfg.size(), sigma, t);
    return t;
  }

  private static WorldConfig withMotionWeights(WorldConfig c, List<Double> weights) {
    return new WorldConfig(
        c.size(),
        c.frames(),
        c.fps(),
        c.countWeights(),
        c.heldOut(),
        c.stripedProbability(),
        weights,
        c.minSpeed(),
        c.maxSpeed(),
        c.textProbability(),
        c.cameraProbability(),
        c.buckets());
  }

  @Test
  void cameraIsRecoveredWithAndWithoutObjectMotion() {
    WorldConfig v2 = WorldConfig.v2().withCameraProbability(0.8);
    WorldConfig still = withMotionWeights(v2, List.of(1.0, 0.0, 0.0, 0.0, 0.0, 0.0));
    WorldConfig moving = withMotionWeights(v2, List.of(0.0, 1.0, 1.0, 1.0, 1.0, 1.0));
    for (WorldConfig cfg : List.of(still, moving, v2)) {
      AccuracyTally clean = measure(cfg, 200, 41, 0);
      assertThat(clean.camera()).isGreaterThanOrEqualTo(0.99);
      assertThat(clean.motion()).isGreaterThanOrEqualTo(0.99);
      assertThat(clean.allCorrect()).isGreaterThanOrEqualTo(0.99);
    }
    assertThat(measure(v2, 120, 43, 0.1).camera()).isGreaterThanOrEqualTo(0.98);
    assertThat(measure(v2, 120, 44, 0.2).camera()).isGreaterThanOrEqualTo(0.9);
    assertThat(measure(v2, 200, 46, -1).camera()).isGreaterThanOrEqualTo(0.95);
    assertThat(measure(WorldConfig.tiny().withCameraProbability(0.8), 200, 45, 0).camera())
        .isGreaterThanOrEqualTo(0.99);
  }

  @Test
  void cameraFreeScenesNeverShowALattice() {
    for (WorldConfig cfg : List.of(WorldConfig.tiny(), WorldConfig.defaults())) {
      SceneSampler sampler = new SceneSampler(cfg);
      SplittableRandom rng = new SplittableRandom(5);
      for (int i = 0; i < 60; i++) {
        Video v = Renderer.render(sampler.sample(rng, Split.TRAIN, true));
        assertThat(CHECKER.read(v.withNoise(i % 2 == 0 ? 0.2 : 0.3, i)).camera()).isNull();
        assertThat(CHECKER.read(v.blur()).camera()).isNull();
      }
    }
  }

  @Test
  void pansFollowTheConfig() {
    SceneSampler sampler = new SceneSampler(WorldConfig.v2());
    SplittableRandom rng = new SplittableRandom(8);
    Map<CameraMotion, Integer> counts = new EnumMap<>(CameraMotion.class);
    int n = 2000;
    for (int i = 0; i < n; i++) {
      Scene s = sampler.sample(rng, Split.TRAIN, true);
      counts.merge(s.camera(), 1, Integer::sum);
      assertThat(sampler.sample(rng, Split.TRAIN, false).camera()).isEqualTo(CameraMotion.STATIC);
    }
    // p = 0.5 pans, each direction 1/8; binomial sd below 0.012
    assertThat(counts.get(CameraMotion.STATIC) / (double) n).isCloseTo(0.5, Offset.offset(0.04));
    for (CameraMotion c :
        List.of(
            CameraMotion.PAN_LEFT,
            CameraMotion.PAN_RIGHT,
            CameraMotion.PAN_UP,
            CameraMotion.PAN_DOWN)) {
      assertThat(counts.get(c) / (double) n).as("%s", c).isCloseTo(0.125, Offset.offset(0.03));
    }
    assertThat(new SceneSampler(WorldConfig.defaults()).sample(rng, Split.TRAIN, true).camera())
        .isNull();
  }

  @Property(tries = 200)
  void pannedScenesKeepEveryObjectInsideAndApart(
      @ForAll long seed, @ForAll Split split, @ForAll @IntRange(min = 0, max = 6) int shape) {
    WorldConfig cfg = WorldConfig.v2().withCameraProbability(1);
    SceneSampler sampler = new SceneSampler(cfg);
    SplittableRandom rng = new SplittableRandom(seed);
    Scene s =
        shape == 6
            ? sampler.sample(rng, split, true)
            : sampler.sample(rng, split, cfg.buckets().get(shape));
    int canvas = s.canvas();
    int[] net = Trajectory.cameraShift(s, s.frames() - 1);
    int travel = Math.abs(net[0]) + Math.abs(net[1]);
    assertThat(s.camera().pans()).isTrue();
    assertThat(CameraMotion.ofContentShift(net[0], net[1])).isEqualTo(s.camera());
    assertThat(travel)
        .isBetween(Layout.minTravel(canvas), (int) Math.ceil(1.5 * Layout.minTravel(canvas)));
    for (int t = 1; t < s.frames(); t++) {
      int[] a = Trajectory.cameraShift(s, t - 1);
      int[] b = Trajectory.cameraShift(s, t);
      assertThat(Math.abs(b[0] - a[0]) + Math.abs(b[1] - a[1]))
          .isLessThanOrEqualTo(Landmarks.maxStep(canvas));
    }
    for (SceneObject o : s.objects()) {
      int d = o.size().pixels(canvas);
      for (int t = 0; t < s.frames(); t++) {
        int[] tl = Trajectory.topLeft(s, o, t);
        assertThat(tl[0]).isBetween(0, s.width() - d);
        assertThat(tl[1]).isBetween(0, s.height() - d);
        for (SceneObject p : s.objects()) {
          if (p != o) {
            int e = p.size().pixels(canvas);
            int[] q = Trajectory.topLeft(s, p, t);
            int gap =
                Math.max(
                    Math.max(q[0] - tl[0] - d, tl[0] - q[0] - e),
                    Math.max(q[1] - tl[1] - d, tl[1] - q[1] - e));
            assertThat(gap).as("gap at frame %d", t).isGreaterThanOrEqualTo(Layout.gap(canvas));
          }
        }
      }
    }
    // every object pixel drawn, none hidden or clipped: object-coloured pixels = sprite areas
    assertThat(BucketTest.objectPixels(Renderer.render(s), s.frames() - 1))
        .isEqualTo(BucketTest.spriteAreas(s));
    // deterministic
    Scene again =
        shape == 6
            ? sampler.sample(new SplittableRandom(seed), split, true)
            : sampler.sample(new SplittableRandom(seed), split, cfg.buckets().get(shape));
    assertThat(again).isEqualTo(s);
    assertThat(Renderer.render(again)).isEqualTo(Renderer.render(s));
  }
}
