package dev.mediagen.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference's dupe_factor: each training passage masked several times, each time differently; dev masked once. */
class RssDupeFactorTest {
  private static final List<String> TEXTS = PretrainingDocuments.generate(5, 40, 0.5, 1.0);
  private static final HashedVocab VOCAB = QaSetup.vocabulary(List.of(String.join(" ", TEXTS)));

  @Test
  void everyTrainingPassageAppearsDupeFactorTimesWithDifferentMasks() {
    List<List<SpanInput>> once = QaSetup.rssSplit(TEXTS, VOCAB, 192, 11, 5, 2);
    List<List<SpanInput>> thrice = QaSetup.rssSplit(TEXTS, VOCAB, 192, 11, 5, 3);
    int perCopy = once.get(0).size() / 2;
    assertThat(once.get(0)).hasSize(2 * perCopy);
    assertThat(thrice.get(0)).hasSize(3 * perCopy);
    assertThat(thrice.get(1)).hasSameSizeAs(once.get(1)); // dev is masked once, whatever the factor
    // copy 0 and copy 1 of the same passage: same length budget, other masks for at least some passages
    int differ = 0;
    for (int i = 0; i < perCopy; i++) {
      if (!Arrays.equals(once.get(0).get(i).ids(), once.get(0).get(perCopy + i).ids())) differ++;
    }
    assertThat(differ).isGreaterThan(perCopy / 2);
  }

  @Test
  void aFactorBelowOneIsRefused() {
    assertThatThrownBy(() -> QaSetup.rssSplit(TEXTS, VOCAB, 192, 11, 5, 0)).hasMessageContaining("got 0");
  }
}
