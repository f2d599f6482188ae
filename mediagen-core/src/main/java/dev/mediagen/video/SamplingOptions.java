package dev.mediagen.video;

import dev.mediagen.flow.OdeSolver;
import dev.mediagen.flow.Schedules;

/**
 * How to sample a clip: Movie Gen's defaults are 50 Euler steps on the linear-quadratic grid; our small
 * models use a lower guidance scale than the paper's 7.5.
 *
 * @param size frame size in pixels (square)
 * @param frames 1 for an image, more for a video
 * @param fps frame rate stated to the model with the FPS-k token (videos)
 * @param steps ODE steps
 * @param guidance classifier-free guidance scale (1 = none)
 * @param schedule "lq" or "linear"
 * @param method solver
 * @param seed noise seed; sample i of a batch uses stream (seed, i), so it does not depend on batch size
 */
public record SamplingOptions(
    int size, int frames, int fps, int steps, float guidance, String schedule, OdeSolver.Method method, long seed) {
  public SamplingOptions {
    if (steps < 1 || steps > 10_000) throw new IllegalArgumentException("steps %d must be in [1, 10000]".formatted(steps));
    if (!(guidance >= 0 && guidance <= 50)) {
      throw new IllegalArgumentException("guidance %s must be in [0, 50]".formatted(guidance));
    }
    if (!Schedules.NAMES.contains(schedule)) {
      throw new IllegalArgumentException("schedule '%s' must be one of %s".formatted(schedule, Schedules.NAMES));
    }
    if (frames < 1) throw new IllegalArgumentException("frames %d must be at least 1".formatted(frames));
    if (fps < 1 || fps > 120) throw new IllegalArgumentException("fps %d must be in [1, 120]".formatted(fps));
  }

  /** Movie Gen's defaults: 50 LQ Euler steps. */
  public static SamplingOptions defaults(int size, int frames, int fps, long seed) {
    return new SamplingOptions(size, frames, fps, 50, 4f, "lq", OdeSolver.Method.EULER, seed);
  }

  public SamplingOptions withSteps(int s, String sched) {
    return new SamplingOptions(size, frames, fps, s, guidance, sched, method, seed);
  }

  public SamplingOptions withGuidance(float g) {
    return new SamplingOptions(size, frames, fps, steps, g, schedule, method, seed);
  }

  public SamplingOptions withSeed(long s) {
    return new SamplingOptions(size, frames, fps, steps, guidance, schedule, method, s);
  }

  public float[] times() {
    return Schedules.byName(schedule, steps);
  }
}
