package dev.mediagen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/** RMSNorm (Zhang &amp; Sennrich 2019), LLaMa's norm: {@code x / sqrt(mean(x²) + eps) · g} over the last axis. */
public final class RmsNorm extends Module {
  private final Parameter gain;
  private final float eps;

  /** With a learned gain (initialised to 1). */
  public RmsNorm(int dim) {
    this(dim, 1e-6f, true);
  }

  /** {@code affine=false} gives the parameter-free norm used before adaLN modulation. */
  public RmsNorm(int dim, float eps, boolean affine) {
    this.eps = eps;
    this.gain = affine ? param("weight", Init.ONES, dim) : null;
  }

  public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
    NDArray y = normalize(x, eps);
    return gain == null ? y : y.mul(value(ps, gain, x, training));
  }

  /** The pure normalisation, {@code x / sqrt(mean(x², -1) + eps)}. */
  public static NDArray normalize(NDArray x, float eps) {
    int last = x.getShape().dimension() - 1;
    return x.div(x.square().mean(new int[] {last}, true).add(eps).sqrt());
  }
}
