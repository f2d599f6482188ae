package dev.mediagen.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.AdaLnModulation;
import dev.mediagen.nn.Dense;
import dev.mediagen.nn.Module;
import dev.mediagen.nn.Ops;
import dev.mediagen.nn.RmsNorm;

/** DiT's final layer: modulated norm, then a zero-initialised projection to patch values. */
public final class FinalLayer extends Module {
  private final AdaLnModulation adaLn;
  private final Dense linear;

  public FinalLayer(int hidden, int patchValues) {
    this.adaLn = module("adaLN_modulation", new AdaLnModulation(hidden, hidden, 2));
    this.linear = module("linear", Dense.zero(hidden, patchValues));
  }

  /** @param h (B, N, D); @param c (B, D); @return (B, N, C·p·p) */
  public NDArray forward(ParameterStore ps, NDArray h, NDArray c, boolean training) {
    NDList m = adaLn.forward(ps, c, training); // shift, scale: (B, D)
    return linear.forward(ps, Ops.modulate(RmsNorm.normalize(h, 1e-6f), m.get(0), m.get(1)), training);
  }
}
