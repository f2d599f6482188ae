package dev.mediagen.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {
  @TempDir Path dir;

  /**
   * Heights (pixel counts of the colour) of each run of columns containing {@code rgb}, left to
   * right.
   */
  private static java.util.List<Integer> barHeights(BufferedImage img, int rgb) {
    java.util.List<Integer> bars = new java.util.ArrayList<>();
    int current = -1;
    for (int x = 0; x < img.getWidth(); x++) {
      int h = 0;
      for (int y = 0; y < img.getHeight(); y++) {
        h += (img.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
      }
      if (h > 12) { // taller than a legend swatch
        current = Math.max(current, h);
      } else if (current >= 0) {
        bars.add(current);
        current = -1;
      }
    }
    return bars;
  }

  /** Centres of runs of columns holding at least 5 pixels of {@code rgb} (square markers). */
  private static java.util.List<Integer> markerCentres(BufferedImage img, int rgb) {
    java.util.List<Integer> out = new java.util.ArrayList<>();
    int start = -1;
    for (int x = 0; x <= img.getWidth(); x++) {
      int h = 0;
      for (int y = 0; x < img.getWidth() && y < img.getHeight() * 9 / 10; y++) { // above the legend
        h += (img.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
      }
      if (h >= 5 && start < 0) {
        start = x;
      } else if (h < 5 && start >= 0) {
        out.add((start + x - 1) / 2);
        start = -1;
      }
    }
    return out;
  }

  private static int count(BufferedImage img, int rgb) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        n += (img.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void barHeightsAreProportionalAndOutputIsDeterministic() throws IOException {
    Map<String, Double> acc = new LinkedHashMap<>();
    acc.put("full", 1.0);
    acc.put("half", 0.5);
    acc.put("quarter", 0.25);
    Path a = dir.resolve("a.png");
    Path b = dir.resolve("b.png");
    Plots.bar("accuracy", acc, "accuracy", a);
    Plots.bar("accuracy", acc, "accuracy", b);
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    BufferedImage img = ImageFiles.readImage(a);
    assertThat(img.getWidth()).isEqualTo(Plots.WIDTH);
    assertThat(img.getHeight()).isEqualTo(Plots.HEIGHT);
    java.util.List<Integer> h = barHeights(img, Plots.PALETTE[0].getRGB() & 0xffffff);
    assertThat(h).hasSize(3); // in insertion order
    assertThat(h.get(1) * 2.0 / h.get(0)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.03));
    assertThat(h.get(2) * 4.0 / h.get(0)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.05));
  }

  @Test
  void groupedBarsUseOneColourPerSeries() throws IOException {
    Map<String, Map<String, Double>> s = new LinkedHashMap<>();
    s.put("model A", new LinkedHashMap<>(Map.of("colour", 0.8)));
    s.put("model B", new LinkedHashMap<>(Map.of("colour", 0.4)));
    s.get("model A").put("shape", 0.6);
    s.get("model B").put("shape", 0.2);
    Path png = dir.resolve("g.png");
    Plots.groupedBar("per attribute", s, png);
    BufferedImage img = ImageFiles.readImage(png);
    java.util.List<Integer> a = barHeights(img, Plots.PALETTE[0].getRGB() & 0xffffff);
    java.util.List<Integer> b = barHeights(img, Plots.PALETTE[1].getRGB() & 0xffffff);
    assertThat(a).hasSize(2);
    assertThat(b).hasSize(2);
    assertThat(b.get(0) * 2.0 / a.get(0)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.05));
    assertThat(b.get(1) * 3.0 / a.get(1)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.05));
  }

  @Test
  void linesDrawEverySeriesAndValidateLogX() throws IOException {
    Map<String, double[][]> series = new LinkedHashMap<>();
    series.put("train", new double[][] {{1, 10, 100, 1000}, {2.0, 1.0, 0.5, 0.4}});
    series.put("eval", new double[][] {{1, 10, 100, 1000}, {2.2, 1.3, Double.NaN, 0.6}});
    Path png = dir.resolve("loss.png");
    Plots.lines("loss", "step", "loss", series, true, png);
    BufferedImage img = ImageFiles.readImage(png);
    // markers and line centres are drawn in the exact series colours
    assertThat(count(img, Plots.PALETTE[0].getRGB() & 0xffffff)).isGreaterThan(100);
    assertThat(count(img, Plots.PALETTE[1].getRGB() & 0xffffff)).isGreaterThan(50);
    // on the log axis the decades 1, 10, 100, 1000 are equally spaced: marker centres show it
    java.util.List<Integer> centres = markerCentres(img, Plots.PALETTE[0].getRGB() & 0xffffff);
    assertThat(centres).hasSize(4);
    int step = centres.get(1) - centres.get(0);
    assertThat(step).isGreaterThan(100);
    assertThat(centres.get(2) - centres.get(1)).isBetween(step - 2, step + 2);
    assertThat(centres.get(3) - centres.get(2)).isBetween(step - 2, step + 2);
    series.put("bad", new double[][] {{0, 1}, {1, 1}});
    assertThatThrownBy(
            () -> Plots.lines("loss", "step", "loss", series, true, dir.resolve("x.png")))
        .hasMessageContaining("series 'bad' x[0] = 0.0 must be finite and > 0 on a log axis");
    assertThatThrownBy(
            () ->
                Plots.lines(
                    "l",
                    "x",
                    "y",
                    Map.of("s", new double[][] {{1, 2}, {1}}),
                    false,
                    dir.resolve("x.png")))
        .hasMessageContaining("series 's' must be {xs, ys} of equal length");
    assertThat(dir.resolve("x.png")).doesNotExist();
  }

  @Test
  void nonFiniteBarValueIsRejected() {
    assertThatThrownBy(() -> Plots.bar("t", Map.of("nan", Double.NaN), "y", dir.resolve("x.png")))
        .hasMessageContaining("value of 'nan' is NaN");
  }
}
