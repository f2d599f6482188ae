package dev.mediagen.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NetWinRateTest {
  @Test
  void netWinIsWinShareMinusLossShareWithTiesInTheDenominator() {
    // 5 wins, 2 losses, 3 ties of 10 prompts: (5 − 2) / 10 = +30
    int[] o = {1, 1, 1, 1, 1, -1, -1, 0, 0, 0};
    NetWinRate.Result r = NetWinRate.of(o, 2000, 0.95, 1);
    assertThat(r.netWin()).isEqualTo(30.0);
    assertThat(r.wins()).isEqualTo(5);
    assertThat(r.ties()).isEqualTo(3);
    assertThat(r.low()).isLessThan(30.0).isGreaterThanOrEqualTo(-100);
    assertThat(r.high()).isGreaterThan(30.0).isLessThanOrEqualTo(100);
  }

  @Test
  void unanimousOutcomesHaveADegenerateInterval() {
    NetWinRate.Result r = NetWinRate.of(new int[] {1, 1, 1, 1}, 500, 0.95, 2);
    assertThat(r.netWin()).isEqualTo(100.0);
    assertThat(r.low()).isEqualTo(100.0);
    assertThat(r.high()).isEqualTo(100.0);
  }

  @Test
  void intervalShrinksWithMorePromptsAndIsSeeded() {
    int[] small = new int[20], large = new int[2000];
    for (int i = 0; i < small.length; i++) small[i] = i % 2 == 0 ? 1 : (i % 3 == 0 ? 0 : -1);
    for (int i = 0; i < large.length; i++) large[i] = small[i % small.length];
    NetWinRate.Result s = NetWinRate.of(small, 2000, 0.95, 3);
    NetWinRate.Result l = NetWinRate.of(large, 2000, 0.95, 3);
    assertThat(l.netWin()).isCloseTo(s.netWin(), within(1e-9));
    assertThat(l.high() - l.low()).isLessThan((s.high() - s.low()) / 5);
    assertThat(NetWinRate.of(small, 2000, 0.95, 3)).isEqualTo(s);
  }

  @Test
  void outcomesFromScores() {
    assertThat(NetWinRate.outcome(0.8, 0.6, 1e-9)).isEqualTo(1);
    assertThat(NetWinRate.outcome(0.6, 0.8, 1e-9)).isEqualTo(-1);
    assertThat(NetWinRate.outcome(0.7, 0.7, 1e-9)).isZero();
  }
}
