package dev.mediagen.eval;

/**
 * The Fréchet distance between two Gaussians — the formula behind FID (Heusel et al. 2017), applied here to
 * features of a ShapesWorld-trained encoder ({@link FeatureNet}) instead of Inception-v3:
 *
 * <pre>
 *   d²(N(μ₁, Σ₁), N(μ₂, Σ₂)) = |μ₁ − μ₂|² + tr(Σ₁) + tr(Σ₂) − 2·tr((Σ₁^{1/2} Σ₂ Σ₁^{1/2})^{1/2})
 * </pre>
 *
 * The last trace equals tr((Σ₁Σ₂)^{1/2}) of the usual statement (Σ₁Σ₂ is similar to the symmetric
 * positive semi-definite Σ₁^{1/2}Σ₂Σ₁^{1/2}), so it is computed from symmetric eigen-decompositions (cyclic
 * Jacobi) without complex square roots; eigenvalues below zero from rounding are clipped to 0. Like FID we
 * report d² (not d). Covariances are the unbiased (n − 1) estimates.
 */
public final class FrechetDistance {
  /** A Gaussian fit: mean (d) and covariance (d × d). */
  public record Gaussian(double[] mean, double[][] cov) {
    public Gaussian {
      if (cov.length != mean.length) {
        throw new IllegalArgumentException("covariance is %dx?, mean has %d entries".formatted(cov.length, mean.length));
      }
    }

    /** Mean and unbiased covariance of {@code rows} (n ≥ 2 samples of equal dimension). */
    public static Gaussian fit(float[][] rows) {
      int n = rows.length;
      if (n < 2) throw new IllegalArgumentException("need at least 2 samples to fit a Gaussian, got %d".formatted(n));
      int d = rows[0].length;
      double[] mu = new double[d];
      for (float[] r : rows) {
        if (r.length != d) throw new IllegalArgumentException("samples have %d and %d features".formatted(d, r.length));
        for (int i = 0; i < d; i++) mu[i] += r[i];
      }
      for (int i = 0; i < d; i++) mu[i] /= n;
      double[][] cov = new double[d][d];
      for (float[] r : rows) {
        for (int i = 0; i < d; i++) {
          double a = r[i] - mu[i];
          for (int j = i; j < d; j++) cov[i][j] += a * (r[j] - mu[j]);
        }
      }
      for (int i = 0; i < d; i++) {
        for (int j = i; j < d; j++) {
          cov[i][j] /= n - 1;
          cov[j][i] = cov[i][j];
        }
      }
      return new Gaussian(mu, cov);
    }
  }

  private FrechetDistance() {}

  /** d² between two Gaussian fits of the same dimension. */
  public static double of(Gaussian a, Gaussian b) {
    int d = a.mean().length;
    if (b.mean().length != d) throw new IllegalArgumentException("dimensions differ: %d vs %d".formatted(d, b.mean().length));
    double meanTerm = 0;
    for (int i = 0; i < d; i++) meanTerm += (a.mean()[i] - b.mean()[i]) * (a.mean()[i] - b.mean()[i]);
    double[][] rootA = sqrtPsd(a.cov());
    double[][] m = multiply(multiply(rootA, b.cov()), rootA);
    symmetrize(m);
    double traceRoot = 0;
    for (double lambda : eigenvalues(m)) traceRoot += Math.sqrt(Math.max(0, lambda));
    return Math.max(0, meanTerm + trace(a.cov()) + trace(b.cov()) - 2 * traceRoot);
  }

  /** d² between the Gaussian fits of two feature sets. */
  public static double of(float[][] x, float[][] y) {
    return of(Gaussian.fit(x), Gaussian.fit(y));
  }

  /** The principal square root of a symmetric positive semi-definite matrix. */
  static double[][] sqrtPsd(double[][] s) {
    int d = s.length;
    double[][] a = copy(s);
    double[][] v = jacobi(a);
    double[][] out = new double[d][d];
    for (int k = 0; k < d; k++) {
      double r = Math.sqrt(Math.max(0, a[k][k]));
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) out[i][j] += v[i][k] * r * v[j][k];
      }
    }
    return out;
  }

  /** Eigenvalues of a symmetric matrix. */
  static double[] eigenvalues(double[][] s) {
    double[][] a = copy(s);
    jacobi(a);
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) out[i] = a[i][i];
    return out;
  }

  /**
   * Cyclic Jacobi rotations: diagonalises {@code a} in place (eigenvalues on the diagonal) and returns the
   * eigenvectors as columns.
   */
  private static double[][] jacobi(double[][] a) {
    int d = a.length;
    double[][] v = new double[d][d];
    for (int i = 0; i < d; i++) v[i][i] = 1;
    for (int sweep = 0; sweep < 100; sweep++) {
      double off = 0, diag = 0;
      for (int i = 0; i < d; i++) {
        diag += a[i][i] * a[i][i];
        for (int j = i + 1; j < d; j++) off += a[i][j] * a[i][j];
      }
      if (off <= 1e-30 * Math.max(diag, 1e-300)) break;
      for (int p = 0; p < d; p++) {
        for (int q = p + 1; q < d; q++) {
          if (a[p][q] == 0) continue;
          double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) t = 1;
          double c = 1 / Math.sqrt(t * t + 1), s = t * c;
          for (int k = 0; k < d; k++) { // columns p, q
            double akp = a[k][p], akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
          }
          for (int k = 0; k < d; k++) { // rows p, q
            double apk = a[p][k], aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
          }
          for (int k = 0; k < d; k++) {
            double vkp = v[k][p], vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
          }
        }
      }
    }
    return v;
  }

  private static double[][] multiply(double[][] x, double[][] y) {
    int d = x.length;
    double[][] out = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int k = 0; k < d; k++) {
        double xik = x[i][k];
        if (xik == 0) continue;
        for (int j = 0; j < d; j++) out[i][j] += xik * y[k][j];
      }
    }
    return out;
  }

  private static void symmetrize(double[][] m) {
    for (int i = 0; i < m.length; i++) {
      for (int j = i + 1; j < m.length; j++) {
        double avg = (m[i][j] + m[j][i]) / 2;
        m[i][j] = avg;
        m[j][i] = avg;
      }
    }
  }

  private static double trace(double[][] m) {
    double t = 0;
    for (int i = 0; i < m.length; i++) t += m[i][i];
    return t;
  }

  private static double[][] copy(double[][] m) {
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) c[i] = m[i].clone();
    return c;
  }
}
