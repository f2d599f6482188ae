package dev.mediagen.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mean ± standard deviation over seeds for each (format, model, n) of a sweep — the points and
 * error bars of the paper's per-task plots (papers-language.md §4.3: "mean over 5 seeds, with seed
 * spread as an error band"). The deviation is the sample one (divisor {@code count − 1}), 0 for a
 * single seed.
 */
public final class ResultsAggregator {

  private ResultsAggregator() {}

  /** One aggregated point. */
  public record Summary(
      TaskFormat format, String model, long params, int n, double mean, double std, int seeds) {}

  /** Summaries ordered by format, parameter count, model name and n. */
  public static List<Summary> summarize(List<CellResult> results) {
    Map<String, List<CellResult>> groups = new LinkedHashMap<>();
    for (CellResult r : results) {
      SweepCell c = r.cell();
      groups
          .computeIfAbsent(c.format() + "/" + c.model() + "/" + c.n(), k -> new ArrayList<>())
          .add(r);
    }
    List<Summary> out = new ArrayList<>();
    for (List<CellResult> g : groups.values()) {
      SweepCell c = g.get(0).cell();
      long params = g.get(0).params();
      if (g.stream().anyMatch(r -> r.params() != params)) {
        throw new IllegalArgumentException("model " + c.model() + " has several parameter counts");
      }
      double[] scores = g.stream().mapToDouble(CellResult::score).toArray();
      out.add(
          new Summary(
              c.format(), c.model(), params, c.n(), mean(scores), std(scores), scores.length));
    }
    out.sort(
        Comparator.comparing(Summary::format)
            .thenComparingLong(Summary::params)
            .thenComparing(Summary::model)
            .thenComparingInt(Summary::n));
    return out;
  }

  static double mean(double[] xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s / xs.length;
  }

  static double std(double[] xs) {
    if (xs.length < 2) {
      return 0;
    }
    double m = mean(xs);
    double ss = 0;
    for (double x : xs) {
      ss += (x - m) * (x - m);
    }
    return Math.sqrt(ss / (xs.length - 1));
  }
}
