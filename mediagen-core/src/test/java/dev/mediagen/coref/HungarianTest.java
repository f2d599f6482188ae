package dev.mediagen.coref;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class HungarianTest {

  @Test
  void squareMinimumCostByHand() {
    // the cheapest assignment is 0→1 (1), 1→0 (2), 2→2 (2) = 5; greedy row minima would take 0→1,
    // 1→1
    double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
    assertThat(Hungarian.minCostAssignment(cost)).containsExactly(1, 0, 2);
  }

  @Test
  void moreColumnsThanRows() {
    // 0→2 (3) + 1→1 (7) = 10 beats taking row 0's or row 1's single best column
    double[][] w = {{1, 5, 3}, {4, 7, 2}};
    assertThat(Hungarian.maxWeightAssignment(w)).containsExactly(2, 1);
  }

  @Test
  void moreRowsThanColumnsLeavesRowsOut() {
    double[][] w = {{1, 4}, {5, 7}, {3, 2}};
    assertThat(Hungarian.maxWeightAssignment(w)).containsExactly(-1, 1, 0);
  }

  @Test
  void emptyAndDegenerateShapes() {
    assertThat(Hungarian.maxWeightAssignment(new double[0][])).isEmpty();
    assertThat(Hungarian.maxWeightAssignment(new double[2][0])).containsExactly(-1, -1);
    assertThatThrownBy(() -> Hungarian.minCostAssignment(new double[][] {{1, 2}, {3}}))
        .hasMessageContaining("row 1 has 1 columns, row 0 has 2");
    assertThatThrownBy(() -> Hungarian.minCostAssignment(new double[][] {{Double.NaN}}))
        .hasMessageContaining("finite");
  }

  @Property(tries = 300)
  void matchesBruteForceOnSmallMatrices(
      @ForAll @IntRange(min = 0, max = 6) int n,
      @ForAll @IntRange(min = 0, max = 6) int m,
      @ForAll long seed) {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
    double[][] w = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        w[i][j] = rnd.nextInt(10) + (rnd.nextBoolean() ? 0.5 : 0); // ties are likely
      }
    }
    int[] g = Hungarian.maxWeightAssignment(w);
    assertThat(g).hasSize(n);
    Set<Integer> used = new HashSet<>();
    double total = 0;
    int assigned = 0;
    for (int i = 0; i < n; i++) {
      if (g[i] >= 0) {
        assertThat(used.add(g[i])).as("column %d used twice", g[i]).isTrue();
        total += w[i][g[i]];
        assigned++;
      }
    }
    assertThat(assigned).isEqualTo(Math.min(n, m));
    assertThat(total)
        .isCloseTo(bruteForce(w, 0, new boolean[m]), org.assertj.core.data.Offset.offset(1e-9));
  }

  /** The best total over rows i.. with the used columns taken; a row may also stay out. */
  private static double bruteForce(double[][] w, int i, boolean[] used) {
    if (i == w.length) {
      return 0;
    }
    double best = bruteForce(w, i + 1, used); // row i left out (only optimal when rows > columns)
    for (int j = 0; j < used.length; j++) {
      if (!used[j]) {
        used[j] = true;
        best = Math.max(best, w[i][j] + bruteForce(w, i + 1, used));
        used[j] = false;
      }
    }
    return best;
  }
}
