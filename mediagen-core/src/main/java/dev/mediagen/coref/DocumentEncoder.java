package dev.mediagen.coref;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Dense;
import dev.mediagen.nn.EncoderLayer;
import dev.mediagen.nn.LayerNorm;
import dev.mediagen.nn.Module;
import dev.mediagen.nn.Tensors;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Our trainable layers over the frozen token states: a linear projection to width D, dropout,
 * {@code layers} pre-norm {@link EncoderLayer}s, and a final LayerNorm.
 *
 * <p><b>Attention is local</b> ({@code attentionBlock > 0}): the document is cut into blocks of
 * {@code attentionBlock} tokens and each token attends within its block; odd layers shift the
 * blocks by half a block (as Swin does), so information crosses block borders and two layers give
 * every token a receptive field of 1.5 blocks. This is our stand-in for Longformer's sliding-window
 * attention (the paper's encoder): memory and time grow linearly with the document, which is what
 * lets s2e take whole documents. {@code attentionBlock = 0} gives full attention instead. Position
 * information comes from the frozen states (MiniLM's position embeddings inside each window); the
 * layers add none.
 *
 * <p><b>Positions:</b> sinusoidal embeddings of the token's position in the document (Vaswani et
 * al. 2017) are added after the projection. The paper's Longformer carries learned absolute
 * positions; without any, our bilinear antecedent scores could not tell a recent antecedent from a
 * distant one (the frozen states only know positions inside their MiniLM window). Sinusoids work for
 * any length, and dot products of them express functions of the distance. Training crops pass their
 * offset in the document, so a token has the same position in training and at inference.
 */
public final class DocumentEncoder extends Module {
  private final Dense proj;
  private final List<EncoderLayer> layers = new ArrayList<>();
  private final LayerNorm norm;
  private final int block;
  private final float dropout;
  private final int hidden;

  public DocumentEncoder(S2eConfig c) {
    this.hidden = c.hidden();
    this.proj = module("proj", new Dense(c.inputDim(), c.hidden()));
    for (int i = 0; i < c.layers(); i++) {
      layers.add(module("layers." + i, new EncoderLayer(c.hidden(), c.heads(), c.mlpHidden())));
    }
    this.norm = module("norm", new LayerNorm(c.hidden()));
    this.block = c.attentionBlock();
    this.dropout = c.dropout();
  }

  /**
   * @param states (T, inputDim) frozen token states
   * @param firstPosition document position of the first token (0 unless a crop)
   * @param rng dropout generator, or null for evaluation
   * @return (T, D)
   */
  public NDArray forward(ParameterStore ps, NDArray states, int firstPosition, boolean training, SplittableRandom rng) {
    long t = states.getShape().get(0);
    NDArray pe = Tensors.floats(states.getManager(), sinusoids(firstPosition, Math.toIntExact(t), hidden), new Shape(t, hidden));
    NDArray h = Dropout.apply(proj.forward(ps, states, training).add(pe), dropout, rng); // (T, D)
    for (int i = 0; i < layers.size(); i++) {
      int shift = block > 0 && i % 2 == 1 ? block / 2 : 0;
      h = local(ps, layers.get(i), h, shift, training); // (T, D)
    }
    return norm.forward(ps, h, training);
  }

  /** (T, D) row-major: {@code sin(p / 10000^(2i/D))} at 2i, {@code cos(...)} at 2i + 1, p = first + t. */
  static float[] sinusoids(int first, int t, int d) {
    float[] pe = new float[t * d];
    for (int i = 0; i < d; i += 2) {
      double freq = Math.pow(10000, -(double) i / d);
      for (int p = 0; p < t; p++) {
        double angle = (first + p) * freq;
        pe[p * d + i] = (float) Math.sin(angle);
        if (i + 1 < d) {
          pe[p * d + i + 1] = (float) Math.cos(angle);
        }
      }
    }
    return pe;
  }

  /** One layer with attention inside blocks that start at {@code −shift}, {@code block − shift}, ... */
  private NDArray local(ParameterStore ps, EncoderLayer layer, NDArray h, int shift, boolean training) {
    long t = h.getShape().get(0);
    long d = h.getShape().get(1);
    if (block == 0 || (shift == 0 && t <= block)) {
      return layer.forward(ps, h.expandDims(0), null, training).squeeze(0); // full attention
    }
    NDManager m = h.getManager();
    long blocks = (t + shift + block - 1) / block;
    long tail = blocks * block - t - shift;
    List<NDArray> parts = new ArrayList<>();
    if (shift > 0) {
      parts.add(m.zeros(new Shape(shift, d)));
    }
    parts.add(h);
    if (tail > 0) {
      parts.add(m.zeros(new Shape(tail, d)));
    }
    NDArray padded = NDArrays.concat(new ai.djl.ndarray.NDList(parts), 0); // (P, D), P = blocks·block
    float[] mask = new float[Math.toIntExact(blocks * block)];
    java.util.Arrays.fill(mask, shift, Math.toIntExact(shift + t), 1f);
    NDArray keyMask = Tensors.floats(m, mask, new Shape(blocks, block)); // (nb, block)
    NDArray out = layer.forward(ps, padded.reshape(blocks, block, d), keyMask, training); // (nb, block, D)
    return out.reshape(blocks * block, d).get(new NDIndex("{}:{}", shift, shift + t)); // (T, D)
  }
}
