package dev.mediagen.coref;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * s2e's decoding: every candidate span q takes the argmax of its row of F(·, q) including the null
 * antecedent ε; a non-null argmax links q to that earlier span, and clusters are the transitive
 * closure of the links (the reference's {@code extract_clusters_for_decode}). Spans never linked
 * are dropped, as in the paper, unless {@code singletons} asks for the unlinked spans whose mention
 * score f_m is above 0 (our LitBank extension, see {@link S2eConfig#mentionLossWeight()}).
 *
 * <p>Two mentions of one cluster that cross ({@code s1 < s2 < e1 < e2}) cannot be written in CoNLL
 * brackets; the later one is left out of the cluster (it is rare: crossing spans seldom corefer).
 */
public final class GreedyDecoder {
  private GreedyDecoder() {}

  /**
   * Best antecedent of each query row: the column of the first maximum, or −1 when that is the null
   * column.
   *
   * @param logits (rows, k + 1) row-major, null antecedent last
   */
  public static int[] antecedents(float[] logits, int rows, int k) {
    if (logits.length != (long) rows * (k + 1)) {
      throw new IllegalArgumentException(
          "logits has %d entries, expected rows·(k+1) = %d·%d".formatted(logits.length, rows, k + 1));
    }
    int[] out = new int[rows];
    for (int q = 0; q < rows; q++) {
      int best = 0;
      for (int c = 1; c <= k; c++) {
        if (logits[q * (k + 1) + c] > logits[q * (k + 1) + best]) {
          best = c;
        }
      }
      out[q] = best == k ? -1 : best;
    }
    return out;
  }

  /**
   * Clusters from antecedent links.
   *
   * @param spans the candidate spans in document order
   * @param antecedent for each span, the index of its antecedent (an earlier span) or −1
   * @param mentionScores f_m of each span (used only when {@code singletons})
   * @param singletons also output unlinked spans with f_m > 0 as one-mention clusters
   * @return clusters in order of their first mention, mentions in document order
   */
  public static List<List<Mention>> clusters(
      List<Mention> spans, int[] antecedent, float[] mentionScores, boolean singletons) {
    int k = spans.size();
    int[] cluster = new int[k];
    java.util.Arrays.fill(cluster, -1);
    List<List<Integer>> members = new ArrayList<>();
    for (int q = 0; q < k; q++) {
      int c = antecedent[q];
      if (c < 0) {
        continue;
      }
      if (c >= q) {
        throw new IllegalArgumentException(
            "span %d has antecedent %d, which is not an earlier span".formatted(q, c));
      }
      if (cluster[c] < 0) {
        cluster[c] = members.size();
        members.add(new ArrayList<>(List.of(c)));
      }
      cluster[q] = cluster[c];
      members.get(cluster[q]).add(q);
    }
    TreeMap<Mention, List<Mention>> byFirst = new TreeMap<>();
    for (List<Integer> m : members) {
      List<Mention> out = new ArrayList<>();
      for (int i : m) {
        Mention x = spans.get(i);
        if (out.stream().noneMatch(y -> crosses(x, y))) {
          out.add(x);
        }
      }
      out.sort(null);
      byFirst.put(out.get(0), out);
    }
    if (singletons) {
      for (int q = 0; q < k; q++) {
        if (cluster[q] < 0 && mentionScores[q] > 0) {
          byFirst.put(spans.get(q), List.of(spans.get(q)));
        }
      }
    }
    return new ArrayList<>(byFirst.values());
  }

  /** Clusters of one document's spans, given by index, as a lookup from span to cluster number. */
  public static Map<Mention, Integer> clusterOf(List<List<Mention>> clusters) {
    Map<Mention, Integer> out = new HashMap<>();
    for (int i = 0; i < clusters.size(); i++) {
      for (Mention m : clusters.get(i)) {
        out.putIfAbsent(m, i);
      }
    }
    return out;
  }

  static boolean crosses(Mention a, Mention b) {
    return (a.start() < b.start() && b.start() < a.end() && a.end() < b.end())
        || (b.start() < a.start() && a.start() < b.end() && b.end() < a.end());
  }
}
