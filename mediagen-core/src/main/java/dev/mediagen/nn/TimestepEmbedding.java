package dev.mediagen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

/**
 * Embeds flow time t ∈ [0, 1] as in DiT's {@code TimestepEmbedder}: sinusoidal features of 1000·t
 * followed by a two-layer MLP with SiLU.
 */
public final class TimestepEmbedding extends Module {
  private final int frequencyDim;
  private final Dense fc1;
  private final Dense fc2;

  public TimestepEmbedding(int dim, int frequencyDim) {
    this.frequencyDim = frequencyDim;
    this.fc1 = module("mlp.0", new Dense(frequencyDim, dim, true, Init.normal(0.02)));
    this.fc2 = module("mlp.2", new Dense(dim, dim, true, Init.normal(0.02)));
  }

  /** @param t (B) flow times in [0, 1]; @return (B, D) */
  public NDArray forward(ParameterStore ps, NDArray t, boolean training) {
    NDArray f = sinusoidal(t.mul(1000f), frequencyDim); // (B, F)
    return fc2.forward(ps, Ops.silu(fc1.forward(ps, f, training)), training);
  }

  /**
   * [cos(x·ω_i), sin(x·ω_i)] with ω_i = 10000^(−i/half), i < half — the transformer/DiT sinusoid.
   *
   * @param x (B) positions
   * @return (B, dim)
   */
  public static NDArray sinusoidal(NDArray x, int dim) {
    int half = dim / 2;
    NDManager m = x.getManager();
    float[] freqs = new float[half];
    for (int i = 0; i < half; i++) freqs[i] = (float) Math.exp(-Math.log(10000.0) * i / half);
    NDArray args = x.expandDims(1).mul(Tensors.floats(m, freqs, new ai.djl.ndarray.types.Shape(1, half))); // (B, half)
    return args.cos().concat(args.sin(), 1);
  }
}
