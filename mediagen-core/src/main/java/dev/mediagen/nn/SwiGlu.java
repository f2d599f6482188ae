package dev.mediagen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;

/**
 * LLaMa's SwiGLU feed-forward (Shazeer 2020): {@code W2 · (SiLU(W1·x) ⊙ W3·x)}. W1 and W3 are one fused
 * (2·hidden, dim) matrix so the step does one matmul instead of two.
 */
public final class SwiGlu extends Module {
  private final Dense w13;
  private final Dense w2;

  public SwiGlu(int dim, int hidden) {
    this.w13 = module("w13", new Dense(dim, 2 * hidden, false, Init.XAVIER));
    this.w2 = module("w2", new Dense(hidden, dim, false, Init.XAVIER));
  }

  public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
    NDList ab = Ops.chunk(w13.forward(ps, x, training), 2); // 2 × (..., hidden)
    return w2.forward(ps, Ops.silu(ab.get(0)).mul(ab.get(1)), training); // (..., dim)
  }
}
