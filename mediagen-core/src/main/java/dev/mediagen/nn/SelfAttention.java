package dev.mediagen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;

/**
 * Full bidirectional multi-head self-attention over all tokens of a clip (Movie Gen §3.1.3: "full
 * bidirectional attention" replacing LLaMa's causal mask), with optional QK-RMSNorm for stability.
 */
public final class SelfAttention extends Module {
  private final int heads;
  private final Dense qkv;
  private final Dense proj;
  private final RmsNorm qNorm;
  private final RmsNorm kNorm;

  public SelfAttention(int dim, int heads, boolean qkNorm) {
    this(dim, heads, qkNorm, false);
  }

  /** {@code zeroOut}: the output projection starts at zero, so a new residual attention is the identity. */
  public SelfAttention(int dim, int heads, boolean qkNorm, boolean zeroOut) {
    if (dim % heads != 0) {
      throw new IllegalArgumentException("dim %d must be divisible by heads %d".formatted(dim, heads));
    }
    this.heads = heads;
    this.qkv = module("qkv", new Dense(dim, 3 * dim));
    this.proj = module("proj", zeroOut ? Dense.zero(dim, dim) : new Dense(dim, dim));
    this.qNorm = qkNorm ? module("q_norm", new RmsNorm(dim / heads)) : null;
    this.kNorm = qkNorm ? module("k_norm", new RmsNorm(dim / heads)) : null;
  }

  /**
   * @param x (B, N, D)
   * @param mask (B, N) key mask (1 = real token) or null
   * @return (B, N, D)
   */
  public NDArray forward(ParameterStore ps, NDArray x, NDArray mask, boolean training) {
    NDList qkvs = Ops.chunk(qkv.forward(ps, x, training), 3); // 3 × (B, N, D)
    NDArray q = Ops.splitHeads(qkvs.get(0), heads); // (B, H, N, Dh)
    NDArray k = Ops.splitHeads(qkvs.get(1), heads);
    NDArray v = Ops.splitHeads(qkvs.get(2), heads);
    if (qNorm != null) {
      q = qNorm.forward(ps, q, training);
      k = kNorm.forward(ps, k, training);
    }
    NDArray out = Ops.mergeHeads(Ops.attention(q, k, v, mask)); // (B, N, D)
    return proj.forward(ps, out, training);
  }
}
