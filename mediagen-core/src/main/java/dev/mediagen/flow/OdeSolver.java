package dev.mediagen.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.function.IntConsumer;

/**
 * Fixed-grid ODE solvers for dx/dt = u(x, t) (flux's {@code denoise} loop, flow_matching's
 * {@code ODESolver}). Each step's intermediates are freed in a sub-manager; only the state survives.
 */
public final class OdeSolver {
  /** Euler (Movie Gen's choice, one evaluation per step) or midpoint (two, second order). */
  public enum Method {
    EULER,
    MIDPOINT
  }

  private OdeSolver() {}

  /**
   * Integrates from {@code times[0]} to {@code times[last]}.
   *
   * @param onStep called after each step with the step index (progress bars); may be null
   * @return the final state, attached to x0's manager
   */
  public static NDArray integrate(
      VelocityField u, NDArray x0, float[] times, Method method, IntConsumer onStep) {
    try (dev.mediagen.nn.Tensors.Scope noGrad = dev.mediagen.nn.Tensors.noGrad()) {
      return integrateNoGrad(u, x0, times, method, onStep);
    }
  }

  private static NDArray integrateNoGrad(
      VelocityField u, NDArray x0, float[] times, Method method, IntConsumer onStep) {
    NDManager owner = x0.getManager();
    NDArray x = x0;
    for (int i = 0; i + 1 < times.length; i++) {
      float t = times[i];
      float h = times[i + 1] - t;
      try (NDManager step = owner.newSubManager()) {
        NDArray xi = x.duplicate();
        xi.attach(step);
        NDArray next =
            switch (method) {
              case EULER -> xi.add(u.velocity(xi, t).mul(h));
              case MIDPOINT -> {
                NDArray mid = xi.add(u.velocity(xi, t).mul(h / 2));
                yield xi.add(u.velocity(mid, t + h / 2).mul(h));
              }
            };
        if (x != x0) x.close();
        next.attach(owner);
        x = next;
      }
      if (onStep != null) onStep.accept(i);
    }
    return x == x0 ? x0.duplicate() : x;
  }
}
