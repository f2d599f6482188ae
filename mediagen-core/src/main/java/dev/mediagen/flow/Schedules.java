package dev.mediagen.flow;

/**
 * Inference time grids t₀ = 0 &lt; t₁ &lt; … &lt; t_S = 1 (noise → data).
 *
 * <p>Movie Gen samples with 50 Euler steps on a <b>linear-quadratic</b> grid: the first half of the steps
 * copy the first steps of a fine linear grid (where most of the structure is decided), the rest are spaced
 * quadratically up to t = 1; 50 such steps match ~250 linear ones. Closed form as in Mochi's
 * {@code linear_quadratic_schedule}, converted to t = 1 − σ.
 */
public final class Schedules {
  private Schedules() {}

  /** The names accepted by {@link #byName}. */
  public static final java.util.List<String> NAMES = java.util.List.of("lq", "linear");

  /** {@code S+1} equally spaced times from 0 to 1. */
  public static float[] linear(int steps) {
    requireSteps(steps);
    float[] t = new float[steps + 1];
    for (int i = 0; i <= steps; i++) t[i] = (float) i / steps;
    return t;
  }

  /**
   * The linear-quadratic grid with {@code L = S/2} linear steps and threshold τ = L/N (by default N = 1000,
   * so its first L steps equal the first L steps of a 1000-step linear grid).
   *
   * <pre>
   *   u_i = i·τ/L                for i &lt; L
   *   u_i = a·i² + b·i + c       for L ≤ i &lt; S, with Q = S − L,
   *         a = (L − τS)/(L·Q²), b = τ/L − 2(L − τS)/Q², c = a·L²   (u_L = τ with slope τ/L, so the grid is C¹ at the switch, and u_S = 1)
   *   u_S = 1
   * </pre>
   */
  public static float[] linearQuadratic(int steps, int linearSteps, double threshold) {
    requireSteps(steps);
    if (steps < 2) return linear(steps);
    if (linearSteps < 1 || linearSteps >= steps) {
      throw new IllegalArgumentException(
          "linearSteps %d must be in [1, %d)".formatted(linearSteps, steps));
    }
    int l = linearSteps;
    int q = steps - l;
    double a = (l - threshold * steps) / ((double) l * q * q);
    double b = threshold / l - 2.0 * (l - threshold * steps) / ((double) q * q);
    double c = a * l * l;
    float[] t = new float[steps + 1];
    for (int i = 0; i < steps; i++) {
      t[i] = (float) (i < l ? i * threshold / l : a * i * i + b * i + c);
    }
    t[steps] = 1f;
    return t;
  }

  /** Movie Gen's default: L = S/2 and τ = L/1000. */
  public static float[] linearQuadratic(int steps) {
    int l = Math.max(1, steps / 2);
    return linearQuadratic(steps, l, l / 1000.0);
  }

  /** {@code "lq"} or {@code "linear"}. */
  public static float[] byName(String name, int steps) {
    return switch (name) {
      case "lq" -> linearQuadratic(steps);
      case "linear" -> linear(steps);
      default -> throw new IllegalArgumentException(
          "unknown schedule '%s'; allowed: %s".formatted(name, NAMES));
    };
  }

  private static void requireSteps(int steps) {
    if (steps < 1 || steps > 10_000) {
      throw new IllegalArgumentException("steps %d must be in [1, 10000]".formatted(steps));
    }
  }
}
