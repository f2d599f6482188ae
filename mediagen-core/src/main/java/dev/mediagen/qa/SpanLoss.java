package dev.mediagen.qa;

import ai.djl.ndarray.NDArray;
import dev.mediagen.nn.Ops;

/**
 * Splinter's span-selection loss (papers-language.md §2.1 item 4 and §2.2): for every question the
 * mean of the start and end cross-entropies over sequence positions, averaged over the questions
 * of the batch ({@code run_pretraining.py:get_qass_output}; fine-tuning is the one-question case).
 */
public final class SpanLoss {
  private SpanLoss() {}

  /**
   * @param logits (B, Q, N)
   * @param startTargets (B, Q, N) one-hot gold start per question (all zero for a padding question)
   * @param endTargets (B, Q, N) one-hot gold end
   * @param questions number of real questions in the batch (the rows with a one-hot target)
   * @return the scalar loss {@code Σ_q (CE_s + CE_e) / 2 / questions}
   */
  public static NDArray loss(
      SpanLogits logits, NDArray startTargets, NDArray endTargets, int questions) {
    if (questions < 1) {
      throw new IllegalArgumentException("the batch needs >= 1 question, got " + questions);
    }
    NDArray ceStart = logits.start().logSoftmax(-1).mul(startTargets).sum().neg(); // Σ_q CE_s
    NDArray ceEnd = logits.end().logSoftmax(-1).mul(endTargets).sum().neg(); // Σ_q CE_e
    return Ops.scale(ceStart.add(ceEnd), 0.5f / questions);
  }
}
