package dev.mediagen.qa;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SQuAD exact match and token F1 as Splinter and MRQA score them (papers-language.md §2.3; the
 * official SQuAD v1.1 script and HF {@code squad_metrics}): both strings are normalized —
 * lowercase, remove ASCII punctuation ({@code string.punctuation}), remove the articles {@code
 * a|an|the} as whole words, collapse whitespace — then EM is string equality and F1 the harmonic
 * mean of precision and recall over the multiset of whitespace tokens. A question scores the
 * maximum over its gold answers; a dataset the mean over questions (×100 for reporting). As in
 * {@code squad_metrics.compute_f1}, when either side normalizes to nothing F1 is 1 if both do, else
 * 0.
 */
public final class SquadMetric {

  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  private static final Pattern ARTICLES =
      Pattern.compile("\\b(a|an|the)\\b", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern WHITESPACE =
      Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  private SquadMetric() {}

  /** The official normalization. */
  public static String normalize(String s) {
    StringBuilder noPunct = new StringBuilder(s.length());
    s.toLowerCase(Locale.ROOT)
        .codePoints()
        .filter(c -> c > 127 || PUNCTUATION.indexOf(c) < 0)
        .forEach(noPunct::appendCodePoint);
    String noArticles = ARTICLES.matcher(noPunct).replaceAll(" ");
    return String.join(" ", tokens(noArticles));
  }

  private static List<String> tokens(String s) {
    String stripped = s.strip();
    return stripped.isEmpty() ? List.of() : Arrays.asList(WHITESPACE.split(stripped));
  }

  /** 1 when the normalized strings are equal, else 0. */
  public static double exactMatch(String prediction, String gold) {
    return normalize(prediction).equals(normalize(gold)) ? 1 : 0;
  }

  /** Token-bag F1 of the normalized strings. */
  public static double f1(String prediction, String gold) {
    List<String> pred = tokens(normalize(prediction));
    List<String> ref = tokens(normalize(gold));
    if (pred.isEmpty() || ref.isEmpty()) {
      return pred.equals(ref) ? 1 : 0;
    }
    Map<String, Integer> counts = new HashMap<>();
    ref.forEach(t -> counts.merge(t, 1, Integer::sum));
    int common = 0;
    for (String t : pred) {
      Integer left = counts.get(t);
      if (left != null && left > 0) {
        common++;
        counts.put(t, left - 1);
      }
    }
    if (common == 0) {
      return 0;
    }
    double precision = (double) common / pred.size();
    double recall = (double) common / ref.size();
    return 2 * precision * recall / (precision + recall);
  }

  /** Max EM over the gold answers (0 when there are none). */
  public static double exactMatch(String prediction, List<String> golds) {
    return golds.stream().mapToDouble(g -> exactMatch(prediction, g)).max().orElse(0);
  }

  /** Max F1 over the gold answers (0 when there are none). */
  public static double f1(String prediction, List<String> golds) {
    return golds.stream().mapToDouble(g -> f1(prediction, g)).max().orElse(0);
  }

  /** Mean EM and F1 in percent over questions. */
  public record Score(double exactMatch, double f1, int count) {}

  /** Scores parallel lists of predictions and gold-answer lists. */
  public static Score score(List<String> predictions, List<List<String>> golds) {
    if (predictions.size() != golds.size()) {
      throw new IllegalArgumentException(
          "%d predictions for %d questions".formatted(predictions.size(), golds.size()));
    }
    double em = 0;
    double f1 = 0;
    for (int i = 0; i < predictions.size(); i++) {
      em += exactMatch(predictions.get(i), golds.get(i));
      f1 += f1(predictions.get(i), golds.get(i));
    }
    int n = predictions.size();
    return new Score(n == 0 ? 0 : 100 * em / n, n == 0 ? 0 : 100 * f1 / n, n);
  }
}
