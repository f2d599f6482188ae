package dev.mediagen.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScalingFitTest {

  private static final long[] PARAMS = {77_000_000L, 250_000_000L, 800_000_000L, 3_000_000_000L};
  private static final int[] SIZES = {32, 128, 512, 2048};

  private static double log2(double v) {
    return Math.log(v) / Math.log(2);
  }

  @Test
  void recoversKnownCoefficientsExactly() {
    List<ScalingFit.Point> points = new ArrayList<>();
    for (long p : PARAMS) {
      for (int n : SIZES) {
        points.add(new ScalingFit.Point(p, n, 3 * log2(p) + 5 * log2(n) - 7));
      }
    }
    ScalingFit.Fit fit = ScalingFit.fit(points);
    assertThat(fit.a()).isCloseTo(3, within(1e-9));
    assertThat(fit.b()).isCloseTo(5, within(1e-9));
    assertThat(fit.c()).isCloseTo(-7, within(1e-7));
    assertThat(fit.ratio()).isCloseTo(5.0 / 3, within(1e-9));
    assertThat(fit.r2()).isCloseTo(1, within(1e-12));
  }

  @Test
  void recoversCoefficientsUnderSeedNoiseFromResults() {
    Random rnd = new Random(1);
    List<CellResult> results = new ArrayList<>();
    for (int m = 0; m < PARAMS.length; m++) {
      for (int n : SIZES) {
        for (int seed = 42; seed <= 46; seed++) {
          double score = 2 * log2(PARAMS[m]) + 0.0 * log2(n) + 10 + rnd.nextGaussian() * 0.5;
          results.add(
              new CellResult(
                  new SweepCell(TaskFormat.OPEN, "m" + m, n, seed), PARAMS[m], score, Map.of()));
        }
      }
    }
    ScalingFit.Fit fit = ScalingFit.fitResults(results);
    assertThat(fit.points()).isEqualTo(80);
    assertThat(fit.a()).isCloseTo(2, within(0.1));
    assertThat(fit.b()).isCloseTo(0, within(0.1)); // open QA: examples buy nothing
    assertThat(Math.abs(fit.ratio())).isLessThan(0.05);
  }

  @Test
  void singleModelSizeCannotBeFit() {
    List<ScalingFit.Point> points = new ArrayList<>();
    for (int n : SIZES) {
      points.add(new ScalingFit.Point(1e6, n, n));
    }
    assertThatThrownBy(() -> ScalingFit.fit(points))
        .hasMessageContaining("needs at least two parameter counts and two example counts");
  }
}
