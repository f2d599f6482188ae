package dev.mediagen.pickscore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Ratings of generators from pairwise judgements (Pick-a-Pic §5: model Elo from human votes and from a
 * scorer's judgements of the same pairs, then their correlation). Elo follows the usual arena recipe
 * ({@code E_A = 1/(1+10^((R_B−R_A)/400))}, {@code R_A += K·(S_A−E_A)}, start 1000, K = 32) with the match
 * order shuffled; Bradley–Terry strengths are fitted by Hunter's MM iteration (a tie counts half a win
 * each way) and put on the Elo scale. Intervals come from bootstrap resamples of the matches.
 */
public final class Ratings {
  /**
   * One judgement between generators a and b.
   *
   * @param scoreA 1 when a won, 0 when b won, 0.5 for a tie
   */
  public record Match(String a, String b, double scoreA) {
    public Match {
      if (a.equals(b)) throw new IllegalArgumentException("a match needs two generators, got " + a + " twice");
      if (scoreA != 0 && scoreA != 0.5 && scoreA != 1) throw new IllegalArgumentException("scoreA %s must be 0, 0.5 or 1".formatted(scoreA));
    }
  }

  /** A rating with its bootstrap mean and 95% percentile interval. */
  public record Rating(double point, double mean, double lo, double hi) {}

  private Ratings() {}

  /** Elo ratings after one pass over {@code matches} in the given order. */
  public static Map<String, Double> elo(List<Match> matches, double k) {
    Map<String, Double> r = new LinkedHashMap<>();
    for (String m : players(matches)) r.put(m, 1000.0);
    for (Match m : matches) {
      double ra = r.get(m.a()), rb = r.get(m.b());
      double ea = 1 / (1 + Math.pow(10, (rb - ra) / 400));
      r.put(m.a(), ra + k * (m.scoreA() - ea));
      r.put(m.b(), rb - k * (m.scoreA() - ea));
    }
    return r;
  }

  /** Bradley–Terry strengths on the Elo scale (400·log10 p, mean 1000). */
  public static Map<String, Double> bradleyTerry(List<Match> matches) {
    List<String> names = new ArrayList<>(players(matches));
    int n = names.size();
    double[][] wins = new double[n][n]; // wins[i][j]: i over j (ties half)
    for (Match m : matches) {
      int a = names.indexOf(m.a()), b = names.indexOf(m.b());
      wins[a][b] += m.scoreA();
      wins[b][a] += 1 - m.scoreA();
    }
    double[] p = new double[n];
    Arrays.fill(p, 1);
    for (int it = 0; it < 1000; it++) {
      double[] next = new double[n];
      double change = 0;
      for (int i = 0; i < n; i++) {
        double w = 0, d = 0;
        for (int j = 0; j < n; j++) {
          if (i == j) continue;
          double games = wins[i][j] + wins[j][i];
          w += wins[i][j];
          if (games > 0) d += games / (p[i] + p[j]);
        }
        next[i] = d > 0 ? Math.max(w, 1e-3) / d : p[i]; // a winless player stays finite
      }
      double g = 0;
      for (double v : next) g += Math.log(v);
      g = Math.exp(g / n);
      for (int i = 0; i < n; i++) {
        next[i] /= g;
        change = Math.max(change, Math.abs(next[i] - p[i]));
      }
      p = next;
      if (change < 1e-10) break;
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) out.put(names.get(i), 1000 + 400 * Math.log10(p[i]));
    return out;
  }

  /**
   * Elo (or Bradley–Terry when {@code bradleyTerry}) with bootstrap: the point rating on shuffled matches,
   * then {@code resamples} resamples of the matches with replacement, each in a fresh random order.
   */
  public static Map<String, Rating> bootstrap(List<Match> matches, boolean bradleyTerry, int resamples, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Map<String, Double> point = bradleyTerry ? bradleyTerry(matches) : elo(shuffled(matches, rng), 32);
    Map<String, double[]> draws = new LinkedHashMap<>();
    for (String p : point.keySet()) draws.put(p, new double[resamples]);
    for (int r = 0; r < resamples; r++) {
      List<Match> sample = new ArrayList<>(matches.size());
      for (int i = 0; i < matches.size(); i++) sample.add(matches.get(rng.nextInt(matches.size())));
      Map<String, Double> rating = bradleyTerry ? bradleyTerry(sample) : elo(sample, 32);
      for (var e : draws.entrySet()) e.getValue()[r] = rating.getOrDefault(e.getKey(), Double.NaN);
    }
    Map<String, Rating> out = new LinkedHashMap<>();
    for (var e : draws.entrySet()) {
      double[] d = e.getValue().clone();
      Arrays.sort(d);
      double mean = Arrays.stream(d).average().orElse(Double.NaN);
      out.put(e.getKey(), new Rating(point.get(e.getKey()), mean, d[(int) Math.floor(0.025 * (d.length - 1))], d[(int) Math.ceil(0.975 * (d.length - 1))]));
    }
    return out;
  }

  /** Spearman's rank correlation of two ratings over their common keys (average ranks for ties). */
  public static double spearman(Map<String, Double> x, Map<String, Double> y) {
    List<String> keys = x.keySet().stream().filter(y::containsKey).toList();
    double[] a = ranks(keys.stream().mapToDouble(x::get).toArray());
    double[] b = ranks(keys.stream().mapToDouble(y::get).toArray());
    return pearson(a, b);
  }

  /** Pearson's correlation. */
  public static double pearson(double[] a, double[] b) {
    if (a.length != b.length || a.length < 2) throw new IllegalArgumentException("need two equal-length series of 2+ values");
    double ma = Arrays.stream(a).average().orElseThrow(), mb = Arrays.stream(b).average().orElseThrow();
    double sab = 0, saa = 0, sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }

  private static double[] ranks(double[] v) {
    Integer[] order = new Integer[v.length];
    for (int i = 0; i < v.length; i++) order[i] = i;
    Arrays.sort(order, (i, j) -> Double.compare(v[i], v[j]));
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; ) {
      int j = i;
      while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) j++;
      for (int k = i; k <= j; k++) r[order[k]] = (i + j) / 2.0 + 1;
      i = j + 1;
    }
    return r;
  }

  private static List<Match> shuffled(List<Match> matches, SplittableRandom rng) {
    List<Match> s = new ArrayList<>(matches);
    for (int i = s.size() - 1; i > 0; i--) java.util.Collections.swap(s, i, rng.nextInt(i + 1));
    return s;
  }

  private static TreeSet<String> players(List<Match> matches) {
    TreeSet<String> s = new TreeSet<>();
    for (Match m : matches) {
      s.add(m.a());
      s.add(m.b());
    }
    return s;
  }
}
