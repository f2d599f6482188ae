package dev.mediagen.flow;

import ai.djl.ndarray.NDArray;

/** The conditional OT path of Movie Gen eq. 2 (see the package docs for the convention). */
public final class FlowPath {
  /** σ_min of Movie Gen: the path ends at data with a tiny residual noise so the target stays defined. */
  public static final float SIGMA_MIN = 1e-5f;

  private FlowPath() {}

  /**
   * @param x1 data, (B, ...)
   * @param x0 noise of the same shape
   * @param t (B) times in [0, 1]
   * @return x_t = t·x₁ + (1 − (1 − σ)t)·x₀ and v = x₁ − (1 − σ)·x₀
   */
  public static PathSample sample(NDArray x1, NDArray x0, NDArray t, float sigmaMin) {
    NDArray tb = broadcastable(t, x1.getShape().dimension()); // (B, 1, 1, ...)
    NDArray xt = tb.mul(x1).add(tb.mul(-(1 - sigmaMin)).add(1f).mul(x0));
    NDArray v = x1.sub(x0.mul(1 - sigmaMin));
    return new PathSample(xt, v);
  }

  /** Reshapes (B) to (B, 1, ..., 1) with {@code rank} axes for broadcasting over samples. */
  static NDArray broadcastable(NDArray t, int rank) {
    long[] shape = new long[rank];
    java.util.Arrays.fill(shape, 1);
    shape[0] = t.getShape().get(0);
    return t.reshape(shape);
  }
}
