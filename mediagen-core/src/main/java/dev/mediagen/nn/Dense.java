package dev.mediagen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/** A linear layer {@code y = x·Wᵀ + b} with weight (out, in), as {@code torch.nn.Linear}. */
public final class Dense extends Module {
  private final Parameter weight;
  private final Parameter bias;
  private final int in;
  private final int out;

  public Dense(int in, int out, boolean bias, Init weightInit) {
    this.in = in;
    this.out = out;
    this.weight = param("weight", weightInit, out, in);
    this.bias = bias ? param("bias", Init.ZEROS, out) : null;
  }

  /** Xavier-uniform weight and zero bias (DiT's default for linears). */
  public Dense(int in, int out) {
    this(in, out, true, Init.XAVIER);
  }

  /** A zero-initialised layer (adaLN-Zero and output projections start as the identity of the residual). */
  public static Dense zero(int in, int out) {
    return new Dense(in, out, true, Init.ZEROS);
  }

  public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
    NDArray w = value(ps, weight, x, training);
    NDArray b = bias == null ? null : value(ps, bias, x, training);
    return Ops.linear(x, w, b); // (..., out)
  }

  public int in() {
    return in;
  }

  public int out() {
    return out;
  }
}
