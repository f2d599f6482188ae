package dev.mediagen.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GifWriterTest {
  @TempDir Path dir;

  @Test
  void paletteFramesRoundTripExactly() throws IOException {
    List<BufferedImage> frames = TestFrames.movingSquare(12, 9, 4, 3);
    frames.get(2).setRGB(0, 0, 0x00ff7f); // a third colour in one frame only
    Path gif = dir.resolve("clip.gif");
    GifWriter.write(frames, 10, gif);
    List<BufferedImage> back = GifWriter.readFrames(gif);
    assertThat(back).hasSize(4);
    for (int i = 0; i < 4; i++) {
      assertThat(back.get(i).getWidth()).isEqualTo(12);
      assertThat(TestFrames.pixels(back.get(i)))
          .as("frame %d", i)
          .isEqualTo(TestFrames.pixels(frames.get(i)));
    }
  }

  @Test
  void headerDelayAndLoopBytes() throws IOException {
    Path gif = dir.resolve("clip.gif");
    GifWriter.write(TestFrames.movingSquare(12, 9, 3, 3), 8, gif);
    byte[] b = Files.readAllBytes(gif);
    // "GIF89a", width 12, height 9 (little-endian), global table flag with 2 entries (red and blue)
    assertThat(HexFormat.of().formatHex(b, 0, 11))
        .isEqualTo("474946383961" + "0c00" + "0900" + "f0");
    // graphic control extension: doNotDispose (1 << 2), delay round(100/8) = 13 cs, one per frame
    assertThat(TestFrames.count(b, HexFormat.of().parseHex("21f90404" + "0d00" + "0000")))
        .isEqualTo(3);
    // NETSCAPE2.0 application extension: sub-block 1, loop count 0 (forever), once
    byte[] loop = new byte[19];
    System.arraycopy(HexFormat.of().parseHex("21ff0b"), 0, loop, 0, 3);
    System.arraycopy("NETSCAPE2.0".getBytes(StandardCharsets.US_ASCII), 0, loop, 3, 11);
    System.arraycopy(HexFormat.of().parseHex("0301000000"), 0, loop, 14, 5);
    assertThat(TestFrames.count(b, loop)).isEqualTo(1);
    assertThat(GifWriter.delayCentiseconds(10)).isEqualTo(10);
    assertThat(GifWriter.delayCentiseconds(3)).isEqualTo(33);
  }

  @Test
  void exactly256ColoursStayExact() throws IOException {
    BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < 256; i++) {
      img.setRGB(i % 16, i / 16, i * 0x010307 & 0xffffff | (i & 1) << 23); // 256 distinct colours
    }
    Path gif = dir.resolve("p.gif");
    GifWriter.write(List.of(img), 1, gif);
    assertThat(TestFrames.pixels(GifWriter.readFrames(gif).get(0)))
        .isEqualTo(TestFrames.pixels(img));
  }

  @Test
  void manyColoursAreQuantizedDeterministically() throws IOException {
    BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        img.setRGB(x, y, (x * 8) << 16 | (y * 8) << 8 | ((x + y) * 4)); // 1024 distinct colours
      }
    }
    List<BufferedImage> frames = new ArrayList<>(List.of(img, ImageFiles.upscale(img, 1)));
    Path a = dir.resolve("a.gif");
    Path b = dir.resolve("b.gif");
    GifWriter.write(frames, 5, a);
    GifWriter.write(frames, 5, b);
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    BufferedImage back = GifWriter.readFrames(a).get(0);
    int worst = 0;
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        int p = img.getRGB(x, y);
        int q = back.getRGB(x, y);
        for (int s = 0; s < 24; s += 8) {
          worst = Math.max(worst, Math.abs(((p >> s) & 0xff) - ((q >> s) & 0xff)));
        }
      }
    }
    // 1024 colours on a smooth 3-D ramp into 256 median-cut boxes: a few levels off at most
    assertThat(worst).isBetween(1, 16);
  }

  @Test
  void invalidInputIsRejectedWithTheValue() {
    List<BufferedImage> frames = TestFrames.movingSquare(4, 4, 2, 1);
    assertThatThrownBy(() -> GifWriter.write(frames, 0, dir.resolve("x.gif")))
        .hasMessageContaining("GIF fps 0 must be in [1, 50]");
    assertThatThrownBy(
            () ->
                GifWriter.write(
                    List.of(TestFrames.solid(4, 4, 0), TestFrames.solid(5, 4, 0)),
                    5,
                    dir.resolve("x.gif")))
        .hasMessageContaining("frame 1 is 5x4");
    assertThat(dir.resolve("x.gif")).doesNotExist();
  }
}
