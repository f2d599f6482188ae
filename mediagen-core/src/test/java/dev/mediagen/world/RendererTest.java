package dev.mediagen.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class RendererTest {
  private static int rgb(Video v, int t, int x, int y) {
    return v.frame(t).getRGB(x, y) & 0xFFFFFF;
  }

  @Test
  void solidSquareCoversExactlyItsBox() {
    Scene s =
        new Scene(
            32,
            32,
            1,
            8,
            0,
            List.of(SceneObject.still(ShapeKind.SQUARE, 0, SizeKind.SMALL, Texture.SOLID, 16, 16)));
    Video v = Renderer.render(s);
    assertThat(v.frames()).isEqualTo(1);
    assertThat(v.data()).hasSize(3 * 32 * 32);
    // centre 16 with side 8: pixels 12..19
    assertThat(v.data()[v.index(0, 0, 12, 12)]).isEqualTo(230 / 255f);
    assertThat(v.data()[v.index(0, 1, 19, 19)]).isEqualTo(30 / 255f);
    assertThat(rgb(v, 0, 11, 12)).isZero();
    assertThat(rgb(v, 0, 20, 19)).isZero();
    assertThat(rgb(v, 0, 12, 20)).isZero();
  }

  @Test
  void stripesAlternateEveryTwoRowsFromTheTop() {
    Scene s =
        new Scene(
            32,
            32,
            1,
            8,
            1,
            List.of(
                SceneObject.still(ShapeKind.SQUARE, 2, SizeKind.SMALL, Texture.STRIPED, 16, 16)));
    Video v = Renderer.render(s);
    int base = Palette.objectRgb(2);
    int shade = Palette.shadeRgb(2);
    int[] expected = {base, base, shade, shade, base, base, shade, shade};
    for (int j = 0; j < 8; j++) {
      assertThat(rgb(v, 0, 15, 12 + j)).as("row %d", j).isEqualTo(expected[j]);
    }
    assertThat(rgb(v, 0, 15, 11)).isEqualTo(Palette.backgroundRgb(1));
  }

  @Test
  void triangleAndCircleRowsMatchTheSprites() {
    Scene s =
        new Scene(
            32,
            32,
            1,
            8,
            0,
            List.of(
                SceneObject.still(ShapeKind.TRIANGLE, 3, SizeKind.SMALL, Texture.SOLID, 8, 8),
                SceneObject.still(ShapeKind.CIRCLE, 5, SizeKind.SMALL, Texture.SOLID, 24, 24)));
    Video v = Renderer.render(s);
    int yellow = Palette.objectRgb(3);
    // triangle box 4..11: apex row 4 holds x = 7, 8; base row 11 is full
    assertThat(rgb(v, 0, 7, 4)).isEqualTo(yellow);
    assertThat(rgb(v, 0, 8, 4)).isEqualTo(yellow);
    assertThat(rgb(v, 0, 6, 4)).isZero();
    assertThat(rgb(v, 0, 4, 11)).isEqualTo(yellow);
    assertThat(rgb(v, 0, 11, 11)).isEqualTo(yellow);
    // circle box 20..27: top row holds x = 22..25, corners empty
    assertThat(rgb(v, 0, 22, 20)).isEqualTo(Palette.objectRgb(5));
    assertThat(rgb(v, 0, 21, 20)).isZero();
    assertThat(rgb(v, 0, 20, 20)).isZero();
  }

  @Test
  void bounceReflectsAtTheCanvasEdge() {
    // small square, left edge at x = 20, 16 px/s at 4 fps = 4 px per frame to the right, span 24
    SceneObject o =
        new SceneObject(
            ShapeKind.SQUARE,
            1,
            SizeKind.SMALL,
            Texture.SOLID,
            24,
            16,
            Motion.BOUNCE,
            16f,
            Motion.RIGHT);
    Scene s = new Scene(32, 32, 5, 4, 0, List.of(o));
    int[] xs = new int[5];
    for (int t = 0; t < 5; t++) {
      xs[t] = Trajectory.topLeft(s, o, t)[0];
    }
    assertThat(xs).containsExactly(20, 24, 20, 16, 12);
    Video v = Renderer.render(s);
    assertThat(rgb(v, 1, 31, 16)).isEqualTo(Palette.objectRgb(1));
    assertThat(rgb(v, 1, 23, 16)).isZero();
  }

  @Test
  void videoRoundTripsThroughImages() {
    Scene s =
        new SceneSampler(WorldConfig.defaults())
            .sample(new java.util.SplittableRandom(5), Split.TRAIN, true);
    Video v = Renderer.render(s);
    assertThat(Video.of(v.images())).isEqualTo(v);
    assertThatThrownBy(() -> v.frame(8))
        .hasMessageContaining("frame 8")
        .hasMessageContaining("[0, 7]");
    assertThatThrownBy(() -> new Video(2, 4, 4, new float[10]))
        .hasMessageContaining("T*3*H*W = 96");
  }

  @Test
  void noiseIsSeededClampedAndHasTheRequestedSpread() {
    float[] grey = new float[3 * 64 * 64];
    java.util.Arrays.fill(grey, 0.5f);
    Video v = new Video(1, 64, 64, grey);
    Video a = v.withNoise(0.1, 9);
    assertThat(a).isEqualTo(v.withNoise(0.1, 9)).isNotEqualTo(v.withNoise(0.1, 10));
    double sum = 0;
    double sq = 0;
    for (float x : a.data()) {
      sum += x - 0.5;
      sq += (x - 0.5) * (x - 0.5);
    }
    int n = a.data().length;
    assertThat(sum / n).isCloseTo(0, offset(0.005));
    assertThat(Math.sqrt(sq / n)).isCloseTo(0.1, offset(0.005));
    for (float x : v.withNoise(3, 1).data()) {
      assertThat(x).isBetween(0f, 1f);
    }
  }

  @Test
  void blurSpreadsAnEdgeByTheBinomialKernel() {
    float[] d = new float[3 * 8 * 8];
    Video v = new Video(1, 8, 8, d);
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < 8; y++) {
        for (int x = 4; x < 8; x++) {
          d[v.index(0, c, y, x)] = 1f;
        }
      }
    }
    Video b = v.blur();
    // [1 2 1]/4 across a step: 0, 1/4, 3/4, 1
    assertThat(b.data()[b.index(0, 0, 3, 2)]).isZero();
    assertThat(b.data()[b.index(0, 0, 3, 3)]).isEqualTo(0.25f);
    assertThat(b.data()[b.index(0, 0, 3, 4)]).isEqualTo(0.75f);
    assertThat(b.data()[b.index(0, 0, 3, 5)]).isEqualTo(1f);
  }
}
