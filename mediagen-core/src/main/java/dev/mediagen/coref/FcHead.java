package dev.mediagen.coref;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Dense;
import dev.mediagen.nn.LayerNorm;
import dev.mediagen.nn.Module;
import java.util.SplittableRandom;

/**
 * One of s2e's four token heads (§3.1 of papers-language.md; {@code modeling.py}'s {@code
 * FullyConnectedLayer}): {@code FC(x) = Dropout(LayerNorm(GELU(W·x + b)))}. Separate heads give
 * the start and end representations for mentions ({@code m^s}, {@code m^e}) and for antecedents
 * ({@code a^s}, {@code a^e}).
 */
public final class FcHead extends Module {
  private final Dense dense;
  private final LayerNorm norm;
  private final float dropout;

  public FcHead(int in, int out, float dropout) {
    this.dense = module("dense", new Dense(in, out));
    this.norm = module("layer_norm", new LayerNorm(out));
    this.dropout = dropout;
  }

  /**
   * @param x (T, in) token states
   * @param rng dropout generator, or null for evaluation
   * @return (T, out)
   */
  public NDArray forward(ParameterStore ps, NDArray x, boolean training, SplittableRandom rng) {
    NDArray h = Activation.gelu(dense.forward(ps, x, training)); // (T, out)
    return Dropout.apply(norm.forward(ps, h, training), dropout, rng); // (T, out)
  }
}
