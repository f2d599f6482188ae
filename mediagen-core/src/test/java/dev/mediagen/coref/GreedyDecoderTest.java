package dev.mediagen.coref;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GreedyDecoderTest {
  static final float X = MentionScorer.INVALID;
  static final List<Mention> SPANS = List.of(
      new Mention(0, 0), new Mention(2, 3), new Mention(5, 5), new Mention(7, 7), new Mention(9, 9),
      new Mention(11, 12));

  // a hand-made (6, 7) score matrix, ε last
  static final float[] LOGITS = {
    X, X, X, X, X, X, 0, // 0: nothing earlier → ε
    3, X, X, X, X, X, 0, // 1 → 0
    -1, -2, X, X, X, X, 0, // 2: all below ε → ε
    0.5f, 2, 1, X, X, X, 0, // 3 → 1 (so 0, 1, 3 form one cluster)
    -3, -3, 4, -1, X, X, 0, // 4 → 2
    -1, -1, -1, -1, -1, X, 0 // 5 → ε
  };

  @Test
  void argmaxPerRowWithNullLast() {
    assertThat(GreedyDecoder.antecedents(LOGITS, 6, 6)).containsExactly(-1, 0, -1, 1, 2, -1);
  }

  @Test
  void tieBetweenACandidateAndNullGoesToTheCandidate() {
    assertThat(GreedyDecoder.antecedents(new float[] {0, 0}, 1, 1)).containsExactly(0);
  }

  @Test
  void linksCloseTransitivelyAndUnlinkedSpansAreDropped() {
    int[] ant = GreedyDecoder.antecedents(LOGITS, 6, 6);
    float[] fm = {1, 1, 1, 1, 1, 1};
    assertThat(GreedyDecoder.clusters(SPANS, ant, fm, false)).containsExactly(
        List.of(new Mention(0, 0), new Mention(2, 3), new Mention(7, 7)),
        List.of(new Mention(5, 5), new Mention(9, 9)));
  }

  @Test
  void singletonsAreUnlinkedSpansWithPositiveMentionScore() {
    int[] ant = GreedyDecoder.antecedents(LOGITS, 6, 6);
    float[] fm = {1, 1, 1, 1, 1, 0.5f};
    assertThat(GreedyDecoder.clusters(SPANS, ant, fm, true)).containsExactly(
        List.of(new Mention(0, 0), new Mention(2, 3), new Mention(7, 7)),
        List.of(new Mention(5, 5), new Mention(9, 9)),
        List.of(new Mention(11, 12)));
    fm[5] = -0.5f;
    assertThat(GreedyDecoder.clusters(SPANS, ant, fm, true)).hasSize(2);
  }

  @Test
  void aMentionCrossingAnEarlierOneOfItsClusterIsLeftOut() {
    List<Mention> spans = List.of(new Mention(0, 2), new Mention(1, 3), new Mention(5, 5));
    int[] ant = {-1, 0, 1};
    assertThat(GreedyDecoder.clusters(spans, ant, new float[3], false))
        .containsExactly(List.of(new Mention(0, 2), new Mention(5, 5)));
  }

  @Test
  void rejectsALaterAntecedent() {
    assertThatThrownBy(() -> GreedyDecoder.clusters(SPANS.subList(0, 2), new int[] {1, -1}, new float[2], false))
        .hasMessageContaining("span 0 has antecedent 1");
  }
}
