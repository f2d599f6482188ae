package dev.mediagen.train;

/** Learning-rate schedules as pure functions of the step. */
public final class LrSchedule {
  private LrSchedule() {}

  /** Linear warm-up to {@code peak} over {@code warmup} steps, then constant. */
  public static float warmupConstant(long step, float peak, long warmup) {
    return warmup <= 0 || step >= warmup ? peak : peak * (step + 1) / warmup;
  }

  /** Linear warm-up, then cosine decay from {@code peak} to {@code floor} at {@code total} steps. */
  public static float warmupCosine(long step, float peak, float floor, long warmup, long total) {
    if (step < warmup) return peak * (step + 1) / warmup;
    double p = Math.min(1.0, (double) (step - warmup) / Math.max(1, total - warmup));
    return (float) (floor + 0.5 * (peak - floor) * (1 + Math.cos(Math.PI * p)));
  }
}
