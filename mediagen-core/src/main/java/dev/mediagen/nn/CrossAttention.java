package dev.mediagen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;

/**
 * Multi-head cross-attention from video tokens to a context sequence (text tokens, task token, reference
 * image tokens), the layer Movie Gen inserts between self-attention and the feed-forward. The output
 * projection starts at zero so a fresh layer leaves the residual stream untouched.
 */
public final class CrossAttention extends Module {
  private final int heads;
  private final Dense q;
  private final Dense kv;
  private final Dense proj;
  private final RmsNorm qNorm;
  private final RmsNorm kNorm;

  public CrossAttention(int dim, int contextDim, int heads, boolean qkNorm) {
    if (dim % heads != 0) {
      throw new IllegalArgumentException("dim %d must be divisible by heads %d".formatted(dim, heads));
    }
    this.heads = heads;
    this.q = module("q", new Dense(dim, dim));
    this.kv = module("kv", new Dense(contextDim, 2 * dim));
    this.proj = module("proj", Dense.zero(dim, dim));
    this.qNorm = qkNorm ? module("q_norm", new RmsNorm(dim / heads)) : null;
    this.kNorm = qkNorm ? module("k_norm", new RmsNorm(dim / heads)) : null;
  }

  /**
   * @param x (B, N, D) queries
   * @param context (B, L, C) keys/values
   * @param contextMask (B, L), 1 for real context tokens
   * @return (B, N, D)
   */
  public NDArray forward(
      ParameterStore ps, NDArray x, NDArray context, NDArray contextMask, boolean training) {
    NDArray qh = Ops.splitHeads(q.forward(ps, x, training), heads); // (B, H, N, Dh)
    NDList kvs = Ops.chunk(kv.forward(ps, context, training), 2); // 2 × (B, L, D)
    NDArray kh = Ops.splitHeads(kvs.get(0), heads); // (B, H, L, Dh)
    NDArray vh = Ops.splitHeads(kvs.get(1), heads);
    if (qNorm != null) {
      qh = qNorm.forward(ps, qh, training);
      kh = kNorm.forward(ps, kh, training);
    }
    return proj.forward(ps, Ops.mergeHeads(Ops.attention(qh, kh, vh, contextMask)), training);
  }
}
