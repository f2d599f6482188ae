package dev.mediagen.sweep;

import dev.mediagen.io.Plots;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The study's report (papers-language.md §4.3): per format a table of mean ± std over seeds for each
 * model size and n, the fit {@code score ≈ a·log2 P + b·log2 n + c} with {@code b/a}, and a PNG per
 * format with one line per model size against n (log axis).
 */
public final class SweepReport {
  private SweepReport() {}

  /** Markdown: the fit per format, then the aggregated table. */
  public static String markdown(List<CellResult> results) {
    StringBuilder s = new StringBuilder();
    s.append("| format | a (per doubling of params) | b (per doubling of n) | b/a | R² | points |\n");
    s.append("|---|---|---|---|---|---|\n");
    for (Map.Entry<TaskFormat, List<CellResult>> e : byFormat(results).entrySet()) {
      try {
        ScalingFit.Fit f = ScalingFit.fitResults(e.getValue());
        s.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %d |%n",
            e.getKey(), f.a(), f.b(), f.ratio(), f.r2(), f.points()));
      } catch (IllegalArgumentException degenerate) { // one model size or one n: no fit
        s.append("| %s | – | – | – | – | %d |%n".formatted(e.getKey(), e.getValue().size()));
      }
    }
    s.append("\n| format | model | params | n | score (mean ± std) | seeds |\n|---|---|---|---|---|---|\n");
    for (ResultsAggregator.Summary m : ResultsAggregator.summarize(results)) {
      s.append(String.format(Locale.ROOT, "| %s | %s | %,d | %d | %.1f ± %.1f | %d |%n",
          m.format(), m.model(), m.params(), m.n(), m.mean(), m.std(), m.seeds()));
    }
    return s.toString();
  }

  /** One PNG per format ({@code <prefix>-<format>.png}); returns the files written. */
  public static List<Path> plots(List<CellResult> results, Path dir, String prefix) throws IOException {
    List<Path> out = new ArrayList<>();
    Map<TaskFormat, Map<String, List<ResultsAggregator.Summary>>> lines = new LinkedHashMap<>();
    for (ResultsAggregator.Summary m : ResultsAggregator.summarize(results)) {
      lines.computeIfAbsent(m.format(), k -> new LinkedHashMap<>())
          .computeIfAbsent("%s (%,d params)".formatted(m.model(), m.params()), k -> new ArrayList<>())
          .add(m);
    }
    for (Map.Entry<TaskFormat, Map<String, List<ResultsAggregator.Summary>>> e : lines.entrySet()) {
      Map<String, double[][]> series = new LinkedHashMap<>();
      e.getValue().forEach((name, pts) -> series.put(name, new double[][] {
          pts.stream().mapToDouble(ResultsAggregator.Summary::n).toArray(),
          pts.stream().mapToDouble(ResultsAggregator.Summary::mean).toArray()}));
      Path png = dir.resolve("%s-%s.png".formatted(prefix, e.getKey().name().toLowerCase(Locale.ROOT)));
      Plots.lines(e.getKey() + ": score against training examples, one line per model size",
          "training examples (n)", "test score (%)", series, true, png);
      out.add(png);
    }
    return out;
  }

  private static Map<TaskFormat, List<CellResult>> byFormat(List<CellResult> results) {
    Map<TaskFormat, List<CellResult>> out = new LinkedHashMap<>();
    results.forEach(r -> out.computeIfAbsent(r.cell().format(), k -> new ArrayList<>()).add(r));
    return out;
  }
}
