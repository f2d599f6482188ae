package dev.mediagen.sweep;

import java.util.List;

/**
 * The params-vs-examples regression of papers-language.md §4.2 (the paper's exact metric is not
 * verified; this is the brief's faithful-enough proxy): per task, least squares of {@code score ≈
 * a·log2(params) + b·log2(n) + c} over every grid point, solved in closed form from the 3×3 normal
 * equations. {@code b/a} reads "one doubling of the examples is worth b/a doublings of the
 * parameters"; open QA over held-out facts should give {@code b ≈ 0}.
 */
public final class ScalingFit {

  private ScalingFit() {}

  /** One observation. */
  public record Point(double params, double n, double score) {}

  /** The fitted coefficients, {@code b/a} and the coefficient of determination. */
  public record Fit(double a, double b, double c, double ratio, double r2, int points) {}

  /** Fits the points of {@code results} (all seeds; equal to fitting means on a full grid). */
  public static Fit fitResults(List<CellResult> results) {
    return fit(results.stream().map(r -> new Point(r.params(), r.cell().n(), r.score())).toList());
  }

  public static Fit fit(List<Point> points) {
    double[][] xtx = new double[3][3];
    double[] xty = new double[3];
    for (Point p : points) {
      if (!(p.params() > 0 && p.n() > 0)) {
        throw new IllegalArgumentException("params and n must be > 0, got " + p);
      }
      double[] x = {log2(p.params()), log2(p.n()), 1};
      for (int i = 0; i < 3; i++) {
        xty[i] += x[i] * p.score();
        for (int j = 0; j < 3; j++) {
          xtx[i][j] += x[i] * x[j];
        }
      }
    }
    double[] beta = solve(xtx, xty);
    if (beta == null) {
      throw new IllegalArgumentException(
          ("cannot fit a·log2 P + b·log2 n + c to %d points: needs at least two parameter"
                  + " counts and two example counts")
              .formatted(points.size()));
    }
    double mean = points.stream().mapToDouble(Point::score).average().orElse(0);
    double ssRes = 0;
    double ssTot = 0;
    for (Point p : points) {
      double pred = beta[0] * log2(p.params()) + beta[1] * log2(p.n()) + beta[2];
      ssRes += (p.score() - pred) * (p.score() - pred);
      ssTot += (p.score() - mean) * (p.score() - mean);
    }
    double r2 = ssTot == 0 ? 1 : 1 - ssRes / ssTot;
    return new Fit(beta[0], beta[1], beta[2], beta[1] / beta[0], r2, points.size());
  }

  /** Gaussian elimination with partial pivoting; null when (numerically) singular. */
  static double[] solve(double[][] a, double[] y) {
    int n = y.length;
    double[][] m = new double[n][n + 1];
    double scale = 0;
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = y[i];
      for (int j = 0; j < n; j++) {
        scale = Math.max(scale, Math.abs(a[i][j]));
      }
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      if (Math.abs(m[pivot][col]) <= 1e-12 * Math.max(scale, 1)) {
        return null;
      }
      double[] t = m[col];
      m[col] = m[pivot];
      m[pivot] = t;
      for (int r = 0; r < n; r++) {
        if (r != col) {
          double f = m[r][col] / m[col][col];
          for (int k = col; k <= n; k++) {
            m[r][k] -= f * m[col][k];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = m[i][n] / m[i][i];
    }
    return x;
  }

  private static double log2(double v) {
    return Math.log(v) / Math.log(2);
  }
}
