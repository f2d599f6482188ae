package dev.mediagen.coref;

import java.util.Arrays;

/**
 * Optimal assignment (Kuhn–Munkres, the Hungarian method) on a rectangular matrix, O(n²·m) with row
 * and column potentials. CEAF aligns key and response entities with it; Apache Commons Math has no
 * assignment solver, hence this class.
 */
public final class Hungarian {

  private Hungarian() {}

  /**
   * The one-to-one assignment of rows to columns that maximizes the summed weight.
   *
   * @param weights an n×m matrix (all rows the same length; any n, m ≥ 0), finite values
   * @return for each row the column assigned to it, or -1 when there are more rows than columns and
   *     the row is left out
   */
  public static int[] maxWeightAssignment(double[][] weights) {
    double[][] cost = new double[weights.length][];
    for (int i = 0; i < weights.length; i++) {
      cost[i] = new double[weights[i].length];
      for (int j = 0; j < weights[i].length; j++) {
        cost[i][j] = -weights[i][j];
      }
    }
    return minCostAssignment(cost);
  }

  /**
   * The one-to-one assignment of rows to columns that minimizes the summed cost.
   *
   * @param cost an n×m matrix (all rows the same length; any n, m ≥ 0), finite values
   * @return for each row the column assigned to it, or -1 when there are more rows than columns and
   *     the row is left out
   */
  public static int[] minCostAssignment(double[][] cost) {
    int n = cost.length;
    int m = n == 0 ? 0 : cost[0].length;
    for (int i = 0; i < n; i++) {
      if (cost[i].length != m) {
        throw new IllegalArgumentException(
            "row " + i + " has " + cost[i].length + " columns, row 0 has " + m);
      }
      for (int j = 0; j < m; j++) {
        if (!Double.isFinite(cost[i][j])) {
          throw new IllegalArgumentException(
              "cost[" + i + "][" + j + "] must be finite, got " + cost[i][j]);
        }
      }
    }
    if (n > m) {
      int[] colToRow = solve(transpose(cost, n, m), m, n);
      int[] rowToCol = new int[n];
      Arrays.fill(rowToCol, -1);
      for (int j = 0; j < m; j++) {
        rowToCol[colToRow[j]] = j;
      }
      return rowToCol;
    }
    return solve(cost, n, m);
  }

  /**
   * The shortest-augmenting-path Hungarian method for n ≤ m; 1-based potentials as in the classic
   * text.
   */
  private static int[] solve(double[][] a, int n, int m) {
    double[] u = new double[n + 1];
    double[] v = new double[m + 1];
    int[] p = new int[m + 1]; // p[j]: row matched to column j (1-based), 0 = free
    int[] way = new int[m + 1]; // previous column on the augmenting path
    for (int i = 1; i <= n; i++) {
      p[0] = i;
      int j0 = 0;
      double[] minv = new double[m + 1];
      Arrays.fill(minv, Double.POSITIVE_INFINITY);
      boolean[] used = new boolean[m + 1];
      do {
        used[j0] = true;
        int i0 = p[j0];
        double delta = Double.POSITIVE_INFINITY;
        int j1 = 0;
        for (int j = 1; j <= m; j++) {
          if (!used[j]) {
            double cur = a[i0 - 1][j - 1] - u[i0] - v[j];
            if (cur < minv[j]) {
              minv[j] = cur;
              way[j] = j0;
            }
            if (minv[j] < delta) {
              delta = minv[j];
              j1 = j;
            }
          }
        }
        for (int j = 0; j <= m; j++) {
          if (used[j]) {
            u[p[j]] += delta;
            v[j] -= delta;
          } else {
            minv[j] -= delta;
          }
        }
        j0 = j1;
      } while (p[j0] != 0);
      do { // flip the augmenting path
        int j1 = way[j0];
        p[j0] = p[j1];
        j0 = j1;
      } while (j0 != 0);
    }
    int[] rowToCol = new int[n];
    Arrays.fill(rowToCol, -1);
    for (int j = 1; j <= m; j++) {
      if (p[j] != 0) {
        rowToCol[p[j] - 1] = j - 1;
      }
    }
    return rowToCol;
  }

  private static double[][] transpose(double[][] a, int n, int m) {
    double[][] t = new double[m][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        t[j][i] = a[i][j];
      }
    }
    return t;
  }
}
