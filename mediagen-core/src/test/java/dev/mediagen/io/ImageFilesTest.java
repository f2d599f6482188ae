package dev.mediagen.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {
  @TempDir Path dir;

  @Test
  void upscaleRepeatsEachPixelIntoABlock() {
    BufferedImage src = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
    int[] colours = {0x112233, 0x445566, 0x778899, 0xaabbcc};
    src.setRGB(0, 0, 2, 2, colours, 0, 2);
    BufferedImage big = ImageFiles.upscale(src, 3);
    assertThat(big.getWidth()).isEqualTo(6);
    assertThat(big.getHeight()).isEqualTo(6);
    for (int y = 0; y < 6; y++) {
      for (int x = 0; x < 6; x++) {
        assertThat(big.getRGB(x, y) & 0xffffff).isEqualTo(colours[(y / 3) * 2 + x / 3]);
      }
    }
    BufferedImage argb = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
    argb.setRGB(0, 0, 0x80ff0000);
    assertThat(ImageFiles.upscale(argb, 2).getRGB(1, 1)).isEqualTo(0x80ff0000);
    assertThatThrownBy(() -> ImageFiles.upscale(src, 0))
        .hasMessageContaining("factor 0 must be in [1, 64]");
  }

  @Test
  void pngRoundTripsExactlyAndDeterministically() throws IOException {
    BufferedImage img = TestFrames.movingSquare(7, 5, 1, 3).get(0);
    Path a = dir.resolve("a.png");
    Path b = dir.resolve("sub/b.png");
    ImageFiles.writePng(img, a);
    ImageFiles.writePng(img, b);
    byte[] bytes = Files.readAllBytes(a);
    assertThat(bytes).isEqualTo(Files.readAllBytes(b));
    // PNG signature, then the IHDR chunk: length 13, "IHDR", width 7, height 5 (big-endian)
    assertThat(HexFormat.of().formatHex(bytes, 0, 24))
        .isEqualTo("89504e470d0a1a0a" + "0000000d49484452" + "00000007" + "00000005");
    assertThat(TestFrames.pixels(ImageFiles.readImage(a))).isEqualTo(TestFrames.pixels(img));
  }

  @Test
  void readErrorsNameTheFile() throws IOException {
    Path missing = dir.resolve("missing.png");
    assertThatThrownBy(() -> ImageFiles.readImage(missing))
        .hasMessageContaining(missing.toString());
    Path junk = dir.resolve("junk.png");
    Files.writeString(junk, "not an image");
    assertThatThrownBy(() -> ImageFiles.readImage(junk))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(junk.toString());
  }

  @Test
  void uniformSizeCheckNamesTheOddFrame() {
    assertThat(ImageFiles.requireUniformSize(List.of(TestFrames.solid(3, 2, 0))))
        .containsExactly(3, 2);
    assertThatThrownBy(
            () ->
                ImageFiles.requireUniformSize(
                    List.of(
                        TestFrames.solid(3, 2, 0),
                        TestFrames.solid(3, 2, 0),
                        TestFrames.solid(2, 2, 0))))
        .hasMessageContaining("frame 2 is 2x2 but frame 0 is 3x2");
    assertThatThrownBy(() -> ImageFiles.requireUniformSize(List.of()))
        .hasMessageContaining("at least 1 frame");
  }
}
