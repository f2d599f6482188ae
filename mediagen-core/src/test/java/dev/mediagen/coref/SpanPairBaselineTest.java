package dev.mediagen.coref;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Tensors;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpanPairBaselineTest {

  @Test
  void candidatesStayInsideSentencesAndWithinL() {
    // T = 6, sentences [0, 3) and [3, 6), L = 2
    int[][] c = SpanPairBaseline.candidates(6, 2, new int[] {0, 3});
    assertThat(c[0]).containsExactly(0, 0, 1, 1, 2, 3, 3, 4, 4, 5);
    assertThat(c[1]).containsExactly(0, 1, 1, 2, 2, 3, 4, 4, 5, 5);
  }

  @Test
  void distanceBucketsAsC2f() {
    int[] expected = {0, 1, 2, 3, 4, 5, 5, 5, 6, 6};
    for (int d = 0; d < expected.length; d++) {
      assertThat(SpanPairBaseline.bucket(d)).as("d=" + d).isEqualTo(expected[d]);
    }
    assertThat(SpanPairBaseline.bucket(16)).isEqualTo(7);
    assertThat(SpanPairBaseline.bucket(63)).isEqualTo(8);
    assertThat(SpanPairBaseline.bucket(64)).isEqualTo(9);
    assertThat(SpanPairBaseline.bucket(5000)).isEqualTo(9);
  }

  @Test
  void forwardShapesAndMaskedAntecedents() {
    S2eConfig s2e = S2eConfig.tiny();
    SpanPairConfig c = new SpanPairConfig(s2e, 12, 4, 3);
    assertThat(c.spanDim()).isEqualTo(3 * 16 + 4);
    try (NDManager m = NDManager.newBaseManager()) {
      SpanPairBaseline model = new SpanPairBaseline(c);
      model.initialize(m, 1);
      float[] x = new float[20 * 8];
      SplittableRandom r = new SplittableRandom(2);
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) r.nextGaussian();
      }
      SpanPairBaseline.Output out = model.forward(new ParameterStore(m, false),
          Tensors.floats(m, x, new Shape(20, 8)), new int[] {0, 7, 15}, true, new SplittableRandom(3));
      int k = MentionPruner.keep(20, s2e.topLambda());
      assertThat(out.spans()).hasSize(k).isSorted();
      assertThat(out.logits().getShape()).isEqualTo(new Shape(k, 4)); // K = 3 antecedents + ε
      float[] logits = out.logits().toFloatArray();
      for (int i = 0; i < k; i++) {
        assertThat(logits[i * 4 + 3]).isEqualTo(0f);
        for (int j = 0; j < 3; j++) {
          boolean valid = j < i; // span i has i earlier spans
          assertThat(logits[i * 4 + j] == MentionScorer.INVALID).isEqualTo(!valid);
          if (valid) {
            assertThat(out.antecedents()[i * 3 + j]).isLessThan(i);
          }
        }
      }
    }
  }
}
