package dev.mediagen.qa;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Dense;
import dev.mediagen.nn.Module;

/**
 * The standard span-selection head Splinter is compared with (BERT's SQuAD head, papers-language.md
 * §2.2): one linear map of each token state to a start and an end logit, {@code [start, end] = X W
 * + b}, with no question representation and no {@code [CLS]} no-answer option (every MRQA question
 * has an answer). Non-selectable positions get the same {@code -10000} as {@link QassHead}.
 */
public final class LinearSpanHead extends Module {
  private final Dense qaOutputs;

  public LinearSpanHead(int dim) {
    this.qaOutputs = module("qa_outputs", new Dense(dim, 2));
  }

  /**
   * @param x token states (B, N, D)
   * @param selectable (B, N) float, 1 where a token may start or end an answer
   * @return logits (B, 1, N): one question per sequence
   */
  public SpanLogits forward(ParameterStore ps, NDArray x, NDArray selectable, boolean training) {
    NDList se = qaOutputs.forward(ps, x, training).split(2, 2); // 2 × (B, N, 1)
    NDArray bias = QassHead.maskBias(selectable); // (B, 1, N)
    NDArray start = se.get(0).transpose(0, 2, 1).add(bias); // (B, 1, N)
    NDArray end = se.get(1).transpose(0, 2, 1).add(bias); // (B, 1, N)
    return new SpanLogits(start, end);
  }
}
