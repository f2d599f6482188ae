package dev.mediagen.qa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Recurring span selection, RSS (Splinter, papers-language.md §2.1; reference {@code
 * pretraining/masking.py}), over whole-word tokens: find n-grams that occur more than once in a
 * passage, keep one occurrence as the answer and turn every other occurrence into a {@code
 * [QUESTION]} token whose label is the kept span.
 *
 * <ol>
 *   <li>{@link #candidateClusters}: every n-gram of length ≤ {@code maxSpanLength} occurring at
 *       least twice, its identical occurrences unioned into one cluster; an n-gram is rejected when
 *       one of its tokens is not alphanumeric (punctuation, symbols, specials) or when all of its
 *       tokens are {@link Stopwords}. WordPiece's {@code ##} rules have no counterpart: every token
 *       is a whole word.
 *   <li>{@link #longestFirst}: clusters by descending length; an occurrence overlapping a token
 *       already taken is dropped; a cluster survives with ≥ 2 occurrences. Unlike the reference,
 *       occurrences of the <i>same</i> cluster that overlap each other ({@code "x y x y x"}) are
 *       also dropped (left to right), so no token can end up both masked and an answer.
 *   <li>{@link #mask}: budget {@link RssConfig#budget}; clusters in seeded random order; one
 *       uniformly chosen occurrence kept as the answer, the others collapsed to one {@code
 *       [QUESTION]} each until the budget is spent (see {@link RssExample} on collapsing).
 * </ol>
 *
 * Tokens are compared by their lowercased forms (the reference compares cased WordPieces).
 */
public final class RecurringSpans {

  private RecurringSpans() {}

  /** Identical n-gram occurrences, sorted by start. */
  public record Cluster(List<String> ngram, List<Span> occurrences) {
    public Cluster {
      ngram = List.copyOf(ngram);
      occurrences = List.copyOf(occurrences);
    }

    public int length() {
      return ngram.size();
    }
  }

  /** True when {@code forms[start, start+length)} may be a question span. */
  public static boolean isValidSpan(List<String> forms, int start, int length) {
    boolean allStopwords = true;
    for (int i = start; i < start + length; i++) {
      String form = forms.get(i);
      if (!Token.isWord(form)) {
        return false;
      }
      allStopwords &= Stopwords.contains(form);
    }
    return !allStopwords;
  }

  /**
   * Every valid n-gram (length 1..maxSpanLength) occurring at least twice, as a cluster of all its
   * occurrences (which may overlap); ordered by length, then first occurrence.
   */
  public static List<Cluster> candidateClusters(List<String> forms, int maxSpanLength) {
    List<Cluster> clusters = new ArrayList<>();
    for (int length = 1; length <= Math.min(maxSpanLength, forms.size()); length++) {
      Map<List<String>, List<Integer>> starts = new LinkedHashMap<>();
      for (int s = 0; s + length <= forms.size(); s++) {
        starts.computeIfAbsent(forms.subList(s, s + length), k -> new ArrayList<>()).add(s);
      }
      boolean anyRecurring = false;
      for (Map.Entry<List<String>, List<Integer>> e : starts.entrySet()) {
        List<Integer> at = e.getValue();
        if (at.size() < 2) {
          continue;
        }
        anyRecurring = true;
        if (isValidSpan(forms, at.get(0), length)) {
          int len = length;
          clusters.add(
              new Cluster(e.getKey(), at.stream().map(s -> new Span(s, s + len - 1)).toList()));
        }
      }
      if (!anyRecurring) {
        break; // no n-gram of this length recurs, so no longer one can
      }
    }
    return clusters;
  }

  /** Longest first, dropping occurrences that overlap taken tokens; clusters with ≥ 2 survive. */
  public static List<Cluster> longestFirst(List<Cluster> candidates, int sequenceLength) {
    List<Cluster> sorted = new ArrayList<>(candidates);
    sorted.sort(
        Comparator.comparingInt(Cluster::length)
            .reversed()
            .thenComparingInt(c -> c.occurrences().get(0).start()));
    boolean[] taken = new boolean[sequenceLength];
    List<Cluster> kept = new ArrayList<>();
    for (Cluster c : sorted) {
      List<Span> survivors = new ArrayList<>();
      int freeFrom = 0; // occurrences of one cluster must not overlap each other either
      for (Span span : c.occurrences()) {
        if (span.start() >= freeFrom && !anyTaken(taken, span)) {
          survivors.add(span);
          freeFrom = span.end() + 1;
        }
      }
      if (survivors.size() >= 2) {
        survivors.forEach(span -> mark(taken, span));
        kept.add(new Cluster(c.ngram(), survivors));
      }
    }
    return kept;
  }

  /** {@link #longestFirst} of {@link #candidateClusters}. */
  public static List<Cluster> clusters(List<String> forms, int maxSpanLength) {
    return longestFirst(candidateClusters(forms, maxSpanLength), forms.size());
  }

  /** {@link #mask(List, RssConfig, SplittableRandom)} with a generator seeded by {@code seed}. */
  public static RssExample mask(List<String> forms, RssConfig config, long seed) {
    return mask(forms, config, new SplittableRandom(seed));
  }

  /** Builds the RSS example of one passage (forms, e.g. from {@link QaTokenizer#forms}). */
  public static RssExample mask(List<String> forms, RssConfig config, SplittableRandom rng) {
    List<Cluster> clusters = clusters(forms, config.maxSpanLength());
    int budget = config.budget(forms.size());
    int[] order = permutation(clusters.size(), rng);

    boolean[] masked = new boolean[forms.size()];
    boolean[] answer = new boolean[forms.size()];
    Map<Integer, Span> maskedAt = new HashMap<>(); // input start of a masked occurrence -> it
    Map<Integer, Span> answerOf = new HashMap<>(); // input start of a masked occurrence -> answer
    for (int k = 0; k < order.length && maskedAt.size() < budget; k++) {
      List<Span> occurrences = clusters.get(order[k]).occurrences();
      int keep = rng.nextInt(occurrences.size());
      Span kept = occurrences.get(keep);
      if (anyTaken(masked, kept)) {
        continue; // cannot happen after longestFirst; the reference guards it the same way
      }
      mark(answer, kept);
      for (int i = 0; i < occurrences.size() && maskedAt.size() < budget; i++) {
        Span span = occurrences.get(i);
        if (i == keep || anyTaken(masked, span) || anyTaken(answer, span)) {
          continue;
        }
        mark(masked, span);
        maskedAt.put(span.start(), span);
        answerOf.put(span.start(), kept);
      }
    }
    return collapse(forms, maskedAt, answerOf);
  }

  /** Writes the output sequence: each masked span becomes one {@code [QUESTION]}. */
  private static RssExample collapse(
      List<String> forms, Map<Integer, Span> maskedAt, Map<Integer, Span> answerOf) {
    List<String> out = new ArrayList<>(forms.size());
    int[] inputToOutput = new int[forms.size()];
    List<Integer> source = new ArrayList<>(forms.size());
    for (int i = 0; i < forms.size(); i++) {
      Span span = maskedAt.get(i);
      inputToOutput[i] = out.size();
      source.add(i);
      if (span == null) {
        out.add(forms.get(i));
      } else {
        out.add(QaTokenizer.QUESTION);
        for (int j = i + 1; j <= span.end(); j++) {
          inputToOutput[j] = out.size() - 1;
        }
        i = span.end();
      }
    }
    List<RssExample.Question> questions = new ArrayList<>();
    maskedAt.forEach(
        (start, span) -> {
          Span a = answerOf.get(start);
          questions.add(
              new RssExample.Question(
                  inputToOutput[start],
                  new Span(inputToOutput[a.start()], inputToOutput[a.end()]),
                  span));
        });
    questions.sort(Comparator.comparingInt(RssExample.Question::position));
    return new RssExample(out, source.stream().mapToInt(Integer::intValue).toArray(), questions);
  }

  private static int[] permutation(int n, SplittableRandom rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) { // Fisher–Yates
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private static boolean anyTaken(boolean[] taken, Span span) {
    for (int i = span.start(); i <= span.end(); i++) {
      if (taken[i]) {
        return true;
      }
    }
    return false;
  }

  private static void mark(boolean[] taken, Span span) {
    for (int i = span.start(); i <= span.end(); i++) {
      taken[i] = true;
    }
  }
}
