package dev.mediagen.nn;

import java.util.SplittableRandom;

/** Standard normal draws from a {@link SplittableRandom} (Box–Muller), so all noise is seed-reproducible. */
public final class Gaussian {
  private Gaussian() {}

  /** One N(0,1) draw. */
  public static double next(SplittableRandom rng) {
    double u1 = rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  /** {@code n} N(0,1) draws, two per Box–Muller pair. */
  public static float[] fill(SplittableRandom rng, int n) {
    float[] out = new float[n];
    for (int i = 0; i < n; i += 2) {
      double r = Math.sqrt(-2.0 * Math.log(1.0 - rng.nextDouble()));
      double a = 2.0 * Math.PI * rng.nextDouble();
      out[i] = (float) (r * Math.cos(a));
      if (i + 1 < n) out[i + 1] = (float) (r * Math.sin(a));
    }
    return out;
  }
}
