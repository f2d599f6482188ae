package dev.mediagen.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CheckerTest {
  private final Checker checker = new Checker();

  private static Scene image(int background, SceneObject... objects) {
    return new Scene(32, 32, 1, 8, background, List.of(objects));
  }

  @Test
  void readsASingleSquareExactly() {
    Scene s =
        image(2, SceneObject.still(ShapeKind.SQUARE, 0, SizeKind.SMALL, Texture.SOLID, 16, 16));
    Reading r = checker.read(Renderer.render(s));
    assertThat(r.background()).isEqualTo(2);
    assertThat(r.objects()).hasSize(1);
    DetectedObject d = r.objects().get(0);
    assertThat(d.colour()).isZero();
    assertThat(d.shape()).isEqualTo(ShapeKind.SQUARE);
    assertThat(d.size()).isEqualTo(SizeKind.SMALL);
    assertThat(d.texture()).isEqualTo(Texture.SOLID);
    assertThat(d.region()).isEqualTo(Region.CENTER);
    assertThat(new int[] {d.x0(), d.y0(), d.x1(), d.y1(), d.area()})
        .containsExactly(12, 12, 19, 19, 64);
    assertThat(d.fill()).isEqualTo(1.0);
    assertThat(d.motion()).isEqualTo(Motion.STILL);
    assertThat(checker.score(s, r).allCorrect()).isTrue();
  }

  @Test
  void readsShapesSizesAndTextures() {
    Scene s =
        image(
            1,
            SceneObject.still(ShapeKind.TRIANGLE, 6, SizeKind.LARGE, Texture.STRIPED, 6, 6),
            SceneObject.still(ShapeKind.CIRCLE, 7, SizeKind.SMALL, Texture.SOLID, 26, 26),
            SceneObject.still(ShapeKind.CIRCLE, 4, SizeKind.LARGE, Texture.STRIPED, 26, 6));
    Reading r = checker.read(Renderer.render(s));
    assertThat(r.objects())
        .extracting(DetectedObject::shape)
        .containsExactly(ShapeKind.TRIANGLE, ShapeKind.CIRCLE, ShapeKind.CIRCLE);
    assertThat(r.objects())
        .extracting(DetectedObject::region)
        .containsExactly(Region.TOP_LEFT, Region.TOP_RIGHT, Region.BOTTOM_RIGHT);
    DetectedObject triangle = r.objects().get(0);
    assertThat(triangle.area()).isEqualTo(84);
    assertThat(triangle.fill()).isCloseTo(84 / 144.0, offset(1e-9));
    // interior rows of the striped large triangle hold both colours
    assertThat(triangle.shadeFraction()).isBetween(0.3, 0.7);
    assertThat(triangle.texture()).isEqualTo(Texture.STRIPED);
    assertThat(r.objects().get(2).area()).isEqualTo(52);
    assertThat(checker.score(s, r).allCorrect()).isTrue();
  }

  @Test
  void readsEveryMotion() {
    List<SceneObject> objects =
        List.of(
            new SceneObject(
                ShapeKind.SQUARE, 0, SizeKind.SMALL, Texture.SOLID, 5, 5, Motion.RIGHT, 8f),
            new SceneObject(
                ShapeKind.SQUARE, 1, SizeKind.SMALL, Texture.SOLID, 27, 16, Motion.UP, 8f),
            new SceneObject(
                ShapeKind.SQUARE,
                2,
                SizeKind.SMALL,
                Texture.SOLID,
                9,
                27,
                Motion.BOUNCE,
                16f,
                Motion.LEFT),
            SceneObject.still(ShapeKind.CIRCLE, 3, SizeKind.SMALL, Texture.SOLID, 16, 16));
    Scene s = new Scene(32, 32, 8, 8, 0, objects);
    Reading r = checker.read(Renderer.render(s));
    Score score = checker.score(s, r);
    assertThat(score.motion()).isEqualTo(1.0);
    assertThat(score.allCorrect()).isTrue();
    DetectedObject right =
        r.objects().stream().filter(d -> d.colour() == 0).findFirst().orElseThrow();
    assertThat(right.pixelsPerFrame()).isCloseTo(1.0, offset(1e-9));
    assertThat(right.trackX()[7] - right.trackX()[0]).isCloseTo(7f, offset(1e-4f));
    DetectedObject bounce =
        r.objects().stream().filter(d -> d.colour() == 2).findFirst().orElseThrow();
    assertThat(bounce.motion()).isEqualTo(Motion.BOUNCE);
    assertThat(bounce.heading()).isEqualTo(Motion.LEFT);
    assertThat(bounce.bouncesHorizontally()).isTrue();
  }

  @Test
  void wrongColourAndMissingObjectsCostTheirAttributes() {
    SceneObject red = SceneObject.still(ShapeKind.CIRCLE, 0, SizeKind.LARGE, Texture.SOLID, 6, 6);
    SceneObject green =
        SceneObject.still(ShapeKind.SQUARE, 1, SizeKind.SMALL, Texture.SOLID, 26, 26);
    Scene truth = image(0, red, green);
    // the picture shows a blue circle where the red one should be and no green square
    Scene drawn =
        image(0, SceneObject.still(ShapeKind.CIRCLE, 2, SizeKind.LARGE, Texture.SOLID, 6, 6));
    Score s = checker.check(truth, Renderer.render(drawn));
    assertThat(s.count()).isFalse();
    assertThat(s.detectedCount()).isEqualTo(1);
    assertThat(s.colour()).isZero();
    assertThat(s.shape()).isEqualTo(0.5);
    assertThat(s.size()).isEqualTo(0.5);
    assertThat(s.position()).isEqualTo(0.5);
    assertThat(s.hasMotion()).isFalse();
    assertThat(s.allCorrect()).isFalse();
  }

  @Test
  void matchingPrefersColourThenDistance() {
    SceneObject a = SceneObject.still(ShapeKind.SQUARE, 0, SizeKind.SMALL, Texture.SOLID, 6, 6);
    SceneObject b = SceneObject.still(ShapeKind.CIRCLE, 0, SizeKind.SMALL, Texture.SOLID, 26, 26);
    SceneObject c = SceneObject.still(ShapeKind.TRIANGLE, 5, SizeKind.SMALL, Texture.SOLID, 26, 6);
    // truth lists them in another order than the raster order the checker reports
    Score s = checker.check(image(0, b, c, a), Renderer.render(image(0, a, b, c)));
    assertThat(s.allCorrect()).isTrue();
    // swapping the two red objects' places: each still matches its nearer same-colour detection
    SceneObject aMoved =
        SceneObject.still(ShapeKind.SQUARE, 0, SizeKind.SMALL, Texture.SOLID, 26, 26);
    SceneObject bMoved =
        SceneObject.still(ShapeKind.CIRCLE, 0, SizeKind.SMALL, Texture.SOLID, 6, 6);
    Score swapped = checker.check(image(0, a, b), Renderer.render(image(0, aMoved, bMoved)));
    assertThat(swapped.position()).isEqualTo(1.0);
    assertThat(swapped.shape()).isZero();
    assertThat(swapped.colour()).isEqualTo(1.0);
  }

  @Test
  void extraObjectBreaksCountAndBackgroundIsChecked() {
    SceneObject a = SceneObject.still(ShapeKind.SQUARE, 0, SizeKind.SMALL, Texture.SOLID, 6, 6);
    SceneObject b = SceneObject.still(ShapeKind.CIRCLE, 3, SizeKind.SMALL, Texture.SOLID, 26, 26);
    Score s = checker.check(image(1, a), Renderer.render(image(0, a, b)));
    assertThat(s.colour()).isEqualTo(1.0);
    assertThat(s.count()).isFalse();
    assertThat(s.background()).isFalse();
    Score empty = checker.check(image(0), Renderer.render(image(0)));
    assertThat(empty.allCorrect()).isTrue();
    assertThat(empty.detectedCount()).isZero();
  }

  @Test
  void smallNoiseSpecklesAreIgnored() {
    Scene s =
        image(0, SceneObject.still(ShapeKind.SQUARE, 0, SizeKind.SMALL, Texture.SOLID, 16, 16));
    Video v = Renderer.render(s);
    // a 2x2 white speck far from the square stays below the minimum area (30% of 40 px)
    for (int y = 2; y < 4; y++) {
      for (int x = 2; x < 4; x++) {
        for (int c = 0; c < 3; c++) {
          v.data()[v.index(0, c, y, x)] = 0.96f;
        }
      }
    }
    assertThat(checker.check(s, v).allCorrect()).isTrue();
  }

  @Test
  void readingIsFastEnough() {
    SceneSampler sampler = new SceneSampler(WorldConfig.defaults());
    SplittableRandom rng = new SplittableRandom(0);
    List<Scene> scenes = sampler.testSet(Split.TEST_SEEN, 200, 1, true);
    List<Video> videos = scenes.stream().map(Renderer::render).toList();
    for (int i = 0; i < 200; i++) {
      checker.read(videos.get(i)); // warm-up
      Captioner.caption(sampler.sample(rng, Split.TRAIN, true), rng);
    }
    long t0 = System.nanoTime();
    for (Video v : videos) {
      checker.read(v);
    }
    double checkMs = (System.nanoTime() - t0) / 1e6 / videos.size();
    t0 = System.nanoTime();
    for (int i = 0; i < 200; i++) {
      Scene sc = sampler.sample(rng, Split.TRAIN, true);
      Renderer.render(sc);
      Captioner.caption(sc, rng);
    }
    double makeMs = (System.nanoTime() - t0) / 1e6 / 200;
    System.out.printf(
        "checker %.3f ms per 32x32x8 video; sample+render+caption %.3f ms%n", checkMs, makeMs);
    // budgets: checker well under 5 ms, data generation well under 1 ms (generous for a shared CPU)
    assertThat(checkMs).isLessThan(5.0);
    assertThat(makeMs).isLessThan(1.0);
  }
}
