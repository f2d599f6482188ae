package dev.mediagen.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** n-best decoding on hand-made logits. */
class SpanDecoderTest {

  private static SpanDecoder.Candidate c(int s, int e, float score, int w) {
    return new SpanDecoder.Candidate(s, e, score, w);
  }

  @Test
  void ranksValidSpansBySummedLogits() {
    float[] start = {100, 5, 1, 3, 0};
    float[] end = {100, 1, 4, 2, 6};
    // position 0 is the question part: its huge logits must be ignored
    assertThat(SpanDecoder.nBest(start, end, 1, 4, 5, 2, 3))
        .containsExactly(c(1, 2, 9, 0), c(3, 4, 9, 0), c(1, 1, 6, 0));
    assertThat(SpanDecoder.nBest(start, end, 1, 4, 5, 10, 1)).containsExactly(c(1, 4, 11, 0));
    // top-2 starts {1, 3} × top-2 ends {4, 2}: (1,4) too long at max 2, (3,2) reversed
    assertThat(SpanDecoder.nBest(start, end, 1, 4, 2, 2, 10))
        .containsExactly(c(1, 2, 9, 0), c(3, 4, 9, 0));
  }

  @Test
  void neverReturnsReversedOrTooLongSpans() {
    float[] start = {0, 0, 0, 9};
    float[] end = {9, 0, 0, 0};
    List<SpanDecoder.Candidate> best = SpanDecoder.nBest(start, end, 0, 3, 4, 1, 20);
    assertThat(best).allSatisfy(x -> assertThat(x.end()).isEqualTo(x.start()));
    assertThat(best.subList(0, 2))
        .containsExactly(c(0, 0, 9, 0), c(3, 3, 9, 0)); // tie: lower start first
    assertThatThrownBy(() -> SpanDecoder.nBest(start, end, 2, 4, 1, 1, 1))
        .hasMessageContaining("[2, 4] must satisfy 0 <= from <= to < 4");
  }

  @Test
  void answerCrossingAWindowBoundaryIsRecoveredFromTheOtherWindow() {
    // context of 10 tokens, windows [0,6) and [4,10); input [CLS] q q [SEP] window [SEP]
    List<SlidingWindows.Window> ws = SlidingWindows.windows(10, 6, 4);
    int offset = 4;
    float[] s0 = new float[11];
    float[] e0 = new float[11];
    float[] s1 = new float[11];
    float[] e1 = new float[11];
    // window 0 sees only the first token of the answer [5, 7] (context 5 = its last token):
    // its best guess is the truncated span [5, 5] with score 15
    s0[offset + 5] = 8;
    e0[offset + 5] = 7;
    s0[1] = 100; // question token: ignored
    e0[1] = 100;
    // window 1 holds the whole answer: context 5..7 are its tokens 1..3
    s1[offset + 1] = 6;
    e1[offset + 3] = 6;
    e1[offset + 1] = 2; // a weaker truncated guess in window 1: [5, 5] scores 8
    List<SpanDecoder.Candidate> best =
        SpanDecoder.decode(ws, List.of(s0, s1), List.of(e0, e1), offset, 20, 10, 2);
    // token 5 has more context in window 1, so window 0's truncated span is not used
    assertThat(best.get(0)).isEqualTo(c(5, 7, 12, 1));
    assertThat(best.get(1)).isEqualTo(c(5, 5, 8, 1));
  }

  @Test
  void sameSpanFromTwoWindowsKeepsItsBestScore() {
    // windows [0,4) and [2,6) with stride 2; the span [2,2] is max-context in window 0 (min 2,1)
    List<SlidingWindows.Window> ws = SlidingWindows.windows(6, 4, 2);
    float[] s0 = {0, 0, 0, 0, 0};
    float[] e0 = {0, 0, 0, 0, 0};
    float[] s1 = {0, 0, 0, 0, 0};
    float[] e1 = {0, 0, 0, 0, 0};
    s0[1 + 2] = 3; // window 0, context 2
    e0[1 + 2] = 3;
    List<SpanDecoder.Candidate> best =
        SpanDecoder.decode(ws, List.of(s0, s1), List.of(e0, e1), 1, 4, 3, 1);
    assertThat(best).containsExactly(c(2, 2, 6, 0));
    List<SpanDecoder.Candidate> all =
        SpanDecoder.decode(ws, List.of(s0, s1), List.of(e0, e1), 1, 4, 3, 100);
    assertThat(all).extracting(x -> x.start() + ":" + x.end()).doesNotHaveDuplicates();
  }
}
