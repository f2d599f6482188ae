package dev.mediagen.coref;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class WordWindowsTest {

  /**
   * Pieces [1,2,1,3,1,1,2] (offsets 0,1,3,4,7,8,9, total 11), windows of 4 pieces every 2:
   * [w0..w2] (4 pieces); the next start is the first word ≥ 2 pieces later, w2: [w2, w3] (4);
   * then w4: [w4..w6] (4). w2 has context min(3, 0) = 0 in window 0 and min(0, 3) = 0 in window
   * 1: the tie goes to window 0.
   */
  @Test
  void handPlannedWindowsAndOwners() {
    WordWindows w = WordWindows.plan(new int[] {1, 2, 1, 3, 1, 1, 2}, 4, 2);
    assertThat(w.starts()).containsExactly(0, 2, 4);
    assertThat(w.ends()).containsExactly(3, 4, 7);
    assertThat(w.owner()).containsExactly(0, 0, 0, 1, 2, 2, 2);
  }

  @Test
  void aWordInTheMiddleOfALaterWindowTakesThatWindow() {
    // ten 1-piece words, windows of 6 every 3: [0,6) [3,9) [6,10). Word 4: context min(4, 1) = 1
    // in window 0 and min(1, 4) = 1 in window 1, a tie → 0; word 5: min(5, 0) = 0 vs min(2, 3) = 2
    // → 1; word 8: min(5, 0) = 0 vs min(2, 1) = 1 → 2
    WordWindows w = WordWindows.plan(new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 6, 3);
    assertThat(w.starts()).containsExactly(0, 3, 6);
    assertThat(w.ends()).containsExactly(6, 9, 10);
    assertThat(w.owner()).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 2, 2);
  }

  @Property(tries = 200)
  void windowsCoverEveryWordFitAndOverlap(
      @ForAll @IntRange(min = 0, max = 300) int n,
      @ForAll @IntRange(min = 4, max = 40) int max,
      @ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] pieces = new int[n];
    for (int i = 0; i < n; i++) {
      pieces[i] = r.nextInt(5) == 0 ? 0 : 1 + r.nextInt(3);
    }
    int stride = 1 + r.nextInt(max);
    WordWindows w = WordWindows.plan(pieces, max, stride);
    for (int i = 0; i < w.size(); i++) {
      int sum = 0;
      for (int j = w.starts()[i]; j < w.ends()[i]; j++) {
        sum += pieces[j];
      }
      assertThat(sum).isLessThanOrEqualTo(max);
      if (i > 0) {
        assertThat(w.starts()[i]).isGreaterThan(w.starts()[i - 1]).isLessThanOrEqualTo(w.ends()[i - 1]);
      }
    }
    if (n > 0) {
      assertThat(w.starts()[0]).isZero();
      assertThat(w.ends()[w.size() - 1]).isEqualTo(n);
    }
    for (int word = 0; word < n; word++) {
      int o = w.owner()[word];
      assertThat(word).isBetween(w.starts()[o], w.ends()[o] - 1);
    }
  }

  @Test
  void aWordLongerThanTheWindowIsRejected() {
    assertThatThrownBy(() -> WordWindows.plan(new int[] {1, 9, 1}, 8, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("word 1 has 9 word pieces, allowed 0..8");
  }
}
