package dev.mediagen.qa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * SQuAD n-best span decoding from start/end logits (papers-language.md §2.2: "standard SQuAD
 * n-best, {@code max_answer_length=10}"): the top-k start positions × the top-k end positions, kept
 * when {@code end >= start}, {@code end - start + 1 <= maxAnswerLength} and both lie in the context
 * part of the input; a span scores {@code start_logit + end_logit}. Unlike the reference, top-k is
 * taken over context positions only, so high logits on question tokens cannot crowd out valid
 * candidates. Pure functions over float arrays; the model supplies the logits.
 */
public final class SpanDecoder {

  private SpanDecoder() {}

  /** An inclusive span with its score; in sequence, window or context coordinates. */
  public record Candidate(int start, int end, float score, int window) {}

  private static final Comparator<Candidate> BEST_FIRST =
      Comparator.comparingDouble((Candidate c) -> -c.score())
          .thenComparingInt(Candidate::start)
          .thenComparingInt(Candidate::end);

  /**
   * The {@code n} best spans of one input whose allowed positions are {@code [from, to]}
   * (inclusive; the context part), in sequence coordinates, best first.
   */
  public static List<Candidate> nBest(
      float[] startLogits,
      float[] endLogits,
      int from,
      int to,
      int topK,
      int maxAnswerLength,
      int n) {
    check(startLogits, endLogits, from, to, topK, maxAnswerLength);
    List<Candidate> out = new ArrayList<>();
    int[] starts = topIndices(startLogits, from, to, topK);
    int[] ends = topIndices(endLogits, from, to, topK);
    for (int s : starts) {
      for (int e : ends) {
        if (e >= s && e - s + 1 <= maxAnswerLength) {
          out.add(new Candidate(s, e, startLogits[s] + endLogits[e], 0));
        }
      }
    }
    out.sort(BEST_FIRST);
    return out.subList(0, Math.min(n, out.size()));
  }

  /**
   * The {@code n} best context spans over all windows of one question. Window {@code w}'s logits
   * cover {@code [CLS] question [SEP] window [SEP]}, so its context token {@code i} sits at
   * position {@code contextOffset + i}. A candidate whose start token has more context in another
   * window is skipped there ({@link SlidingWindows#isMaxContext}); a span found in several windows
   * keeps its best score. Returned spans are in context coordinates with the window that scored
   * them.
   */
  public static List<Candidate> decode(
      List<SlidingWindows.Window> windows,
      List<float[]> startLogits,
      List<float[]> endLogits,
      int contextOffset,
      int topK,
      int maxAnswerLength,
      int n) {
    if (windows.size() != startLogits.size() || windows.size() != endLogits.size()) {
      throw new IllegalArgumentException(
          "%d windows, %d start and %d end logit arrays"
              .formatted(windows.size(), startLogits.size(), endLogits.size()));
    }
    Map<Long, Candidate> best = new HashMap<>();
    for (SlidingWindows.Window w : windows) {
      int from = contextOffset;
      int to = contextOffset + w.length() - 1;
      List<Candidate> local =
          nBest(
              startLogits.get(w.index()),
              endLogits.get(w.index()),
              from,
              to,
              topK,
              maxAnswerLength,
              Integer.MAX_VALUE);
      for (Candidate c : local) {
        int start = w.toContext(c.start() - contextOffset);
        int end = w.toContext(c.end() - contextOffset);
        if (!SlidingWindows.isMaxContext(windows, w.index(), start)) {
          continue;
        }
        Candidate mapped = new Candidate(start, end, c.score(), w.index());
        best.merge(
            ((long) start << 32) | end, mapped, (a, b) -> BEST_FIRST.compare(a, b) <= 0 ? a : b);
      }
    }
    List<Candidate> out = new ArrayList<>(best.values());
    out.sort(BEST_FIRST);
    return out.subList(0, Math.min(n, out.size()));
  }

  /**
   * Indices of the {@code k} largest values in {@code [from, to]}, largest first (ties: lower
   * index).
   */
  static int[] topIndices(float[] values, int from, int to, int k) {
    return IntStream.rangeClosed(from, to)
        .boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -values[i]).thenComparingInt(i -> i))
        .limit(k)
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private static void check(float[] s, float[] e, int from, int to, int topK, int maxLen) {
    if (s.length != e.length) {
      throw new IllegalArgumentException(
          "start logits have %d positions, end logits %d".formatted(s.length, e.length));
    }
    if (from < 0 || to < from || to >= s.length) {
      throw new IllegalArgumentException(
          "allowed range [%d, %d] must satisfy 0 <= from <= to < %d".formatted(from, to, s.length));
    }
    if (topK < 1 || maxLen < 1) {
      throw new IllegalArgumentException(
          "topK %d and maxAnswerLength %d must be >= 1".formatted(topK, maxLen));
    }
  }
}
