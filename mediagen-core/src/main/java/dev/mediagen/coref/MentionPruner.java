package dev.mediagen.coref;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * s2e's candidate pruning ({@code _prune_topk_mentions}): keep the k = ⌊λ·T⌋ valid spans with the
 * highest mention score f_m, then put them back in document order (by start, then end), the order
 * in which antecedents are earlier spans. Ties in score go to the earlier span, so the result is
 * deterministic. Works on the host copy of the (T, L) score band of {@link MentionScorer}; a span
 * longer than L or running past the end is never kept.
 */
public final class MentionPruner {
  private MentionPruner() {}

  /**
   * Number of spans kept for a document of {@code tokens} tokens: ⌊λ·T⌋, computed in float as the
   * reference's {@code (num_tokens * top_lambda).int()} (so λ = 0.9, T = 30 keeps 27).
   */
  public static int keep(int tokens, float lambda) {
    return (int) Math.floor(lambda * tokens);
  }

  /**
   * The top ⌊λ·T⌋ valid spans in document order.
   *
   * @param band (T, L) row-major: {@code band[s·L + o]} scores span (s, s + o)
   */
  public static List<Mention> prune(float[] band, int tokens, int maxSpan, float lambda) {
    return top(band, tokens, maxSpan, keep(tokens, lambda));
  }

  /** The {@code k} best valid spans (fewer if there are fewer valid spans), in document order. */
  public static List<Mention> top(float[] band, int tokens, int maxSpan, int k) {
    if (band.length != (long) tokens * maxSpan) {
      throw new IllegalArgumentException(
          "band has %d scores, expected T·L = %d·%d".formatted(band.length, tokens, maxSpan));
    }
    List<Integer> valid = new ArrayList<>();
    for (int s = 0; s < tokens; s++) {
      for (int o = 0; o < maxSpan && s + o < tokens; o++) {
        valid.add(s * maxSpan + o);
      }
    }
    Integer[] order = valid.toArray(new Integer[0]);
    // best score first; equal scores in document order (index order is (start, end) order)
    Arrays.sort(order, (x, y) -> band[x] != band[y] ? Float.compare(band[y], band[x]) : Integer.compare(x, y));
    int n = Math.min(k, order.length);
    int[] kept = new int[n];
    for (int i = 0; i < n; i++) {
      kept[i] = order[i];
    }
    Arrays.sort(kept);
    List<Mention> out = new ArrayList<>(n);
    for (int idx : kept) {
      out.add(new Mention(idx / maxSpan, idx / maxSpan + idx % maxSpan));
    }
    return out;
  }
}
