package dev.mediagen.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SceneSamplerTest {
  private static final SceneSampler SAMPLER = new SceneSampler(WorldConfig.defaults());

  private static int objectPixels(Video v, int t, int background) {
    float[] bg = Renderer.channels(Palette.backgroundRgb(background));
    int n = 0;
    for (int y = 0; y < v.height(); y++) {
      for (int x = 0; x < v.width(); x++) {
        boolean isBg = true;
        for (int c = 0; c < 3; c++) {
          isBg &= v.data()[v.index(t, c, y, x)] == bg[c];
        }
        n += isBg ? 0 : 1;
      }
    }
    return n;
  }

  private static int spriteArea(SceneObject o, int canvas) {
    int d = o.size().pixels(canvas);
    int a = 0;
    for (boolean b : Sprites.mask(o.shape(), d)) {
      a += b ? 1 : 0;
    }
    return a;
  }

  @Property(tries = 300)
  void everySceneKeepsTheLayoutGuarantees(
      @ForAll long seed,
      @ForAll boolean video,
      @ForAll Split split,
      @ForAll @IntRange(min = 0, max = 2) int sizeChoice) {
    int size = new int[] {16, 32, 64}[sizeChoice];
    SceneSampler sampler =
        new SceneSampler((size == 16 ? WorldConfig.tiny() : WorldConfig.defaults().withSize(size)));
    Scene s = sampler.sample(new SplittableRandom(seed), split, video);
    int canvas = s.canvas();
    assertThat(s.objects()).hasSizeBetween(1, 3);
    assertThat(s.frames()).isEqualTo(video ? sampler.config().frames() : 1);
    Set<Region> regions = EnumSet.noneOf(Region.class);
    int expectedPixels = 0;
    for (SceneObject o : s.objects()) {
      // frame-0 centre clearly inside one region: at least the margin from the 1/3 and 2/3 lines
      double margin = Layout.regionMargin(canvas) - 1e-6;
      for (double border : new double[] {canvas / 3.0, 2 * canvas / 3.0}) {
        assertThat(Math.abs(o.x() - border)).isGreaterThanOrEqualTo(margin);
        assertThat(Math.abs(o.y() - border)).isGreaterThanOrEqualTo(margin);
      }
      assertThat(regions.add(Region.of(o.x(), o.y(), canvas, canvas)))
          .as("one object per region")
          .isTrue();
      expectedPixels += spriteArea(o, canvas);
      checkMotion(s, o);
    }
    // no overlap and nothing clipped at any frame: object pixels = sum of sprite areas; gap kept
    Video v = Renderer.render(s);
    for (int t = 0; t < s.frames(); t++) {
      assertThat(objectPixels(v, t, s.background())).as("frame %d", t).isEqualTo(expectedPixels);
      for (int a = 0; a < s.objects().size(); a++) {
        for (int b = a + 1; b < s.objects().size(); b++) {
          assertThat(gapBetween(s, s.objects().get(a), s.objects().get(b), t))
              .isGreaterThanOrEqualTo(Layout.gap(canvas));
        }
      }
    }
  }

  /** Chebyshev-style gap between two sprite boxes (negative when they overlap). */
  private static int gapBetween(Scene s, SceneObject a, SceneObject b, int t) {
    int da = a.size().pixels(s.canvas());
    int db = b.size().pixels(s.canvas());
    int[] pa = Trajectory.topLeft(s, a, t);
    int[] pb = Trajectory.topLeft(s, b, t);
    int gx = Math.max(pb[0] - (pa[0] + da), pa[0] - (pb[0] + db));
    int gy = Math.max(pb[1] - (pa[1] + da), pa[1] - (pb[1] + db));
    return Math.max(gx, gy);
  }

  private static void checkMotion(Scene s, SceneObject o) {
    int canvas = s.canvas();
    int d = o.size().pixels(canvas);
    if (!s.isVideo()) {
      assertThat(o.motion()).isEqualTo(Motion.STILL);
      return;
    }
    double[] positions = new double[s.frames()];
    for (int t = 0; t < s.frames(); t++) {
      int[] tl = Trajectory.topLeft(s, o, t);
      assertThat(tl[0]).isBetween(0, s.width() - d);
      assertThat(tl[1]).isBetween(0, s.height() - d);
      positions[t] = o.heading().horizontal() ? tl[0] : tl[1];
      if (o.motion() != Motion.STILL) {
        // off-axis coordinate never changes
        assertThat(o.heading().horizontal() ? tl[1] : tl[0])
            .isEqualTo(Trajectory.topLeft(s, o, 0)[o.heading().horizontal() ? 1 : 0]);
      }
    }
    int sign = o.heading().dx() + o.heading().dy();
    double net = sign * (positions[s.frames() - 1] - positions[0]);
    switch (o.motion()) {
      case STILL -> assertThat(o.speed()).isZero();
      case BOUNCE -> {
        double far = 0;
        for (double p : positions) {
          far = Math.max(far, sign * (p - positions[0]));
        }
        assertThat(far).isGreaterThanOrEqualTo(Layout.bounceLeg(canvas));
        assertThat(far - net)
            .as("travel back after the wall")
            .isGreaterThanOrEqualTo(Layout.bounceLeg(canvas));
      }
      default -> assertThat(net).isGreaterThanOrEqualTo(Layout.minTravel(canvas));
    }
  }

  @Test
  void longClipsKeepTheGuaranteesAndReadBackExactly() {
    SceneSampler sampler = new SceneSampler(WorldConfig.defaults().withFrames(16));
    SplittableRandom rng = new SplittableRandom(99);
    Checker checker = new Checker();
    int[] motions = new int[Motion.values().length];
    for (int i = 0; i < 300; i++) {
      Scene s = sampler.sample(rng, Split.TRAIN, true);
      assertThat(s.frames()).isEqualTo(16);
      for (SceneObject o : s.objects()) {
        checkMotion(s, o);
        motions[o.motion().ordinal()]++;
      }
      assertThat(checker.check(s, Renderer.render(s)).allCorrect()).as("%s", s).isTrue();
    }
    for (Motion m : Motion.values()) {
      assertThat(motions[m.ordinal()]).as("%s occurs", m).isGreaterThan(20);
    }
  }

  @Test
  void layoutDistancesAt32AreTheDocumentedOnes() {
    assertThat(Layout.gap(32)).isEqualTo(2);
    assertThat(Layout.regionMargin(32)).isEqualTo(32 / 18.0);
    assertThat(Layout.minTravel(32)).isEqualTo(4);
    assertThat(Layout.bounceLeg(32)).isEqualTo(4);
    assertThat(Layout.gap(16)).isEqualTo(1);
    assertThat(Layout.minTravel(16)).isEqualTo(2);
  }

  @Test
  void splitsControlHeldOutCombinations() {
    WorldConfig cfg = WorldConfig.defaults();
    Set<ColourShape> unseenSeen = new HashSet<>();
    Set<Integer> trainColours = new HashSet<>();
    Set<ShapeKind> trainShapes = EnumSet.noneOf(ShapeKind.class);
    SplittableRandom rng = new SplittableRandom(7);
    for (int i = 0; i < 1500; i++) {
      for (Split split : List.of(Split.TRAIN, Split.VALIDATION, Split.TEST_SEEN)) {
        for (SceneObject o : SAMPLER.sample(rng, split, i % 2 == 0).objects()) {
          assertThat(cfg.isHeldOut(ColourShape.of(o)))
              .as("%s in %s", ColourShape.of(o), split)
              .isFalse();
          if (split == Split.TRAIN) {
            trainColours.add(o.colour());
            trainShapes.add(o.shape());
          }
        }
      }
      Scene unseen = SAMPLER.sample(rng, Split.TEST_UNSEEN, i % 2 == 0);
      boolean any = false;
      for (SceneObject o : unseen.objects()) {
        if (cfg.isHeldOut(ColourShape.of(o))) {
          any = true;
          unseenSeen.add(ColourShape.of(o));
        }
      }
      assertThat(any).as("TEST_UNSEEN scene %d has a held-out combination", i).isTrue();
    }
    assertThat(unseenSeen).containsExactlyInAnyOrderElementsOf(cfg.heldOut());
    assertThat(trainColours).hasSize(Palette.objectColours());
    assertThat(trainShapes).containsExactlyInAnyOrder(ShapeKind.values());
  }

  @Test
  void distributionsFollowTheConfig() {
    SplittableRandom rng = new SplittableRandom(11);
    int n = 4000;
    int[] counts = new int[4];
    int striped = 0;
    int objects = 0;
    Set<Motion> motions = EnumSet.noneOf(Motion.class);
    Set<Integer> fps = new HashSet<>();
    for (int i = 0; i < n; i++) {
      Scene s = SAMPLER.sample(rng, Split.TRAIN, true);
      counts[s.objects().size()]++;
      fps.add(s.fps());
      for (SceneObject o : s.objects()) {
        objects++;
        striped += o.texture() == Texture.STRIPED ? 1 : 0;
        motions.add(o.motion());
      }
    }
    // weights 0.5 / 0.35 / 0.15; binomial sd at n=4000 is below 0.008
    assertThat(counts[1] / (double) n).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.03));
    assertThat(counts[2] / (double) n).isCloseTo(0.35, org.assertj.core.data.Offset.offset(0.03));
    assertThat(counts[3] / (double) n).isCloseTo(0.15, org.assertj.core.data.Offset.offset(0.03));
    assertThat(striped / (double) objects)
        .isCloseTo(0.35, org.assertj.core.data.Offset.offset(0.03));
    assertThat(motions).containsExactlyInAnyOrder(Motion.values());
    assertThat(fps).containsExactlyInAnyOrder(4, 8);
  }

  @Test
  void sameSeedSameSceneCaptionAndPixels() {
    for (long seed : new long[] {1, 42, -5}) {
      Scene a = SAMPLER.sample(new SplittableRandom(seed), Split.TRAIN, true);
      Scene b = SAMPLER.sample(new SplittableRandom(seed), Split.TRAIN, true);
      assertThat(a).isEqualTo(b);
      assertThat(Captioner.caption(a, new SplittableRandom(seed)))
          .isEqualTo(Captioner.caption(b, new SplittableRandom(seed)));
      assertThat(Renderer.render(a)).isEqualTo(Renderer.render(b));
    }
    assertThat(SAMPLER.sample(new SplittableRandom(1), Split.TRAIN, true))
        .isNotEqualTo(SAMPLER.sample(new SplittableRandom(2), Split.TRAIN, true));
  }

  @Test
  void testSetsAreFixedAndPrefixStable() {
    List<Scene> a = SAMPLER.testSet(Split.TEST_UNSEEN, 50, 3);
    assertThat(SAMPLER.testSet(Split.TEST_UNSEEN, 50, 3)).isEqualTo(a);
    assertThat(SAMPLER.testSet(Split.TEST_UNSEEN, 80, 3).subList(0, 50)).isEqualTo(a);
    assertThat(SAMPLER.testSet(Split.TEST_SEEN, 50, 3)).isNotEqualTo(a);
    assertThat(a).allMatch(s -> s.frames() == 1);
    assertThat(SAMPLER.testSet(Split.TEST_SEEN, 5, 3, true)).allMatch(s -> s.frames() == 8);
  }

  @Test
  void halvingFpsDoublesPerFrameDisplacement() {
    SceneObject o =
        new SceneObject(
            ShapeKind.SQUARE, 0, SizeKind.SMALL, Texture.SOLID, 6, 16, Motion.RIGHT, 6f);
    Scene at8 = new Scene(32, 32, 8, 8, 0, List.of(o));
    Scene at4 = at8.withFps(4);
    for (int t = 0; 2 * t < at8.frames(); t++) {
      // frame t at 4 fps is the same instant as frame 2t at 8 fps
      assertThat(Trajectory.topLeft(at4, o, t)).containsExactly(Trajectory.topLeft(at8, o, 2 * t));
    }
    // 6 px/s: 0.75 px per frame at 8 fps (7 frames -> 5.25 px), 1.5 px per frame at 4 fps (10.5 px)
    assertThat(Trajectory.topLeft(at8, o, 7)[0] - Trajectory.topLeft(at8, o, 0)[0]).isEqualTo(5);
    assertThat(Trajectory.topLeft(at4, o, 7)[0] - Trajectory.topLeft(at4, o, 0)[0]).isEqualTo(11);
    Checker checker = new Checker();
    double ppf8 = checker.read(Renderer.render(at8)).objects().get(0).pixelsPerFrame();
    double ppf4 = checker.read(Renderer.render(at4)).objects().get(0).pixelsPerFrame();
    assertThat(ppf8).isCloseTo(5 / 7.0, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(ppf4).isCloseTo(11 / 7.0, org.assertj.core.data.Offset.offset(1e-6));
  }
}
