package dev.mediagen.coref;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Dense;
import dev.mediagen.nn.Init;
import dev.mediagen.nn.Module;
import dev.mediagen.nn.Ops;
import dev.mediagen.nn.Tensors;

/**
 * s2e's mention score for every span q = (s, e) with {@code s ≤ e < s + L}:
 *
 * <pre>
 *   f_m(q) = v_s·m^s_s + v_e·m^e_e + m^s_s·B_m·m^e_e
 * </pre>
 *
 * where {@code v_s}, {@code v_e} are (F → 1) linears and {@code B_m} an (F → F) linear (scaled by
 * 1/F, see {@link #bilinear}), all with biases as in the reference {@code modeling.py} ({@code mention_start_classifier}, {@code
 * mention_end_classifier}, {@code mention_s2e_classifier}).
 *
 * <p>Scores are laid out as a <b>band</b> (T, L): entry {@code [s][o]} is span (s, s + o). The
 * reference computes a (T, T) matrix and masks all but this band; the band holds the same numbers
 * in O(T·L) memory, computed as (C × (C + L − 1)) bilinear blocks of C = {@value #CHUNK} rows.
 * Spans running past the document end score exactly {@value #INVALID} (the reference's mask value)
 * and carry no gradient.
 */
public final class MentionScorer extends Module {
  /** Score of an invalid span (as {@code mask_tensor} in the reference). */
  public static final float INVALID = -10000f;

  static final int CHUNK = 256;

  private final Dense vs;
  private final Dense ve;
  private final Dense bilinear;
  private final int maxSpan;

  public MentionScorer(int ffnnSize, int maxSpanLength) {
    this.vs = module("start_classifier", new Dense(ffnnSize, 1));
    this.ve = module("end_classifier", new Dense(ffnnSize, 1));
    this.bilinear = module("s2e_classifier", bilinear(ffnnSize));
    this.maxSpan = maxSpanLength;
  }

  /**
   * The (F → F) linear B of a bilinear form, used as {@code x·(B·y)/F}, with B ~ N(0, 1): for
   * unit-variance x and y (LayerNorm outputs) the score starts with variance ~1. The 1/F factor is
   * a reparametrisation of the same bilinear form that keeps Adam stable: Adam moves every entry of
   * B by about the learning rate, which would move an unscaled x·B·y by ~lr·F² at once (and did:
   * the loss spiked with B trained unscaled).
   */
  static Dense bilinear(int f) {
    return new Dense(f, f, true, Init.normal(1.0));
  }

  /**
   * @param ms (T, F) mention start representations m^s
   * @param me (T, F) mention end representations m^e
   * @return (T, L) band of mention scores f_m(s, s + o)
   */
  public NDArray forward(ParameterStore ps, NDArray ms, NDArray me, boolean training) {
    int t = Math.toIntExact(ms.getShape().get(0));
    int l = maxSpan;
    NDArray startScore = vs.forward(ps, ms, training); // (T, 1) v_s·m^s_s
    NDArray endScore = ve.forward(ps, me, training).reshape(1, t); // (1, T) v_e·m^e_e
    NDArray left = Ops.scale(bilinear.forward(ps, ms, training), 1f / ms.getShape().get(1)); // (T, F) B_m·m^s_s / F
    NDList blocks = new NDList();
    for (int a = 0; a < t; a += CHUNK) {
      int b = Math.min(a + CHUNK, t);
      int c = Math.min(b + l - 1, t);
      NDArray rows = left.get(new NDIndex("{}:{}", a, b)); // (b−a, F)
      NDArray cols = me.get(new NDIndex("{}:{}", a, c)); // (c−a, F)
      // (b−a, c−a): m^s_s·B_m·m^e_e + v_e·m^e_e for starts a..b−1 and ends a..c−1
      NDArray joint = rows.matMul(cols.transpose()).add(endScore.get(new NDIndex(":, {}:{}", a, c)));
      int[] index = new int[(b - a) * l];
      for (int i = 0; i < b - a; i++) {
        for (int o = 0; o < l; o++) {
          index[i * l + o] = Math.min(i + o, c - a - 1); // past the end: any column, masked below
        }
      }
      blocks.add(Gather.columns(joint, index, l)); // (b−a, L): span (a+i, a+i+o)
    }
    NDArray band = NDArrays.concat(blocks, 0).add(startScore); // (T, L)
    float[] keep = new float[t * l];
    float[] fill = new float[t * l];
    for (int s = 0; s < t; s++) {
      for (int o = 0; o < l; o++) {
        boolean valid = s + o < t;
        keep[s * l + o] = valid ? 1f : 0f;
        fill[s * l + o] = valid ? 0f : INVALID;
      }
    }
    Shape shape = new Shape(t, l);
    NDArray valid = Tensors.floats(ms.getManager(), keep, shape);
    return band.mul(valid).add(Tensors.floats(ms.getManager(), fill, shape));
  }

  /**
   * f_m of given spans, straight from the formula (any length, also longer than L: gold mentions).
   *
   * @param ms (T, F) mention start representations
   * @param me (T, F) mention end representations
   * @return (k) f_m(starts[i], ends[i])
   */
  public NDArray spanScores(ParameterStore ps, NDArray ms, NDArray me, int[] starts, int[] ends, boolean training) {
    NDArray s = Gather.rows(ms, starts); // (k, F) m^s at the starts
    NDArray e = Gather.rows(me, ends); // (k, F) m^e at the ends
    NDArray joint = Ops.scale(bilinear.forward(ps, s, training), 1f / s.getShape().get(1)).mul(e).sum(new int[] {1}); // (k)
    return vs.forward(ps, s, training).squeeze(1).add(ve.forward(ps, e, training).squeeze(1)).add(joint);
  }
}
