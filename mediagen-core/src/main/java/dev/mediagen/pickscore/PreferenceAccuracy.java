package dev.mediagen.pickscore;

/**
 * Tie-aware preference accuracy (PickScore's {@code eval_preference_predictor.py}; papers-language.md §1.4):
 * a scorer predicts "tie" when {@code |p0 − p1| ≤ t}, else the image with the larger probability; an example
 * scores 1 when prediction and label agree, 0.5 when exactly one of them is a tie, else 0. The threshold t
 * is tuned on validation and then applied to test.
 */
public final class PreferenceAccuracy {
  /** Thresholds tried: 0, 0.01, …, 1 (the paper's grid is 0, 0.1, …, 1; ours is finer). */
  public static final int GRID = 100;

  private PreferenceAccuracy() {}

  /**
   * @param p0 probability the scorer gives image 0 (p1 = 1 − p0)
   * @param label0 1, 0 or 0.5
   * @param t tie threshold on |p0 − p1|
   */
  public static double accuracy(double[] p0, float[] label0, double t) {
    if (p0.length != label0.length) throw new IllegalArgumentException("%d predictions for %d labels".formatted(p0.length, label0.length));
    if (p0.length == 0) throw new IllegalArgumentException("no examples");
    double sum = 0;
    for (int i = 0; i < p0.length; i++) {
      boolean predTie = Math.abs(2 * p0[i] - 1) <= t + 1e-12;
      boolean labelTie = label0[i] == 0.5f;
      if (predTie && labelTie) sum += 1;
      else if (predTie || labelTie) sum += 0.5;
      else if ((p0[i] > 0.5) == (label0[i] == 1f)) sum += 1;
    }
    return sum / p0.length;
  }

  /** The threshold of the grid with the best accuracy (the smallest such). */
  public static double tune(double[] p0, float[] label0) {
    double best = 0;
    double bestAcc = -1;
    for (int k = 0; k <= GRID; k++) {
      double t = k / (double) GRID;
      double a = accuracy(p0, label0, t);
      if (a > bestAcc + 1e-12) {
        bestAcc = a;
        best = t;
      }
    }
    return best;
  }

  /**
   * The expected accuracy of a random scorer ({@code |p0 − p1|} uniform on [0, 1]) at threshold t:
   * {@code (t + (1 − t)/2)·tieFraction + 0.5·(1 − tieFraction)}. Its best, at t = 1, is {@code 0.5 + tieFraction/2}.
   */
  public static double randomBaseline(double tieFraction, double t) {
    return (t + (1 - t) / 2) * tieFraction + 0.5 * (1 - tieFraction);
  }

  /** Share of ties among the labels. */
  public static double tieFraction(float[] label0) {
    int n = 0;
    for (float l : label0) if (l == 0.5f) n++;
    return n / (double) label0.length;
  }
}
