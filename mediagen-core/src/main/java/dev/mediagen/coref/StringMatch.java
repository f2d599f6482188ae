package dev.mediagen.coref;

import java.util.List;
import java.util.Locale;

/**
 * Surface features of a (candidate, query) mention pair, added to s2e's pair score with one learned weight
 * each — the string-match features that span-ranking coreference models have long used (Lee et al. 2017 keep
 * distance and speaker features; Durrett and Klein 2013 show head and exact match carry most of the surface
 * signal). Without them a frozen encoder's states must rediscover that "Dorian Gray" … "Dorian Gray" corefer.
 *
 * <ol>
 *   <li>exact: the two spans' lower-cased words are equal;
 *   <li>head: their last words are equal (the head of an English noun phrase is usually its last word).
 * </ol>
 *
 * Features are computed on the host for the rows of a score chunk, so memory stays O(rows · k) like the
 * scores themselves: no vector per span or per pair.
 */
public final class StringMatch {
  /** Number of features per pair. */
  public static final int FEATURES = 2;

  private StringMatch() {}

  /**
   * @param words the document's (or window's) words, indexed like the spans
   * @param starts first word of each of the k candidates
   * @param ends last word (inclusive) of each candidate
   * @param from first query row (queries are candidates {@code from .. from + rows − 1})
   * @param rows number of query rows
   * @return {@code [feature][row · k + candidate]}, 1 where the feature holds, else 0
   */
  public static float[][] features(List<String> words, int[] starts, int[] ends, int from, int rows) {
    int k = starts.length;
    String[] full = new String[k];
    String[] head = new String[k];
    for (int i = 0; i < k; i++) {
      if (starts[i] < 0 || ends[i] >= words.size() || ends[i] < starts[i]) {
        throw new IllegalArgumentException("span [%d, %d] is outside the %d words".formatted(starts[i], ends[i], words.size()));
      }
      full[i] = String.join(" ", words.subList(starts[i], ends[i] + 1)).toLowerCase(Locale.ROOT);
      head[i] = words.get(ends[i]).toLowerCase(Locale.ROOT);
    }
    float[][] out = new float[FEATURES][rows * k];
    for (int r = 0; r < rows; r++) {
      int q = from + r;
      for (int c = 0; c < k; c++) {
        out[0][r * k + c] = full[q].equals(full[c]) ? 1f : 0f;
        out[1][r * k + c] = head[q].equals(head[c]) ? 1f : 0f;
      }
    }
    return out;
  }
}
