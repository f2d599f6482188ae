package dev.mediagen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/** LayerNorm over the last axis with gain and bias (used by the text projections, as Movie Gen's). */
public final class LayerNorm extends Module {
  private final Parameter gamma;
  private final Parameter beta;
  private final int dim;

  public LayerNorm(int dim) {
    this.dim = dim;
    this.gamma = param("weight", Init.ONES, dim);
    this.beta = param("bias", Init.ZEROS, dim);
  }

  public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
    return ai.djl.nn.norm.LayerNorm.layerNorm(
            x, new Shape(dim), value(ps, gamma, x, training), value(ps, beta, x, training), 1e-5f)
        .singletonOrThrow();
  }
}
