package dev.mediagen.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Aspect-ratio and duration buckets: non-square canvases end to end. */
class BucketTest {
  private static final Checker CHECKER = new Checker();

  /** Pixels of frame {@code t} in an object colour or shade. */
  static int objectPixels(Video v, int t) {
    Set<Integer> colours = new HashSet<>();
    for (int c = 0; c < Palette.objectColours(); c++) {
      colours.add(Palette.objectRgb(c));
      colours.add(Palette.shadeRgb(c));
    }
    java.awt.image.BufferedImage f = v.frame(t);
    int n = 0;
    for (int y = 0; y < v.height(); y++) {
      for (int x = 0; x < v.width(); x++) {
        n += colours.contains(f.getRGB(x, y) & 0xFFFFFF) ? 1 : 0;
      }
    }
    return n;
  }

  /** Summed sprite areas of the scene's objects. */
  static int spriteAreas(Scene s) {
    int a = 0;
    for (SceneObject o : s.objects()) {
      for (boolean b : Sprites.mask(o.shape(), o.size().pixels(s.canvas()))) {
        a += b ? 1 : 0;
      }
    }
    return a;
  }

  @Test
  void bucketsAreValidatedAndV2HasSixShapes() {
    assertThat(WorldConfig.v2().buckets())
        .containsExactly(
            new Bucket(32, 32, 8),
            new Bucket(48, 32, 8),
            new Bucket(32, 48, 8),
            new Bucket(32, 32, 16),
            new Bucket(48, 32, 16),
            new Bucket(32, 48, 16));
    for (Bucket b : WorldConfig.v2().buckets()) {
      assertThat(b.width() % 16).isZero();
      assertThat(b.height() % 16).isZero();
    }
    assertThat(new Bucket(48, 32, 8).asImage()).isEqualTo(new Bucket(48, 32, 1));
    assertThat(new Bucket(48, 32, 8).canvas()).isEqualTo(32);
    assertThatThrownBy(() -> new Bucket(36, 32, 8))
        .hasMessageContaining("width 36")
        .hasMessageContaining("multiple of 8 in [16, 256]");
    assertThatThrownBy(() -> new Bucket(32, 8, 8)).hasMessageContaining("height 8");
    assertThatThrownBy(() -> new Bucket(32, 32, 17)).hasMessageContaining("frames 17");
    assertThatThrownBy(
            () -> new SceneSampler(WorldConfig.defaults()).randomBucket(new SplittableRandom(1)))
        .hasMessageContaining("no buckets");
  }

  @Test
  void samplerDrawsTheBucketShapeAndBucketsUniformly() {
    SceneSampler sampler = new SceneSampler(WorldConfig.v2());
    SplittableRandom rng = new SplittableRandom(12);
    int[] counts = new int[6];
    for (int i = 0; i < 1200; i++) {
      Bucket b = sampler.randomBucket(rng);
      counts[WorldConfig.v2().buckets().indexOf(b)]++;
      Scene s = sampler.sample(rng, Split.TRAIN, b);
      assertThat(new int[] {s.width(), s.height(), s.frames()})
          .containsExactly(b.width(), b.height(), b.frames());
      Scene image = sampler.sample(rng, Split.TRAIN, b.asImage());
      assertThat(image.isVideo()).isFalse();
      assertThat(Renderer.render(image).width()).isEqualTo(b.width());
    }
    for (int c : counts) {
      assertThat(c).isBetween(150, 250);
    }
  }

