package dev.mediagen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;

/**
 * adaLN-Zero (DiT, Peebles &amp; Xie 2023 §3.2): a zero-initialised {@code Linear(SiLU(c))} that regresses
 * shift/scale/gate vectors from the conditioning vector c (timestep [+ pooled text, task]). At
 * initialisation every gate is 0, so each block starts as the identity.
 */
public final class AdaLnModulation extends Module {
  private final Dense linear;
  private final int chunks;

  public AdaLnModulation(int condDim, int dim, int chunks) {
    this.chunks = chunks;
    this.linear = module("linear", Dense.zero(condDim, chunks * dim));
  }

  /** @return {@code chunks} arrays of shape (B, D) */
  public NDList forward(ParameterStore ps, NDArray c, boolean training) {
    return Ops.chunk(linear.forward(ps, Ops.silu(c), training), chunks);
  }

  /** The six vectors of a transformer block (requires {@code chunks == 6}). */
  public Modulation block(ParameterStore ps, NDArray c, boolean training) {
    NDList m = forward(ps, c, training);
    return new Modulation(m.get(0), m.get(1), m.get(2), m.get(3), m.get(4), m.get(5));
  }
}
