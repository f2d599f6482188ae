package dev.mediagen.coref;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * What one s2e forward pass returns (arrays on the caller's manager).
 *
 * @param spans the k candidate spans (pruned, or given), in document order
 * @param mentionBand (T, L) mention scores of every span, {@code [s][o]} = f_m(s, s + o), invalid
 *     spans {@link MentionScorer#INVALID}
 * @param spanScores (k) f_m of each candidate span
 * @param corefLogits (k, k + 1) pairwise scores F(c, q) = f_m(c) + f_m(q) + f_a(c, q), row =
 *     query q, column = candidate c; entries with c ≥ q are {@link MentionScorer#INVALID}; the last
 *     column is the null antecedent ε with its fixed score 0
 */
public record CorefOutput(
    List<Mention> spans, NDArray mentionBand, NDArray spanScores, NDArray corefLogits) {

  public CorefOutput {
    spans = List.copyOf(spans);
  }

  /** Number of candidate spans k. */
  public int size() {
    return spans.size();
  }
}
