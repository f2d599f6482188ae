package dev.mediagen.flow;

import dev.mediagen.nn.Gaussian;
import java.util.SplittableRandom;

/** Training-time samplers for t (drawn on the host from a seeded generator, so runs reproduce exactly). */
public final class TimeSampler {
  private TimeSampler() {}

  /** Logit-normal t = sigmoid(m + s·n), n ~ N(0,1) (SD3 / Movie Gen use m = 0, s = 1). */
  public static float[] logitNormal(SplittableRandom rng, int n, double mean, double std) {
    float[] t = new float[n];
    for (int i = 0; i < n; i++) t[i] = (float) (1.0 / (1.0 + Math.exp(-(mean + std * Gaussian.next(rng)))));
    return t;
  }

  /** Each t uniform with probability {@code uniformShare}, else logit-normal(mean, std). */
  public static float[] mixed(SplittableRandom rng, int n, double uniformShare, double mean, double std) {
    float[] t = new float[n];
    for (int i = 0; i < n; i++) {
      boolean uniform = uniformShare > 0 && rng.nextDouble() < uniformShare;
      t[i] = uniform ? (float) rng.nextDouble() : (float) (1.0 / (1.0 + Math.exp(-(mean + std * Gaussian.next(rng)))));
    }
    return t;
  }

  /** Uniform t ∈ [0, 1). */
  public static float[] uniform(SplittableRandom rng, int n) {
    float[] t = new float[n];
    for (int i = 0; i < n; i++) t[i] = (float) rng.nextDouble();
    return t;
  }
}
