package dev.mediagen.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mediagen.io.ImageFiles;
import dev.mediagen.world.Palette;
import dev.mediagen.world.Renderer;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneObject;
import dev.mediagen.world.ShapeKind;
import dev.mediagen.world.SizeKind;
import dev.mediagen.world.Texture;
import dev.mediagen.world.Video;
import java.awt.image.BufferedImage;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConditionsTest {
  // a large red solid square with its box at (2..13, 2..13) and a small blue striped circle at (20..27, 20..27)
  static final Scene SCENE = new Scene(32, 32, 1, 8, 1, List.of(
      SceneObject.still(ShapeKind.SQUARE, 0, SizeKind.LARGE, Texture.SOLID, 8, 8),
      SceneObject.still(ShapeKind.CIRCLE, 2, SizeKind.SMALL, Texture.STRIPED, 24, 24)));

  @Test
  void cropCentresTheObjectOnABlankCanvasPixelExactly() {
    Video c = Conditions.crop(SCENE, 0);
    float[] red = Conditions.rgb(Palette.objectRgb(0));
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        boolean inside = x >= 10 && x <= 21 && y >= 10 && y <= 21; // (32 − 12) / 2 = 10
        for (int ch = 0; ch < 3; ch++) assertThat(c.data()[c.index(0, ch, y, x)]).isEqualTo(inside ? red[ch] : 0f);
      }
    }
    // the striped circle keeps its pixels (base and shade rows) and moves by (20, 20) → (12, 12)
    Video circle = Conditions.crop(SCENE, 1);
    Video full = Renderer.render(SCENE);
    int kept = 0, shade = 0;
    float[] shadeRgb = Conditions.rgb(Palette.shadeRgb(2));
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        boolean inBox = x >= 12 && x <= 19 && y >= 12 && y <= 19;
        boolean lit = circle.data()[circle.index(0, 2, y, x)] > 0;
        if (!inBox) assertThat(lit).as("(%d, %d)", x, y).isFalse();
        if (lit) {
          kept++;
          for (int ch = 0; ch < 3; ch++) assertThat(circle.data()[circle.index(0, ch, y, x)]).isEqualTo(full.data()[full.index(0, ch, y + 8, x + 8)]);
          shade += circle.data()[circle.index(0, 2, y, x)] == shadeRgb[2] ? 1 : 0;
        }
      }
    }
    assertThat(kept).isBetween(40, 60); // an 8-px disc, not its box (64)
    assertThat(shade).isPositive();
  }

  @Test
  void sceneMapPaintsSilhouettesInShapeCodes() {
    Video m = Conditions.sceneMap(SCENE);
    float[] sq = Conditions.rgb(Conditions.code(ShapeKind.SQUARE)), ci = Conditions.rgb(Conditions.code(ShapeKind.CIRCLE));
    Video circleCrop = Conditions.crop(SCENE, 1);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        boolean square = x >= 2 && x <= 13 && y >= 2 && y <= 13;
        boolean disc = x >= 20 && x <= 27 && y >= 20 && y <= 27 && circleCrop.data()[circleCrop.index(0, 2, y - 8, x - 8)] > 0;
        float[] want = square ? sq : disc ? ci : new float[3];
        for (int ch = 0; ch < 3; ch++) assertThat(m.data()[m.index(0, ch, y, x)]).as("(%d, %d)", x, y).isEqualTo(want[ch]);
      }
    }
  }

  @Test
  void subjectCaptionReplacesOnlyTheSubjectsNounPhrase() {
    assertThat(dev.mediagen.world.Captioner.canonical(SCENE))
        .isEqualTo("two objects on a gray background: a large red solid square at the top left; a small blue striped circle at the bottom right");
    assertThat(Conditions.subjectCaption(SCENE, 1))
        .isEqualTo("two objects on a gray background: a large red solid square at the top left; the subject at the bottom right");
    Scene twins = new Scene(32, 32, 1, 8, 0, List.of(
        SceneObject.still(ShapeKind.SQUARE, 0, SizeKind.LARGE, Texture.SOLID, 8, 8),
        SceneObject.still(ShapeKind.SQUARE, 0, SizeKind.LARGE, Texture.SOLID, 24, 24)));
    assertThat(Conditions.subjectCaption(twins, 1)).endsWith("a large red solid square at the top left; the subject at the bottom right");
    assertThatThrownBy(() -> Conditions.subjectCaption(SCENE, 2)).hasMessageContaining("object index 2 out of range [0, 1]");
  }

  @Test
  void filesAreCheckedForExistenceChannelsAndSize(@TempDir Path dir) throws Exception {
    Path ok = dir.resolve("ok.png"), big = dir.resolve("big.png"), small = dir.resolve("small.png"), gray = dir.resolve("gray.png");
    ImageFiles.writePng(ImageFiles.upscale(Renderer.render(SCENE).frame(0), 1), ok);
    ImageFiles.writePng(ImageFiles.upscale(Renderer.render(SCENE).frame(0), 4), big);
    BufferedImage patch = new BufferedImage(10, 6, BufferedImage.TYPE_INT_RGB);
    patch.setRGB(0, 0, 0xFFFFFF);
    ImageFiles.writePng(patch, small);
    javax.imageio.ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY), "png", gray.toFile());
    assertThat(Conditions.read(ok, 32, FuseMode.SCENE)).isEqualTo(Renderer.render(SCENE));
    assertThat(Conditions.read(big, 32, FuseMode.SCENE)).isEqualTo(Renderer.render(SCENE)); // ×4 enlargement reduced
    Video c = Conditions.read(small, 32, FuseMode.CROP);
    assertThat(c.data()[c.index(0, 0, 13, 11)]).isEqualTo(1f); // pasted at ((32 − 10) / 2, (32 − 6) / 2)
    assertThatThrownBy(() -> Conditions.read(small, 32, FuseMode.SCENE)).hasMessageContaining("is 10x6; expected 32x32");
    assertThatThrownBy(() -> Conditions.read(gray, 32, FuseMode.SCENE)).hasMessageContaining("1 colour channel(s); expected 3");
    assertThatThrownBy(() -> Conditions.read(dir.resolve("nope.png"), 32, FuseMode.CROP)).isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("nope.png");
    assertThatThrownBy(() -> Conditions.requireImage(new Video(2, 32, 32, new float[2 * 3 * 32 * 32]), 32, "scene map"))
        .hasMessageContaining("scene map must be one 32x32 frame, got 2 frame(s)");
  }
}
