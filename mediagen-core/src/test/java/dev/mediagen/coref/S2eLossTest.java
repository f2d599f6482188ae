package dev.mediagen.coref;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.mediagen.nn.Tensors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S2eLossTest {
  static final float X = MentionScorer.INVALID;

  // spans 0, 1, 2 (one token each); gold cluster {span 0, span 2}; span 1 is not a gold mention
  static final List<Mention> SPANS = List.of(new Mention(0, 0), new Mention(1, 1), new Mention(2, 2));
  static final Map<Mention, Integer> GOLD = Map.of(new Mention(0, 0), 0, new Mention(2, 2), 0);

  // rows = queries, columns = candidates 0..2 then ε; only earlier candidates are valid
  static final float[] LOGITS = {
    X, X, X, 0, // span 0: nothing earlier
    0.5f, X, X, 0, // span 1: one candidate
    2f, 1f, X, 0 // span 2: two candidates + ε
  };

  @Test
  void goldMaskMarksEarlierClusterMatesOrNull() {
    assertThat(S2eLoss.goldMask(SPANS, GOLD)).containsExactly(
        0, 0, 0, 1, // no earlier candidate: ε
        0, 0, 0, 1, // not a gold mention: ε
        1, 0, 0, 0); // span 0 is its gold antecedent
  }

  /**
   * Hand value: row 0 has only ε (loss 0); row 1 must pick ε against 0.5: −log(1/(1 + e^0.5)) =
   * 0.974077; row 2 must pick candidate 0 (score 2) against 1 and ε (0): −log(e²/(e² + e + 1)) =
   * 0.407606. Mean over the 3 spans: 0.460561.
   */
  @Test
  void marginalLogLikelihoodEqualsHandValueAndGradient() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray logits = Tensors.floats(m, LOGITS, new Shape(3, 4));
      logits.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray loss = S2eLoss.marginalLogLikelihood(logits, S2eLoss.goldMask(SPANS, GOLD));
        assertThat(loss.getFloat()).isCloseTo(0.460561f, within(1e-5f));
        gc.backward(loss);
      }
      // d loss / d logits = (softmax − posterior over GOLD) / k
      float[] g = logits.getGradient().toFloatArray();
      float[] expected = {
        0, 0, 0, 0,
        0.622459f / 3, 0, 0, -0.622459f / 3,
        (0.665241f - 1) / 3, 0.244728f / 3, 0, 0.090031f / 3
      };
      for (int i = 0; i < 12; i++) {
        assertThat(g[i]).as("entry " + i).isCloseTo(expected[i], within(1e-5f));
      }
    }
  }

  @Test
  void severalGoldAntecedentsShareTheMass() {
    // one query with two gold antecedents (scores 1, 1) and ε (0): −log(2e/(2e + 1)) = 0.168848
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray logits = Tensors.floats(m, new float[] {1, 1, 0}, new Shape(1, 3));
      float[] gold = {1, 1, 0};
      assertThat(S2eLoss.marginalLogLikelihood(logits, gold).getFloat()).isCloseTo(0.168848f, within(1e-5f));
    }
  }

  /** Hand value: (softplus(2) − 2 + softplus(−1)) / T = (0.126928 + 0.313262) / 1 = 0.440190. */
  @Test
  void mentionBceEqualsHandValue() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray band = Tensors.floats(m, new float[] {2, -1, X}, new Shape(1, 3));
      float[] target = {1, 0, 0};
      float[] valid = {1, 1, 0}; // the third span is invalid and ignored
      assertThat(S2eLoss.mentionBce(band, target, valid).getFloat()).isCloseTo(0.440190f, within(1e-5f));
    }
  }
}
