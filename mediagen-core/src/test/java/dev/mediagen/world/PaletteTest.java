package dev.mediagen.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaletteTest {
  private static double dist(int a, int b) {
    int dr = ((a >> 16) & 0xFF) - ((b >> 16) & 0xFF);
    int dg = ((a >> 8) & 0xFF) - ((b >> 8) & 0xFF);
    int db = (a & 0xFF) - (b & 0xFF);
    return Math.sqrt(dr * dr + dg * dg + db * db);
  }

  @Test
  void namesAreDistinctAndCaptionReady() {
    assertThat(Palette.objectColours()).isGreaterThanOrEqualTo(6);
    assertThat(Palette.objectNames())
        .containsExactly("red", "green", "blue", "yellow", "magenta", "cyan", "orange", "white");
    assertThat(Palette.backgroundNames()).containsExactly("black", "gray", "navy");
    var all = new HashSet<String>(Palette.objectNames());
    all.addAll(Palette.backgroundNames());
    assertThat(all).hasSize(11);
  }

  @Test
  void shadesMatchTheDocumentedTable() {
    // hand-computed: round(0.55 * channel), e.g. red 230,30,30 -> 127,17,17 (126.5 and 16.5 round
    // up)
    assertThat(Palette.shadeRgb(0)).isEqualTo((127 << 16) | (17 << 8) | 17);
    assertThat(Palette.shadeRgb(2)).isEqualTo((22 << 16) | (55 << 8) | 140);
    assertThat(Palette.shadeRgb(7)).isEqualTo((135 << 16) | (135 << 8) | 135);
    assertThat(Palette.backgroundRgb(2)).isEqualTo(64);
  }

  @Test
  void coloursAreFarApart() {
    int n = Palette.objectColours();
    double objectMin = Double.MAX_VALUE;
    double foregroundToBackground = Double.MAX_VALUE;
    double baseToShade = Double.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      baseToShade = Math.min(baseToShade, dist(Palette.objectRgb(i), Palette.shadeRgb(i)));
      for (int j = i + 1; j < n; j++) {
        objectMin = Math.min(objectMin, dist(Palette.objectRgb(i), Palette.objectRgb(j)));
      }
      for (int b = 0; b < Palette.backgrounds(); b++) {
        foregroundToBackground =
            Math.min(
                foregroundToBackground,
                Math.min(
                    dist(Palette.objectRgb(i), Palette.backgroundRgb(b)),
                    dist(Palette.shadeRgb(i), Palette.backgroundRgb(b))));
      }
    }
    // the numbers quoted in the Palette javadoc
    assertThat(objectMin).isGreaterThan(95);
    assertThat(foregroundToBackground).isGreaterThan(76);
    assertThat(baseToShade).isGreaterThan(90);
  }

  @Test
  void swatchShowsBaseShadeAndBackgrounds() {
    BufferedImage s = Palette.swatch();
    assertThat(s.getWidth()).isEqualTo(8 * 16);
    assertThat(s.getHeight()).isEqualTo(3 * 16);
    for (int i : List.of(0, 3, 7)) {
      assertThat(s.getRGB(i * 16 + 5, 5) & 0xFFFFFF).isEqualTo(Palette.objectRgb(i));
      assertThat(s.getRGB(i * 16 + 5, 21) & 0xFFFFFF).isEqualTo(Palette.shadeRgb(i));
    }
    assertThat(s.getRGB(16 + 3, 40) & 0xFFFFFF).isEqualTo(Palette.backgroundRgb(1));
  }

  @Test
  void badIndicesNameTheRange() {
    assertThatThrownBy(() -> Palette.objectRgb(8))
        .hasMessageContaining("8")
        .hasMessageContaining("[0, 7]");
    assertThatThrownBy(() -> Palette.backgroundName(-1)).hasMessageContaining("[0, 2]");
  }
}
