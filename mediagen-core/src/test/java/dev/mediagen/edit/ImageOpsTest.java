package dev.mediagen.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.mediagen.world.Palette;
import dev.mediagen.world.Renderer;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneObject;
import dev.mediagen.world.ShapeKind;
import dev.mediagen.world.SizeKind;
import dev.mediagen.world.Texture;
import dev.mediagen.world.Video;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pixel targets of the vision tasks on hand-built scenes. */
class ImageOpsTest {
  // an 8 px (SMALL on 32) square with top-left (4, 6) and a 12 px circle elsewhere
  private static final SceneObject SQUARE =
      SceneObject.still(ShapeKind.SQUARE, 0, SizeKind.SMALL, Texture.STRIPED, 8, 10);
  private static final SceneObject CIRCLE =
      SceneObject.still(ShapeKind.CIRCLE, 7, SizeKind.LARGE, Texture.SOLID, 24, 24);
  private static final Scene SCENE = new Scene(32, 32, 1, 8, 2, List.of(SQUARE, CIRCLE));

  private static int count(boolean[] m) {
    int n = 0;
    for (boolean b : m) {
      n += b ? 1 : 0;
    }
    return n;
  }

  @Test
  void objectMaskAndBoxFollowTheSprite() {
    boolean[] m = ImageOps.objectMask(SCENE, 0);
    assertThat(count(m)).isEqualTo(64);
    assertThat(m[6 * 32 + 4]).isTrue();
    assertThat(m[13 * 32 + 11]).isTrue();
    assertThat(m[14 * 32 + 11]).isFalse();
    assertThat(ImageOps.objectBox(SCENE, 0)).containsExactly(4, 6, 11, 13);
    assertThat(ImageOps.objectBox(SCENE, 1)).containsExactly(18, 18, 29, 29);
    // the circle mask is within its box and touches all four sides
    boolean[] c = ImageOps.objectMask(SCENE, 1);
    assertThat(c[18 * 32 + 24]).isTrue();
    assertThat(c[24 * 32 + 18]).isTrue();
    assertThat(c[18 * 32 + 18]).isFalse();
  }

  @Test
  void boxOutlineIsARingOutsideTheSpriteAndReadsBack() {
    Video src = Renderer.render(SCENE);
    Video boxed = ImageOps.drawBox(src, ImageOps.objectBox(SCENE, 0));
    int changed = 0;
    for (int p = 0; p < 32 * 32; p++) {
      changed +=
          boxed.data()[p] != src.data()[p] || boxed.data()[1024 + p] != src.data()[1024 + p]
              ? 1
              : 0;
    }
    // 10x10 ring = 4·9 pixels
    assertThat(changed).isEqualTo(36);
    assertThat(ImageOps.readBox(boxed)).containsExactly(3, 5, 12, 14);
    assertThat(ImageOps.readBox(src)).isNull();
  }

  @Test
  void boxColourIsFarFromEveryPaletteColour() {
    float[] box = ImageOps.channels(ImageOps.BOX_RGB);
    for (int c = 0; c < Palette.objectColours(); c++) {
      for (int rgb : new int[] {Palette.objectRgb(c), Palette.shadeRgb(c)}) {
        assertThat(dist(box, ImageOps.channels(rgb))).isGreaterThan(0.45);
      }
    }
    for (int b = 0; b < Palette.backgrounds(); b++) {
      assertThat(dist(box, ImageOps.channels(Palette.backgroundRgb(b)))).isGreaterThan(0.45);
    }
    assertThat(dist(box, ImageOps.channels(Palette.textRgb()))).isGreaterThan(0.45);
  }

  private static double dist(float[] a, float[] b) {
    return Math.sqrt(
        (a[0] - b[0]) * (a[0] - b[0])
            + (a[1] - b[1]) * (a[1] - b[1])
            + (a[2] - b[2]) * (a[2] - b[2]));
  }

  @Test
  void edgesMarkBothSidesOfAColourBoundary() {
    // 4x1 row: A A B B → pixels 1 and 2 are edges
    Video v = new Video(1, 1, 4, new float[] {0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0});
    assertThat(ImageOps.edges(v)).containsExactly(false, true, true, false);
    // a solid 8 px square on one background: outer ring 4·9 − ... = 36 outside + 28 inside
    Scene solid =
        new Scene(
            32,
            32,
            1,
            8,
            0,
            List.of(SceneObject.still(ShapeKind.SQUARE, 1, SizeKind.SMALL, Texture.SOLID, 8, 10)));
    assertThat(count(ImageOps.edges(Renderer.render(solid)))).isEqualTo(28 + 32);
  }

  @Test
  void contoursAreOnePixelInnerOutlines() {
    // square side 8 → 28 outline pixels; the 12 px circle's outline is counted from its mask
    Scene one = new Scene(32, 32, 1, 8, 0, List.of(SQUARE));
    assertThat(count(ImageOps.contours(one))).isEqualTo(28);
    boolean[] c = ImageOps.contours(SCENE);
    assertThat(c[6 * 32 + 4]).isTrue();
    assertThat(c[8 * 32 + 6]).isFalse();
  }

  @Test
  void pixelateAveragesTwoByTwoBlocks() {
    // 2x2 red plane 0, 0.2, 0.4, 1.0 → all 0.4; 3x1 (odd) → (0+0.5)/2 and the last stays
    Video v = new Video(1, 2, 2, new float[] {0, 0.2f, 0.4f, 1f, 0, 0, 0, 0, 0, 0, 0, 0});
    assertThat(ImageOps.pixelate(v).data()[0]).isCloseTo(0.4f, offset(1e-6f));
    assertThat(ImageOps.pixelate(v).data()[3]).isCloseTo(0.4f, offset(1e-6f));
    Video odd = new Video(1, 1, 3, new float[] {0, 0.5f, 0.9f, 0, 0, 0, 0, 0, 0});
    assertThat(ImageOps.pixelate(odd).data()).startsWith(0.25f, 0.25f, 0.9f);
  }

  @Test
  void colourOpsByHand() {
    Video v = new Video(1, 1, 1, new float[] {0.8f, 0.2f, 0.5f});
    assertThat(ColourOp.DARKEN.apply(v).data()).containsExactly(0.4f, 0.1f, 0.25f);
    assertThat(ColourOp.BRIGHTEN.apply(v).data()).containsExactly(0.9f, 0.6f, 0.75f);
    // luma 0.299·0.8 + 0.587·0.2 + 0.114·0.5 = 0.2392 + 0.1174 + 0.057 = 0.4136
    assertThat(ColourOp.GRAYSCALE.apply(v).data()[0]).isCloseTo(0.4136f, offset(1e-6f));
    assertThat(ColourOp.GRAYSCALE.apply(v).data()[2]).isCloseTo(0.4136f, offset(1e-6f));
    assertThat(ColourOp.BLUR.apply(v)).isEqualTo(v.blur());
  }

  @Test
  void mapIsWhiteOnBlack() {
    Video m = ImageOps.map(new boolean[] {true, false}, 2, 1);
    assertThat(m.data()).containsExactly(1f, 0f, 1f, 0f, 1f, 0f);
  }
}
