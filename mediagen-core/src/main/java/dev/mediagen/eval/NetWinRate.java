package dev.mediagen.eval;

import java.util.SplittableRandom;

/**
 * Movie Gen's pairwise comparison statistic: <b>net win rate</b> = win% − loss% ∈ [−100, 100] of system A
 * over system B across prompts (ties count in the denominator), with a percentile bootstrap confidence
 * interval over prompts.
 */
public final class NetWinRate {
  /** A net win rate in percent and its bootstrap interval. */
  public record Result(int prompts, int wins, int losses, int ties, double netWin, double low, double high) {}

  private NetWinRate() {}

  /**
   * @param outcomes per prompt: +1 A wins, −1 B wins, 0 tie
   * @param level confidence level, e.g. 0.95
   */
  public static Result of(int[] outcomes, int resamples, double level, long seed) {
    int n = outcomes.length;
    if (n == 0) return new Result(0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN);
    int wins = 0, losses = 0;
    for (int o : outcomes) {
      if (o > 0) wins++;
      else if (o < 0) losses++;
    }
    double[] boot = new double[resamples];
    SplittableRandom rng = new SplittableRandom(seed);
    for (int r = 0; r < resamples; r++) {
      int sum = 0;
      for (int i = 0; i < n; i++) sum += Integer.signum(outcomes[rng.nextInt(n)]);
      boot[r] = 100.0 * sum / n;
    }
    java.util.Arrays.sort(boot);
    double alpha = (1 - level) / 2;
    double lo = resamples == 0 ? Double.NaN : boot[(int) Math.floor(alpha * (resamples - 1))];
    double hi = resamples == 0 ? Double.NaN : boot[(int) Math.ceil((1 - alpha) * (resamples - 1))];
    return new Result(n, wins, losses, n - wins - losses, 100.0 * (wins - losses) / n, lo, hi);
  }

  /** +1, −1 or 0 from two scores where higher is better (ties within {@code eps}). */
  public static int outcome(double a, double b, double eps) {
    return Math.abs(a - b) <= eps ? 0 : a > b ? 1 : -1;
  }
}
