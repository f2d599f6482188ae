package dev.mediagen.world;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpritesTest {
  private static int area(boolean[] m) {
    int a = 0;
    for (boolean b : m) {
      a += b ? 1 : 0;
    }
    return a;
  }

  private static String art(boolean[] m, int d) {
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < d; i++) {
        sb.append(m[j * d + i] ? '#' : '.');
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  @Test
  void sizesScaleWithTheCanvasAndAreEven() {
    assertThat(SizeKind.SMALL.pixels(32)).isEqualTo(8);
    assertThat(SizeKind.LARGE.pixels(32)).isEqualTo(12);
    assertThat(SizeKind.SMALL.pixels(16)).isEqualTo(4);
    assertThat(SizeKind.LARGE.pixels(16)).isEqualTo(6);
    assertThat(SizeKind.SMALL.pixels(64)).isEqualTo(16);
    assertThat(SizeKind.LARGE.pixels(64)).isEqualTo(24);
  }

  @Test
  void smallSpritesAreTheHandDrawnShapes() {
    assertThat(art(Sprites.mask(ShapeKind.TRIANGLE, 8), 8))
        .isEqualTo(
            """
            ...##...
            ...##...
            ..####..
            ..####..
            .######.
            .######.
            ########
            ########
            """);
    assertThat(art(Sprites.mask(ShapeKind.CIRCLE, 8), 8))
        .isEqualTo(
            """
            ..####..
            .######.
            ########
            ########
            ########
            ########
            .######.
            ..####..
            """);
  }

  @Test
  void areasMatchHandCounts() {
    // d=8: square 64, circle 2*(4+6+8+8)=52, triangle 2*(2+4+6+8)=40
    assertThat(area(Sprites.mask(ShapeKind.SQUARE, 8))).isEqualTo(64);
    assertThat(area(Sprites.mask(ShapeKind.CIRCLE, 8))).isEqualTo(52);
    assertThat(area(Sprites.mask(ShapeKind.TRIANGLE, 8))).isEqualTo(40);
    // d=12: circle 2*(4+8+10+10+12+12)=112, triangle 2*(2+4+6+8+10+12)=84
    assertThat(area(Sprites.mask(ShapeKind.CIRCLE, 12))).isEqualTo(112);
    assertThat(area(Sprites.mask(ShapeKind.TRIANGLE, 12))).isEqualTo(84);
  }

  @Test
  void majorityFilterLeavesEverySpriteUnchanged() {
    for (int canvas : new int[] {16, 24, 32, 48, 64}) {
      for (SizeKind size : SizeKind.values()) {
        int d = size.pixels(canvas);
        for (ShapeKind shape : ShapeKind.values()) {
          boolean[] m = Sprites.mask(shape, d);
          // sprite inside a 2-px background border, touching nothing else
          int w = d + 4;
          int[] labels = new int[w * w];
          for (int j = 0; j < d; j++) {
            for (int i = 0; i < d; i++) {
              labels[(j + 2) * w + i + 2] = m[j * d + i] ? Segmentation.BASE : 0;
            }
          }
          assertThat(Segmentation.denoise(labels, w, w))
              .as("%s %s on %d", shape, size, canvas)
              .containsExactly(labels);
        }
      }
    }
  }

  @Test
  void majorityFilterRemovesIsolatedFlips() {
    int w = 5;
    int[] labels = new int[w * w];
    labels[12] = Segmentation.BASE + 1; // lone green pixel in the middle
    assertThat(Segmentation.denoise(labels, w, w)[12]).isEqualTo(Segmentation.UNKNOWN);
    int[] hole = new int[w * w];
    java.util.Arrays.fill(hole, Segmentation.BASE + 2);
    hole[12] = 1; // one background pixel inside a blue block
    assertThat(Segmentation.denoise(hole, w, w)[12]).isEqualTo(Segmentation.BASE + 2);
  }
}
