package dev.mediagen.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridsTest {
  private static final int BG = 0xffffff;

  @Test
  void tilesLandInTheirCellsWithPadding() {
    List<BufferedImage> tiles =
        List.of(
            TestFrames.solid(2, 2, 0x110000),
            TestFrames.solid(2, 2, 0x002200),
            TestFrames.solid(2, 2, 0x000033));
    BufferedImage g = Grids.grid(tiles, 2, 1, 2, Color.WHITE);
    // 2 columns of 4 px (2 px x scale 2) + 3 pads = 11; 2 rows likewise
    assertThat(g.getWidth()).isEqualTo(11);
    assertThat(g.getHeight()).isEqualTo(11);
    int[][] expected = new int[11][11];
    for (int[] row : expected) {
      Arrays.fill(row, BG);
    }
    paint(expected, 1, 1, 4, 0x110000);
    paint(expected, 6, 1, 4, 0x002200);
    paint(expected, 1, 6, 4, 0x000033); // the 4th cell stays background
    for (int y = 0; y < 11; y++) {
      for (int x = 0; x < 11; x++) {
        assertThat(g.getRGB(x, y) & 0xffffff).as("(%d,%d)", x, y).isEqualTo(expected[y][x]);
      }
    }
  }

  private static void paint(int[][] img, int x0, int y0, int side, int rgb) {
    for (int y = y0; y < y0 + side; y++) {
      Arrays.fill(img[y], x0, x0 + side, rgb);
    }
  }

  @Test
  void smallerTilesAreCentredInTheCell() {
    BufferedImage g =
        Grids.grid(
            List.of(TestFrames.solid(4, 4, 0x0000ff), TestFrames.solid(2, 2, 0xff0000)),
            2,
            0,
            1,
            Color.BLACK);
    assertThat(g.getWidth()).isEqualTo(8);
    assertThat(g.getRGB(4, 0) & 0xffffff).isZero();
    assertThat(g.getRGB(5, 1) & 0xffffff).isEqualTo(0xff0000);
    assertThat(g.getRGB(6, 2) & 0xffffff).isEqualTo(0xff0000);
    assertThat(g.getRGB(7, 3) & 0xffffff).isZero();
  }

  @Test
  void captionsAddABandWithContrastingText() {
    List<BufferedImage> tiles =
        List.of(TestFrames.solid(32, 32, 0x808080), TestFrames.solid(32, 32, 0x808080));
    BufferedImage plain = Grids.grid(tiles, 2, 2, 1, Color.WHITE);
    BufferedImage captioned = Grids.grid(tiles, List.of("a red circle", "x"), 2, 2, 1, Color.WHITE);
    assertThat(captioned.getHeight()).isEqualTo(plain.getHeight() + Grids.CAPTION_PX + 4);
    int dark = 0;
    for (int y = 34; y < 34 + Grids.CAPTION_PX + 4; y++) {
      for (int x = 2; x < 34; x++) {
        int v = captioned.getRGB(x, y) & 0xff;
        dark += v < 128 ? 1 : 0;
      }
    }
    assertThat(dark).as("dark text pixels under tile 0").isGreaterThan(10);
    assertThatThrownBy(() -> Grids.grid(tiles, List.of("one"), 2, 2, 1, Color.WHITE))
        .hasMessageContaining("1 captions for 2 tiles");
  }

  @Test
  void videoGridHoldsTheLastFrameOfShortClips() {
    List<BufferedImage> longClip =
        List.of(
            TestFrames.solid(1, 1, 0x000001),
            TestFrames.solid(1, 1, 0x000002),
            TestFrames.solid(1, 1, 0x000003));
    List<BufferedImage> shortClip = List.of(TestFrames.solid(1, 1, 0x0000aa));
    List<BufferedImage> frames = Grids.videoGrid(List.of(longClip, shortClip), 2, 1, 1);
    assertThat(frames).hasSize(3);
    for (int t = 0; t < 3; t++) {
      assertThat(frames.get(t).getRGB(1, 1) & 0xffffff).isEqualTo(t + 1);
      assertThat(frames.get(t).getRGB(3, 1) & 0xffffff).isEqualTo(0xaa);
      assertThat(frames.get(t).getRGB(0, 0) & 0xffffff).isZero(); // black background
    }
    assertThatThrownBy(() -> Grids.videoGrid(List.of(longClip, List.of()), 2, 1, 1))
        .hasMessageContaining("clip 1 has no frames");
    assertThatThrownBy(() -> Grids.grid(longClip, 0, 1, 1, Color.BLACK))
        .hasMessageContaining("cols 0");
  }
}