  @Test
  void regionsAreThirdsOfTheActualCanvas() {
    // 48x32 landscape: columns split at x = 16 and 32, rows at y = 10.67 and 21.33
    SceneObject o = SceneObject.still(ShapeKind.SQUARE, 1, SizeKind.SMALL, Texture.SOLID, 36, 6);
    Scene s = new Scene(48, 32, 1, 8, 0, List.of(o));
    assertThat(Region.of(o.x(), o.y(), 48, 32)).isEqualTo(Region.TOP_RIGHT);
    assertThat(Captioner.canonical(s))
        .isEqualTo("one object on a black background: a small green solid square at the top right");
    Reading r = CHECKER.read(Renderer.render(s));
    assertThat(r.objects())
        .singleElement()
        .extracting(DetectedObject::region)
        .isEqualTo(Region.TOP_RIGHT);
    // on a square 32 px canvas the same centre (x 36 is off-canvas there) would not fit; at x 24
    // it is the right column only on 32 px, the centre column on 48 px
    SceneObject mid = SceneObject.still(ShapeKind.SQUARE, 1, SizeKind.SMALL, Texture.SOLID, 24, 16);
    assertThat(
            CHECKER
                .read(Renderer.render(new Scene(48, 32, 1, 8, 0, List.of(mid))))
                .objects()
                .get(0)
                .region())
        .isEqualTo(Region.CENTER);
    assertThat(
            CHECKER
                .read(Renderer.render(new Scene(32, 32, 1, 8, 0, List.of(mid))))
                .objects()
                .get(0)
                .region())
        .isEqualTo(Region.RIGHT);
    // portrait 32x48: sizes follow the shorter side (8 px SMALL), rows split at 16 and 32
    Scene portrait =
        new Scene(
            32,
            48,
            1,
            8,
            0,
            List.of(SceneObject.still(ShapeKind.CIRCLE, 0, SizeKind.SMALL, Texture.SOLID, 16, 40)));
    DetectedObject d = CHECKER.read(Renderer.render(portrait)).objects().get(0);
    assertThat(d.region()).isEqualTo(Region.BOTTOM);
    assertThat(d.x1() - d.x0() + 1).isEqualTo(8);
  }

  /** Every bucket: layout guarantees hold and the checker recovers every attribute. */
  @Test
  void everyBucketReadsBackExactly() {
    WorldConfig cfg = WorldConfig.v2();
    SceneSampler sampler = new SceneSampler(cfg);
    for (Bucket b : cfg.buckets()) {
      AccuracyTally clean = new AccuracyTally();
      AccuracyTally noisy = new AccuracyTally();
      SplittableRandom rng = new SplittableRandom(b.width() * 100L + b.height() + b.frames());
      for (int i = 0; i < 120; i++) {
        Scene s = sampler.sample(rng, Split.values()[i % 4], i % 4 == 3 ? b.asImage() : b);
        Video v = Renderer.render(s);
        for (int t = 0; t < s.frames(); t++) {
          assertThat(objectPixels(v, t)).as("%s frame %d", s, t).isEqualTo(spriteAreas(s));
        }
        clean.add(CHECKER.check(s, v));
        if (i % 2 == 0) {
          noisy.add(CHECKER.check(s, v.withNoise(0.1, i)));
        }
      }
      System.out.printf("bucket %s clean: %s%nbucket %s sigma 0.10: %s%n", b, clean, b, noisy);
      for (double a :
          new double[] {
            clean.colour(), clean.shape(), clean.size(), clean.texture(), clean.position(),
            clean.motion(), clean.count(), clean.background(), clean.text(), clean.camera(),
            clean.allCorrect()
          }) {
        assertThat(a).as("%s clean: %s", b, clean).isGreaterThanOrEqualTo(0.99);
      }
      assertThat(noisy.allCorrect()).as("%s noisy: %s", b, noisy).isGreaterThanOrEqualTo(0.9);
    }
  }

  @Test
  void visualTextFitsAndReadsOnNonSquareCanvases() {
    SceneSampler sampler = new SceneSampler(WorldConfig.v2().withTextProbability(1));
    SplittableRandom rng = new SplittableRandom(77);
    Set<Integer> textX = new HashSet<>();
    Set<Integer> textY = new HashSet<>();
    for (Bucket b : List.of(new Bucket(48, 32, 8), new Bucket(32, 48, 8), new Bucket(64, 32, 1))) {
      AccuracyTally t = new AccuracyTally();
      for (int i = 0; i < 60; i++) {
        Scene s = sampler.sample(rng, Split.TRAIN, b);
        assertThat(s.text()).isNotNull();
        assertThat(Captioner.canonical(s)).contains("labelled \"" + s.text().digits() + "\"");
        t.add(CHECKER.check(s, Renderer.render(s)));
        if (b.width() > b.height()) {
          textX.add(s.text().x());
        } else {
          textY.add(s.text().y());
        }
      }
      assertThat(t.text()).as("%s", b).isEqualTo(1.0);
      assertThat(t.allCorrect()).as("%s", b).isEqualTo(1.0);
    }
    // text is placed over the whole long side, not just its first 32 px
    assertThat(textX.stream().mapToInt(Integer::intValue).max().getAsInt()).isGreaterThan(32);
    assertThat(textY.stream().mapToInt(Integer::intValue).max().getAsInt()).isGreaterThan(32);
  }
}
