package dev.mediagen.pickscore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PreferenceAccuracyTest {
  // 10 rows: labels 1, 0 or 0.5 (tie); p0 the scorer's probability of image 0
  static final float[] LABELS = {1, 1, 0, 0, 0.5f, 1, 0, 0.5f, 1, 0};
  static final double[] P0 = {0.9, 0.55, 0.2, 0.6, 0.52, 0.45, 0.05, 0.9, 0.7, 0.48};

  @Test
  void scoresHalfWhenExactlyOneSideIsATie() {
    // t = 0: no tie predicted; right: rows 0,1,2,6,8,9 = 6; ties labelled: rows 4,7 → 0.5 each
    assertThat(PreferenceAccuracy.accuracy(P0, LABELS, 0)).isCloseTo(0.7, within(1e-12));
    // t = 0.1: |2p−1| ≤ 0.1 for rows 1 (0.1), 4 (0.04), 5 (0.1), 9 (0.04) → predicted ties
    // rows 0,2,6,8 right (4); row 3 wrong; row 7 labelled tie → 0.5; rows 1,5,9 predicted tie → 0.5 each; row 4 both → 1
    assertThat(PreferenceAccuracy.accuracy(P0, LABELS, 0.1)).isCloseTo((4 + 0.5 + 1.5 + 1) / 10, within(1e-12));
    assertThat(PreferenceAccuracy.accuracy(P0, LABELS, 1)).isCloseTo((2 + 8 * 0.5) / 10, within(1e-12));
  }

  @Test
  void tuningPicksTheBestThresholdAndTheRandomBaselineFollowsThePaper() {
    double t = PreferenceAccuracy.tune(P0, LABELS);
    double best = PreferenceAccuracy.accuracy(P0, LABELS, t);
    for (int k = 0; k <= 100; k++) assertThat(PreferenceAccuracy.accuracy(P0, LABELS, k / 100.0)).isLessThanOrEqualTo(best);
    // 13.6% ties at t = 1 gives the paper's 56.8%
    assertThat(PreferenceAccuracy.randomBaseline(0.136, 1)).isCloseTo(0.568, within(1e-12));
    assertThat(PreferenceAccuracy.randomBaseline(0.2, 0)).isCloseTo(0.5, within(1e-12));
    assertThat(PreferenceAccuracy.tieFraction(LABELS)).isCloseTo(0.2, within(1e-12));
  }
}
