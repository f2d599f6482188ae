package dev.mediagen.coref;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StringMatchTest {
  @Test
  void exactAndHeadMatchByHand() {
    List<String> words = List.of("Mr.", "Gray", "met", "Gray", "and", "Dorian", "Gray");
    int[] starts = {0, 3, 5};
    int[] ends = {1, 3, 6};
    // spans: "mr. gray", "gray", "dorian gray" — every head is "gray"; no two spans are the same string
    float[][] f = StringMatch.features(words, starts, ends, 0, 3);
    assertThat(f[0]).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1); // exact: only each span with itself
    assertThat(f[1]).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1); // head
    float[][] rows = StringMatch.features(List.of("he", "said", "He"), new int[] {0, 1, 2}, new int[] {0, 1, 2}, 2, 1);
    assertThat(rows[0]).containsExactly(1, 0, 1); // query "He" (row 2) against he / said / He, case-folded
  }

  @Test
  void aSpanOutsideTheWordsIsAnError() {
    assertThatThrownBy(() -> StringMatch.features(List.of("a"), new int[] {0}, new int[] {1}, 0, 1)).hasMessageContaining("outside the 1 words");
  }
}
