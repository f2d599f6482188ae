package dev.mediagen.video;

import static dev.mediagen.nn.Ops.gate;
import static dev.mediagen.nn.Ops.modulate;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.AdaLnModulation;
import dev.mediagen.nn.CrossAttention;
import dev.mediagen.nn.Modulation;
import dev.mediagen.nn.Module;
import dev.mediagen.nn.RmsNorm;
import dev.mediagen.nn.SelfAttention;
import dev.mediagen.nn.SwiGlu;

/**
 * Movie Gen's transformer block (§3.1.3): a LLaMa3 block (RMSNorm, SwiGLU) with three changes — full
 * bidirectional self-attention, cross-attention to the text between self-attention and the FFN, and
 * adaLN-Zero modulation from the timestep.
 *
 * <pre>
 *   h += g1 · SelfAttn(RMSNorm(h)·(1 + sc1) + sh1)
 *   h += CrossAttn(RMSNorm(h), text)
 *   h += g2 · SwiGLU(RMSNorm(h)·(1 + sc2) + sh2)
 * </pre>
 */
public final class DenoiserBlock extends Module {
  private final AdaLnModulation adaLn;
  private final SelfAttention attn;
  private final RmsNorm crossNorm;
  private final CrossAttention cross;
  private final SwiGlu mlp;

  public DenoiserBlock(DenoiserConfig c) {
    int d = c.hidden();
    this.adaLn = module("adaLN_modulation", new AdaLnModulation(d, d, 6));
    this.attn = module("attn", new SelfAttention(d, c.heads(), c.qkNorm()));
    this.crossNorm = module("cross_norm", new RmsNorm(d));
    this.cross = module("cross_attn", new CrossAttention(d, d, c.heads(), c.qkNorm()));
    this.mlp = module("mlp", new SwiGlu(d, c.mlpHidden()));
  }

  /**
   * @param h (B, N, D) video tokens
   * @param c (B, D) conditioning vector (timestep + pooled text)
   * @param text (B, L, D) context tokens; @param textMask (B, L)
   */
  public NDArray forward(
      ParameterStore ps, NDArray h, NDArray c, NDArray text, NDArray textMask, boolean training) {
    Modulation m = adaLn.block(ps, c, training); // 6 × (B, D)
    NDArray a = attn.forward(ps, modulate(RmsNorm.normalize(h, 1e-6f), m.shiftMsa(), m.scaleMsa()), null, training);
    h = h.add(gate(m.gateMsa(), a));
    h = h.add(cross.forward(ps, crossNorm.forward(ps, h, training), text, textMask, training));
    NDArray f = mlp.forward(ps, modulate(RmsNorm.normalize(h, 1e-6f), m.shiftMlp(), m.scaleMlp()), training);
    return h.add(gate(m.gateMlp(), f)); // (B, N, D)
  }
}
