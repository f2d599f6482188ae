package dev.mediagen.qa;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Module;

/**
 * Our Splinter: the {@link SplinterEncoder} with a span-selection head, either QASS (the paper's)
 * or the standard linear head (the comparison), papers-language.md §2.2. Weight names: {@code
 * encoder.*} and {@code qass.*} / {@code linear.*}, so a fine-tuning run can start from an RSS
 * checkpoint's encoder with or without its QASS head.
 */
public final class SplinterModel extends Module {
  private final SplinterConfig config;
  private final SpanHeadKind head;
  private final SplinterEncoder encoder;
  private final QassHead qass;
  private final LinearSpanHead linear;

  public SplinterModel(SplinterConfig config, SpanHeadKind head) {
    this.config = config;
    this.head = head;
    this.encoder = module("encoder", new SplinterEncoder(config));
    this.qass = head == SpanHeadKind.QASS ? module("qass", new QassHead(config.dim())) : null;
    this.linear =
        head == SpanHeadKind.LINEAR ? module("linear", new LinearSpanHead(config.dim())) : null;
  }

  public SplinterConfig config() {
    return config;
  }

  public SpanHeadKind head() {
    return head;
  }

  /** Logits (B, Q, N) of the batch's questions (Q = 1 for the linear head). */
  public SpanLogits forward(ParameterStore ps, SpanBatch batch, boolean training) {
    NDArray x = encoder.forward(ps, batch.ids(), batch.mask(), training); // (B, N, D)
    if (linear != null) {
      return linear.forward(ps, x, batch.selectable(), training);
    }
    NDArray xq = gatherRows(x, batch.questionPositions()); // (B, Q, D)
    return qass.forward(ps, x, xq, batch.selectable(), training);
  }

  /**
   * x_q: the states at flattened positions, differentiably (an embedding lookup into the (B·N, D)
   * states).
   *
   * @param x (B, N, D)
   * @param flat (B, Q) indices {@code b·N + position}
   * @return (B, Q, D)
   */
  public static NDArray gatherRows(NDArray x, NDArray flat) {
    Shape s = x.getShape();
    NDArray rows = x.reshape(s.get(0) * s.get(1), s.get(2)); // (B·N, D)
    return ai.djl.nn.core.Embedding.embedding(flat, rows, SparseFormat.DENSE).singletonOrThrow();
  }
}
