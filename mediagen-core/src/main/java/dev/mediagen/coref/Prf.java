package dev.mediagen.coref;

/**
 * Precision, recall and their harmonic mean F1, as fractions in [0, 1].
 *
 * @param p precision
 * @param r recall
 * @param f1 {@code 2pr / (p + r)}, 0 when {@code p + r = 0}
 */
public record Prf(double p, double r, double f1) {

  public Prf {
    requireFraction("p", p);
    requireFraction("r", r);
    requireFraction("f1", f1);
  }

  /** Precision and recall with their F1; a 0/0 ratio counts as 0, as in the reference scorer. */
  public static Prf of(
      double precisionNum, double precisionDen, double recallNum, double recallDen) {
    double p = ratio(precisionNum, precisionDen);
    double r = ratio(recallNum, recallDen);
    return new Prf(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
  }

  private static double ratio(double num, double den) {
    // min(1, …): a sum of fractions may overshoot its exact value by a rounding error
    return den == 0 ? 0 : Math.min(1.0, num / den);
  }

  private static void requireFraction(String name, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
    }
  }
}
