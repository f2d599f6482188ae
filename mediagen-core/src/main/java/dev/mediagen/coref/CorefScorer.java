package dev.mediagen.coref;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MUC, B³, CEAF-e and the CoNLL F1 with the semantics of the reference scorer {@code scorer.pl}
 * v8.01 (conll/reference-coreference-scorers; Pradhan et al. 2014), the scorer s2e reports with.
 *
 * <p>Notation: K = key clusters, R = response clusters, each a set of mentions; a key and a
 * response mention are the same mention only when their spans are identical. As in v8.01:
 *
 * <ul>
 *   <li>Singletons count: a one-mention cluster is an entity for B³ and CEAF-e (MUC has no link in
 *       it). {@code keepSingletons = false} drops them from key and response before scoring.
 *   <li>Key mentions missing from the response simply count against recall, and response mentions
 *       absent from the key ("twinless") against precision, through the formulas as they stand.
 *   <li>A span repeated in the response is kept once, where the reference meets it first (clusters
 *       in order of their first mention, then list order); the reference's refusal of more than ten
 *       repeats is not copied.
 *   <li>Every document part ({@code #begin document (x); part N}) is a document. A corpus score
 *       adds each metric's recall and precision numerators and denominators over documents, then
 *       divides (micro-average); 0/0 counts as 0, and F1 = 0 when P + R = 0.
 * </ul>
 */
public final class CorefScorer {

  /**
   * One metric's sums before division: recall = recallNum / recallDen, precision = precisionNum /
   * precisionDen.
   */
  public record Counts(
      double recallNum, double recallDen, double precisionNum, double precisionDen) {
    static final Counts ZERO = new Counts(0, 0, 0, 0);

    Counts plus(Counts o) {
      return new Counts(
          recallNum + o.recallNum,
          recallDen + o.recallDen,
          precisionNum + o.precisionNum,
          precisionDen + o.precisionDen);
    }

    /** The ratios, 0/0 counting as 0. */
    public Prf prf() {
      return Prf.of(precisionNum, precisionDen, recallNum, recallDen);
    }
  }

  /** The three metrics' sums for one document, or summed over several. */
  public record DocumentCounts(Counts muc, Counts bcub, Counts ceafe) {
    static final DocumentCounts ZERO = new DocumentCounts(Counts.ZERO, Counts.ZERO, Counts.ZERO);

    DocumentCounts plus(DocumentCounts o) {
      return new DocumentCounts(muc.plus(o.muc), bcub.plus(o.bcub), ceafe.plus(o.ceafe));
    }

    /** The micro-averaged scores these sums give. */
    public Scores scores() {
      return Scores.of(muc.prf(), bcub.prf(), ceafe.prf());
    }
  }

  private CorefScorer() {}

  /** Scores a response against a key, singletons kept. */
  public static Scores score(List<CorefDocument> key, List<CorefDocument> response) {
    return score(key, response, true);
  }

  /**
   * Scores a response against a key over a whole corpus (micro-average over documents).
   *
   * @throws IllegalArgumentException when the two do not hold the same documents with the same
   *     number of tokens (words are not compared; see {@link CorefAlignment})
   */
  public static Scores score(
      List<CorefDocument> key, List<CorefDocument> response, boolean keepSingletons) {
    CorefAlignment.requireAligned(key, "key", response, "response", false);
    Map<String, CorefDocument> responses = new HashMap<>();
    response.forEach(d -> responses.put(d.name(), d));
    DocumentCounts total = DocumentCounts.ZERO;
    for (CorefDocument k : key) {
      total =
          total.plus(
              countDocument(k.clusters(), responses.get(k.name()).clusters(), keepSingletons));
    }
    return total.scores();
  }

  /** Scores the clusters of a single document. */
  public static Scores scoreClusters(
      List<List<Mention>> key, List<List<Mention>> response, boolean keepSingletons) {
    return countDocument(key, response, keepSingletons).scores();
  }

  /** The metric sums of one document, after the clean-up described on the class. */
  public static DocumentCounts countDocument(
      List<List<Mention>> key, List<List<Mention>> response, boolean keepSingletons) {
    List<Set<Mention>> k = prepare(key, keepSingletons);
    List<Set<Mention>> r = prepare(response, keepSingletons);
    int[][] common = common(k, r);
    int[] kSizes = sizes(k);
    int[] rSizes = sizes(r);
    return new DocumentCounts(
        muc(common, kSizes, rSizes), bcub(common, kSizes, rSizes), ceafe(common, kSizes, rSizes));
  }

  /**
   * MUC (Vilain et al. 1995), link-based: {@code R = Σ_k (|k| − |p(k,R)|) / Σ_k (|k| − 1)}, where
   * p(k,R) is the partition of k by the response clusters, each key mention in no response cluster
   * a part of its own. Precision swaps key and response. Singletons have no link, so add nothing.
   */
  static Counts muc(int[][] common, int[] keySizes, int[] responseSizes) {
    int[][] transposed = transpose(common, keySizes.length, responseSizes.length);
    return new Counts(
        correctLinks(common, keySizes), links(keySizes),
        correctLinks(transposed, responseSizes), links(responseSizes));
  }

  /** {@code Σ_k (|k| − |p(k, other)|)} with {@code common[k][o] = |k ∩ o|}. */
  private static double correctLinks(int[][] common, int[] sizes) {
    double sum = 0;
    for (int i = 0; i < sizes.length; i++) {
      int covered = 0;
      int parts = 0;
      for (int c : common[i]) {
        covered += c;
        parts += c > 0 ? 1 : 0;
      }
      parts += sizes[i] - covered; // uncovered mentions are parts of their own
      sum += sizes[i] - parts;
    }
    return sum;
  }

  private static double links(int[] sizes) {
    double sum = 0;
    for (int s : sizes) {
      sum += s - 1;
    }
    return sum;
  }

  /**
   * B³ (Bagga and Baldwin 1998), mention-based: {@code R = Σ_k Σ_r |k∩r|² / |k| / Σ_k |k|} and
   * {@code P = Σ_r Σ_k |k∩r|² / |r| / Σ_r |r|}.
   */
  static Counts bcub(int[][] common, int[] keySizes, int[] responseSizes) {
    double recallNum = 0;
    double precisionNum = 0;
    for (int i = 0; i < keySizes.length; i++) {
      for (int j = 0; j < responseSizes.length; j++) {
        double c2 = (double) common[i][j] * common[i][j];
        recallNum += c2 / keySizes[i];
        precisionNum += c2 / responseSizes[j];
      }
    }
    return new Counts(recallNum, sum(keySizes), precisionNum, sum(responseSizes));
  }

  /**
   * CEAF-e (Luo 2005), entity-based: with {@code φ4(k,r) = 2|k∩r| / (|k| + |r|)} and g* the
   * one-to-one alignment of key to response clusters maximizing {@code Σ φ4(k, g*(k))}
   * (Kuhn–Munkres), {@code R = Σ φ4 / |K|} and {@code P = Σ φ4 / |R|}. The alignment is solved per
   * connected group of overlapping clusters, which gives the same optimum as the full matrix.
   */
  static Counts ceafe(int[][] common, int[] keySizes, int[] responseSizes) {
    double similarity = 0;
    for (int[][] group : overlapGroups(common, keySizes.length, responseSizes.length)) {
      int[] keys = group[0];
      int[] resps = group[1];
      double[][] phi = new double[keys.length][resps.length];
      for (int a = 0; a < keys.length; a++) {
        for (int b = 0; b < resps.length; b++) {
          int i = keys[a];
          int j = resps[b];
          phi[a][b] = 2.0 * common[i][j] / (keySizes[i] + responseSizes[j]);
        }
      }
      int[] g = Hungarian.maxWeightAssignment(phi);
      for (int a = 0; a < keys.length; a++) {
        similarity += g[a] < 0 ? 0 : phi[a][g[a]];
      }
    }
    return new Counts(similarity, keySizes.length, similarity, responseSizes.length);
  }

  /**
   * Removes repeated spans (the first occurrence in reading order stays), then empty clusters,
   * then, unless kept, singletons.
   */
  static List<Set<Mention>> prepare(List<List<Mention>> clusters, boolean keepSingletons) {
    List<List<Mention>> ordered = new ArrayList<>(clusters);
    ordered.sort(
        Comparator.comparing(c -> c.stream().min(Comparator.naturalOrder()).orElseThrow()));
    Set<Mention> seen = new HashSet<>();
    List<Set<Mention>> out = new ArrayList<>();
    for (List<Mention> cluster : ordered) {
      Set<Mention> kept = new HashSet<>();
      for (Mention m : cluster) {
        if (seen.add(m)) {
          kept.add(m);
        }
      }
      if (kept.size() > (keepSingletons ? 0 : 1)) {
        out.add(kept);
      }
    }
    return out;
  }

  /** {@code common[i][j] = |key_i ∩ response_j|}. */
  private static int[][] common(List<Set<Mention>> key, List<Set<Mention>> response) {
    Map<Mention, Integer> keyCluster = new HashMap<>();
    for (int i = 0; i < key.size(); i++) {
      for (Mention m : key.get(i)) {
        keyCluster.put(m, i);
      }
    }
    int[][] common = new int[key.size()][response.size()];
    for (int j = 0; j < response.size(); j++) {
      for (Mention m : response.get(j)) {
        Integer i = keyCluster.get(m);
        if (i != null) {
          common[i][j]++;
        }
      }
    }
    return common;
  }

  /**
   * Connected groups of key and response clusters, linked where they share a mention, each as
   * {@code {keyIndices, responseIndices}}; groups with no key or no response cluster are left out.
   */
  private static List<int[][]> overlapGroups(int[][] common, int nKey, int nResponse) {
    int[] parent = new int[nKey + nResponse]; // union-find: keys 0..nKey-1, responses after
    for (int x = 0; x < parent.length; x++) {
      parent[x] = x;
    }
    for (int i = 0; i < nKey; i++) {
      for (int j = 0; j < nResponse; j++) {
        if (common[i][j] > 0) {
          parent[find(parent, i)] = find(parent, nKey + j);
        }
      }
    }
    Map<Integer, List<Integer>> keysOf = new HashMap<>();
    Map<Integer, List<Integer>> responsesOf = new HashMap<>();
    for (int i = 0; i < nKey; i++) {
      keysOf.computeIfAbsent(find(parent, i), x -> new ArrayList<>()).add(i);
    }
    for (int j = 0; j < nResponse; j++) {
      responsesOf.computeIfAbsent(find(parent, nKey + j), x -> new ArrayList<>()).add(j);
    }
    List<int[][]> groups = new ArrayList<>();
    for (Map.Entry<Integer, List<Integer>> e : keysOf.entrySet()) {
      List<Integer> resps = responsesOf.get(e.getKey());
      if (resps != null) {
        groups.add(new int[][] {toArray(e.getValue()), toArray(resps)});
      }
    }
    return groups;
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  private static int[] toArray(List<Integer> xs) {
    return xs.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int[] sizes(List<Set<Mention>> clusters) {
    return clusters.stream().mapToInt(Set::size).toArray();
  }

  private static double sum(int[] xs) {
    double s = 0;
    for (int x : xs) {
      s += x;
    }
    return s;
  }

  private static int[][] transpose(int[][] a, int n, int m) {
    int[][] t = new int[m][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        t[j][i] = a[i][j];
      }
    }
    return t;
  }
}
