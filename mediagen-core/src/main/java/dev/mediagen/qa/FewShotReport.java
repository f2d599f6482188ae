package dev.mediagen.qa;

import dev.mediagen.io.Plots;
import dev.mediagen.sweep.CellResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The few-shot study's table and plot: per variant and training-set size, mean ± std over seeds of
 * test F1 and EM, the gain of each variant over the no-pretraining baseline, and F1 against the
 * number of examples (one line per variant, log x).
 */
public final class FewShotReport {
  private FewShotReport() {}

  /** A markdown table. */
  public static String markdown(List<CellResult> results) {
    Map<String, Map<Integer, double[]>> f1 = stats(results, "f1");
    Map<String, Map<Integer, double[]>> em = stats(results, "em");
    TreeSet<Integer> sizes = new TreeSet<>();
    f1.values().forEach(m -> sizes.addAll(m.keySet()));
    Map<Integer, double[]> base = f1.get(FewShotStudy.Variant.NO_PRETRAINING.key);
    StringBuilder s = new StringBuilder("| variant | n | seeds | F1 (mean ± std) | EM (mean ± std) | ΔF1 vs qass-scratch |\n");
    s.append("|---|---|---|---|---|---|\n");
    for (String v : f1.keySet()) {
      for (int n : sizes) {
        double[] f = f1.get(v).get(n);
        if (f == null) {
          continue;
        }
        double[] e = em.get(v).get(n);
        String gain =
            base == null || base.get(n) == null ? "–" : String.format(Locale.ROOT, "%+.1f", f[0] - base.get(n)[0]);
        s.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f ± %.1f | %.1f ± %.1f | %s |%n",
            v, n, (int) f[2], f[0], f[1], e[0], e[1], gain));
      }
    }
    return s.toString();
  }

  /**
   * The table as data: variant → n → {f1, f1_std, em, em_std, seeds, f1_gain} (means over seeds;
   * f1_gain is against the no-pretraining baseline at the same n, absent without it).
   */
  public static Map<String, Map<Integer, Map<String, Double>>> summary(List<CellResult> results) {
    Map<String, Map<Integer, double[]>> f1 = stats(results, "f1");
    Map<String, Map<Integer, double[]>> em = stats(results, "em");
    Map<Integer, double[]> base = f1.get(FewShotStudy.Variant.NO_PRETRAINING.key);
    Map<String, Map<Integer, Map<String, Double>>> out = new LinkedHashMap<>();
    f1.forEach((v, byN) -> byN.forEach((n, f) -> {
      double[] e = em.get(v).get(n);
      Map<String, Double> cell = new LinkedHashMap<>();
      cell.put("f1", f[0]);
      cell.put("f1_std", f[1]);
      cell.put("em", e[0]);
      cell.put("em_std", e[1]);
      cell.put("seeds", f[2]);
      if (base != null && base.get(n) != null) {
        cell.put("f1_gain", f[0] - base.get(n)[0]);
      }
      out.computeIfAbsent(v, k -> new java.util.TreeMap<>()).put(n, cell);
    }));
    return out;
  }

  /** F1 against n, one line per variant. */
  public static void plot(List<CellResult> results, Path png) throws IOException {
    Map<String, double[][]> series = new LinkedHashMap<>();
    stats(results, "f1").forEach((v, byN) -> {
      double[] xs = byN.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
      double[] ys = byN.values().stream().mapToDouble(a -> a[0]).toArray();
      series.put(v, new double[][] {xs, ys});
    });
    Plots.lines("Few-shot QA on held-out entities (mean over seeds)", "training examples", "test F1", series, true, png);
  }

  /** variant → n → {mean, std, seeds} of a metric. */
  static Map<String, Map<Integer, double[]>> stats(List<CellResult> results, String metric) {
    Map<String, Map<Integer, List<Double>>> groups = new LinkedHashMap<>();
    for (CellResult r : results) {
      groups.computeIfAbsent(r.cell().model(), k -> new java.util.TreeMap<>())
          .computeIfAbsent(r.cell().n(), k -> new java.util.ArrayList<>())
          .add(r.metrics().getOrDefault(metric, r.score()));
    }
    Map<String, Map<Integer, double[]>> out = new LinkedHashMap<>();
    groups.forEach((v, byN) -> {
      Map<Integer, double[]> m = new java.util.TreeMap<>();
      byN.forEach((n, xs) -> {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        m.put(n, new double[] {mean(a), std(a), a.length});
      });
      out.put(v, m);
    });
    return out;
  }

  private static double mean(double[] xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s / xs.length;
  }

  private static double std(double[] xs) {
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
