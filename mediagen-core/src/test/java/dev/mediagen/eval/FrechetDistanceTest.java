package dev.mediagen.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mediagen.eval.FrechetDistance.Gaussian;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {
  @Test
  void identicalGaussiansAreAtDistanceZero() {
    double[][] cov = {{2, 0.5, 0.1}, {0.5, 1, -0.3}, {0.1, -0.3, 0.7}};
    Gaussian g = new Gaussian(new double[] {1, -2, 3}, cov);
    assertThat(FrechetDistance.of(g, g)).isCloseTo(0, within(1e-9));
  }

  @Test
  void oneDimensionalClosedForm() {
    // d² = (μ1 − μ2)² + (σ1 − σ2)²: (1 − 4)² + (2 − 0.5)² = 9 + 2.25
    Gaussian a = new Gaussian(new double[] {1}, new double[][] {{4}});
    Gaussian b = new Gaussian(new double[] {4}, new double[][] {{0.25}});
    assertThat(FrechetDistance.of(a, b)).isCloseTo(11.25, within(1e-12));
  }

  @Test
  void nonCommutingCovariancesMatchAHandComputedValue() {
    // Σ1 = I, Σ2 = [[2, 1], [1, 2]] (eigenvalues 3, 1): d² = tr I + tr Σ2 − 2(√3 + 1) = 4 − 2√3
    Gaussian a = new Gaussian(new double[2], new double[][] {{1, 0}, {0, 1}});
    Gaussian b = new Gaussian(new double[2], new double[][] {{2, 1}, {1, 2}});
    assertThat(FrechetDistance.of(a, b)).isCloseTo(4 - 2 * Math.sqrt(3), within(1e-10));
    // symmetric in its arguments although the formula is not written symmetrically
    assertThat(FrechetDistance.of(b, a)).isCloseTo(4 - 2 * Math.sqrt(3), within(1e-10));
  }

  @Test
  void diagonalCovariancesAddPerDimension() {
    Gaussian a = new Gaussian(new double[] {0, 1, 2}, new double[][] {{1, 0, 0}, {0, 4, 0}, {0, 0, 9}});
    Gaussian b = new Gaussian(new double[] {1, 1, 0}, new double[][] {{4, 0, 0}, {0, 4, 0}, {0, 0, 1}});
    // means 1 + 0 + 4; standard deviations (1−2)² + 0 + (3−1)²
    assertThat(FrechetDistance.of(a, b)).isCloseTo(5 + 1 + 4, within(1e-10));
  }

  @Test
  void fitUsesTheUnbiasedCovarianceAndSamplesConverge() {
    Gaussian g = Gaussian.fit(new float[][] {{1, 0}, {3, 2}});
    assertThat(g.mean()).containsExactly(2, 1);
    assertThat(g.cov()[0]).containsExactly(2, 2); // (1 + 1) / (2 − 1)
    SplittableRandom r = new SplittableRandom(4);
    float[][] x = new float[4000][2], y = new float[4000][2];
    for (int i = 0; i < 4000; i++) {
      x[i] = new float[] {(float) r.nextGaussian(), (float) r.nextGaussian()};
      y[i] = new float[] {(float) (2 + r.nextGaussian()), (float) r.nextGaussian()};
    }
    assertThat(FrechetDistance.of(x, y)).isCloseTo(4, within(0.25)); // mean shift 2 in one dimension
    assertThatThrownBy(() -> Gaussian.fit(new float[][] {{1}})).hasMessageContaining("at least 2 samples");
  }
}
