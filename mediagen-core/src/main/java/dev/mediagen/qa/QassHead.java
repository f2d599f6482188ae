package dev.mediagen.qa;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.mediagen.coref.FcHead;
import dev.mediagen.nn.Init;
import dev.mediagen.nn.Module;

/**
 * Question-Aware Span Selection, QASS (Splinter, papers-language.md §2.2; reference {@code
 * finetuning/modeling.py}'s {@code QuestionAwareSpanSelectionHead}), exactly as the code form:
 *
 * <pre>
 *   q_s = FC_qs(x_q)   q_e = FC_qe(x_q)   X_s = FC_s(X)   X_e = FC_e(X)
 *   start_logits = (q_s S) X_sᵀ          end_logits = (q_e E) X_eᵀ
 * </pre>
 *
 * with {@code FC(v) = LayerNorm(GELU(W v + b))} (the shared {@link FcHead}, no dropout), {@code S},
 * {@code E} learned d×d matrices, and positions that may not be an answer (padding, specials) given
 * {@code -10000} added to their logits, as the reference masks padding. Parameter names follow the
 * reference ({@code query_start_transform}, {@code start_classifier}, …).
 */
public final class QassHead extends Module {
  /** Added to the logits of positions that may not be selected (the reference's value). */
  public static final float MASKED = -10000f;

  private final FcHead queryStart;
  private final FcHead queryEnd;
  private final FcHead start;
  private final FcHead end;
  private final Parameter startClassifier;
  private final Parameter endClassifier;

  public QassHead(int dim) {
    this.queryStart = module("query_start_transform", new FcHead(dim, dim, 0f));
    this.queryEnd = module("query_end_transform", new FcHead(dim, dim, 0f));
    this.start = module("start_transform", new FcHead(dim, dim, 0f));
    this.end = module("end_transform", new FcHead(dim, dim, 0f));
    // N(0, 0.02), BERT's initializer_range: logits start at a few units, not tens
    this.startClassifier = param("start_classifier", Init.normal(0.02), dim, dim);
    this.endClassifier = param("end_classifier", Init.normal(0.02), dim, dim);
  }

  /**
   * @param x X, the token states (B, N, D)
   * @param xq x_q, the states at the questions' {@code [QUESTION]} tokens (B, Q, D)
   * @param selectable (B, N) float, 1 where a token may start or end an answer, 0 elsewhere
   * @return logits (B, Q, N)
   */
  public SpanLogits forward(
      ParameterStore ps, NDArray x, NDArray xq, NDArray selectable, boolean training) {
    NDArray qs = queryStart.forward(ps, xq, training, null); // (B, Q, D)
    NDArray qe = queryEnd.forward(ps, xq, training, null); // (B, Q, D)
    NDArray xs = start.forward(ps, x, training, null).transpose(0, 2, 1); // (B, D, N)
    NDArray xe = end.forward(ps, x, training, null).transpose(0, 2, 1); // (B, D, N)
    NDArray s = value(ps, startClassifier, x, training); // (D, D)
    NDArray e = value(ps, endClassifier, x, training); // (D, D)
    NDArray startLogits = qs.matMul(s).matMul(xs); // (B, Q, N)
    NDArray endLogits = qe.matMul(e).matMul(xe); // (B, Q, N)
    NDArray bias = maskBias(selectable); // (B, 1, N)
    return new SpanLogits(startLogits.add(bias), endLogits.add(bias));
  }

  /** {@code (selectable − 1) · 10000}, shaped (B, 1, N) to broadcast over questions. */
  static NDArray maskBias(NDArray selectable) {
    try (NDArray one = dev.mediagen.nn.Tensors.scalar(selectable.getManager(), 1f)) {
      return dev.mediagen.nn.Ops.scale(selectable.sub(one), -MASKED).expandDims(1);
    }
  }
}
