package dev.mediagen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/**
 * A pre-norm bidirectional transformer encoder layer in the LLaMa style (RMSNorm, SwiGLU):
 * {@code h += Attn(norm(h)); h += FFN(norm(h))}. Shared by the text encoders, Splinter, s2e and
 * PickScore towers.
 */
public final class EncoderLayer extends Module {
  private final RmsNorm norm1;
  private final SelfAttention attn;
  private final RmsNorm norm2;
  private final SwiGlu mlp;

  public EncoderLayer(int dim, int heads, int mlpHidden) {
    this.norm1 = module("norm1", new RmsNorm(dim));
    this.attn = module("attn", new SelfAttention(dim, heads, false));
    this.norm2 = module("norm2", new RmsNorm(dim));
    this.mlp = module("mlp", new SwiGlu(dim, mlpHidden));
  }

  /** @param h (B, N, D); @param mask (B, N), 1 = real token, or null; @return (B, N, D) */
  public NDArray forward(ParameterStore ps, NDArray h, NDArray mask, boolean training) {
    h = h.add(attn.forward(ps, norm1.forward(ps, h, training), mask, training));
    return h.add(mlp.forward(ps, norm2.forward(ps, h, training), training));
  }
}
