package dev.mediagen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;

/** Stateless tensor functions shared by the blocks (flux's {@code math.py}, DiT's {@code modulate}). */
public final class Ops {
  private Ops() {}

  /** {@code x·Wᵀ + b} for weight (out, in); works on any leading shape. */
  public static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
    return bias == null ? Linear.linear(x, weight).singletonOrThrow() : Linear.linear(x, weight, bias).singletonOrThrow();
  }

  /** SiLU(x) = x·σ(x). */
  public static NDArray silu(NDArray x) {
    return x.mul(x.getNDArrayInternal().sigmoid());
  }

  /** DiT's modulate: {@code x·(1 + scale) + shift}, with (B, D) shift/scale broadcast over tokens. */
  public static NDArray modulate(NDArray x, NDArray shift, NDArray scale) {
    return x.mul(scale.expandDims(1).add(1f)).add(shift.expandDims(1));
  }

  /** Multiplies a (B, N, D) residual branch by a (B, D) gate. */
  public static NDArray gate(NDArray gate, NDArray x) {
    return x.mul(gate.expandDims(1));
  }

  /**
   * Scaled dot-product attention, softmax(q·kᵀ/√d + mask)·v.
   *
   * @param q (B, H, Nq, Dh)
   * @param k (B, H, Nk, Dh)
   * @param v (B, H, Nk, Dh)
   * @param keyMask (B, Nk) with 1 for real keys and 0 for padding, or null
   * @return (B, H, Nq, Dh)
   */
  public static NDArray attention(NDArray q, NDArray k, NDArray v, NDArray keyMask) {
    long dh = q.getShape().get(3);
    NDArray scores = scale(q.matMul(k.transpose(0, 1, 3, 2)), (float) (1.0 / Math.sqrt(dh))); // (B, H, Nq, Nk)
    if (keyMask != null) {
      // padding keys get -1e9 so that they vanish after the softmax; every row keeps >=1 real key
      NDArray bias = keyMask.toType(DataType.FLOAT32, false).sub(1f).mul(1e9f); // (B, Nk): 0 or -1e9
      scores = scores.add(bias.expandDims(1).expandDims(1));
    }
    return scores.softmax(-1).matMul(v);
  }

  /**
   * x·c for a tensor in the autograd graph. Never use DJL's {@code mul(Number)} there: it frees its scalar
   * while backward still needs it (see {@link Tensors}).
   */
  public static NDArray scale(NDArray x, float c) {
    try (NDArray s = Tensors.scalar(x.getManager(), c)) {
      return x.mul(s);
    }
  }

  /** (B, N, H·Dh) → (B, H, N, Dh). */
  public static NDArray splitHeads(NDArray x, int heads) {
    Shape s = x.getShape();
    return x.reshape(s.get(0), s.get(1), heads, s.get(2) / heads).transpose(0, 2, 1, 3);
  }

  /** (B, H, N, Dh) → (B, N, H·Dh). */
  public static NDArray mergeHeads(NDArray x) {
    Shape s = x.getShape();
    return x.transpose(0, 2, 1, 3).reshape(s.get(0), s.get(2), s.get(1) * s.get(3));
  }

  /** Splits the last axis into {@code n} equal chunks. */
  public static NDList chunk(NDArray x, int n) {
    return x.split(n, x.getShape().dimension() - 1);
  }

  /** Mean over axis 1 of (B, N, D) counting only positions where mask (B, N) is 1. */
  public static NDArray maskedMean(NDArray x, NDArray mask) {
    NDArray m = mask.toType(DataType.FLOAT32, false).expandDims(2); // (B, N, 1)
    return x.mul(m).sum(new int[] {1}).div(m.sum(new int[] {1}).maximum(1f));
  }
}
