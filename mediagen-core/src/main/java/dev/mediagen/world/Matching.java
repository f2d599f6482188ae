package dev.mediagen.world;

import java.util.List;

/**
 * Optimal one-to-one matching of truth objects to detections by exhaustive search (a scene has at
 * most a handful of objects). It maximizes the number of matched truth objects, then minimizes the
 * summed cost {@code 2·[colour differs] + centre distance / canvas}, so colour agreement outweighs
 * any distance.
 */
final class Matching {
  private static final double COLOUR_MISMATCH = 2.0;

  /** Detections considered, largest first; more would only be noise. */
  private static final int MAX_DETECTIONS = 12;

  /** Larger scenes (never drawn by the sampler) fall back to greedy matching by cost. */
  private static final int EXHAUSTIVE_UP_TO = 5;

  private Matching() {}

  private static int[] greedy(double[][] cost, Integer[] order, int n, int m) {
    int[] out = new int[n];
    java.util.Arrays.fill(out, -1);
    boolean[] used = new boolean[m];
    for (int step = 0; step < Math.min(n, m); step++) {
      int bi = -1;
      int bk = -1;
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < m; k++) {
          if (out[i] < 0 && !used[k] && (bi < 0 || cost[i][k] < cost[bi][bk])) {
            bi = i;
            bk = k;
          }
        }
      }
      out[bi] = order[bk];
      used[bk] = true;
    }
    return out;
  }

  /** For each truth object the index of its detection, or -1 when unmatched. */
  static int[] best(Scene truth, List<DetectedObject> got) {
    List<SceneObject> want = truth.objects();
    int n = want.size();
    int m = Math.min(got.size(), MAX_DETECTIONS);
    Integer[] order = new Integer[got.size()];
    for (int j = 0; j < order.length; j++) {
      order[j] = j;
    }
    java.util.Arrays.sort(order, (a, b) -> Integer.compare(got.get(b).area(), got.get(a).area()));
    double[][] cost = new double[n][m];
    for (int i = 0; i < n; i++) {
      SceneObject o = want.get(i);
      for (int k = 0; k < m; k++) {
        DetectedObject d = got.get(order[k]);
        double dist = Math.hypot(o.x() - d.centreX(), o.y() - d.centreY()) / truth.canvas();
        cost[i][k] = (o.colour() == d.colour() ? 0 : COLOUR_MISMATCH) + dist;
      }
    }
    if (n > EXHAUSTIVE_UP_TO) {
      return greedy(cost, order, n, m);
    }
    Search s = new Search(cost, n, m);
    s.run(0, new int[n], new boolean[m], 0, 0);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = s.best[i] < 0 ? -1 : order[s.best[i]];
    }
    return out;
  }

  private static final class Search {
    final double[][] cost;
    final int n;
    final int m;
    int[] best;
    int bestMatched = -1;
    double bestCost = Double.MAX_VALUE;

    Search(double[][] cost, int n, int m) {
      this.cost = cost;
      this.n = n;
      this.m = m;
      best = new int[n];
      java.util.Arrays.fill(best, -1);
    }

    void run(int i, int[] assign, boolean[] used, int matched, double total) {
      if (i == n) {
        if (matched > bestMatched || (matched == bestMatched && total < bestCost)) {
          bestMatched = matched;
          bestCost = total;
          best = assign.clone();
        }
        return;
      }
      for (int k = 0; k < m; k++) {
        if (!used[k]) {
          used[k] = true;
          assign[i] = k;
          run(i + 1, assign, used, matched + 1, total + cost[i][k]);
          used[k] = false;
        }
      }
      assign[i] = -1;
      run(i + 1, assign, used, matched, total);
    }
  }
}
