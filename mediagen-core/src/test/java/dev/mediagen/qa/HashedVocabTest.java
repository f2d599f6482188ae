package dev.mediagen.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Known words keep their ids; unknown words go to a stable bucket after the vocabulary. */
class HashedVocabTest {

  @Test
  void unknownFormsHashToStableBucketsAfterTheVocabulary() {
    QaTokenizer tok = QaTokenizer.build(List.of("the cat sat on the mat"), 1, 0);
    HashedVocab v = new HashedVocab(tok, 64);
    assertThat(v.size()).isEqualTo(tok.size() + 64);
    assertThat(v.id("cat")).isEqualTo(tok.id("cat"));
    assertThat(v.id(QaTokenizer.QUESTION)).isEqualTo(QaTokenizer.QUESTION_ID);
    int q = v.id("quessa");
    assertThat(q).isBetween(tok.size(), tok.size() + 63).isEqualTo(v.id("quessa"));
    assertThat(v.idsOfTokens(QaTokenizer.tokenize("Quessa"))).containsExactly(q);
    long distinct =
        List.of("quessa", "lumport", "rimqostead", "tessen", "dorin", "alba").stream()
            .mapToInt(v::id)
            .distinct()
            .count();
    assertThat(distinct).isGreaterThanOrEqualTo(5);
    assertThat(new HashedVocab(tok, 0).id("quessa")).isEqualTo(QaTokenizer.UNK_ID);
  }
}
