package dev.mediagen.pickscore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class PreferenceLossTest {
  @Test
  void aTieAtEvenOddsCostsNothingAndAWinIsCrossEntropy() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray one = m.create(new float[] {1f});
      // tie, equal scores: the log 0.5 offset makes the optimum 0
      float tie = PreferenceLoss.preference(m.create(new float[] {3f}), m.create(new float[] {3f}), m.create(new float[] {0.5f}), one).getFloat();
      assertThat(tie).isCloseTo(0f, within(1e-6f));
      // image 0 won with scores 2 vs 0: −log σ(2)
      float win = PreferenceLoss.preference(m.create(new float[] {2f}), m.create(new float[] {0f}), m.create(new float[] {1f}), one).getFloat();
      assertThat((double) win).isCloseTo(-Math.log(1 / (1 + Math.exp(-2))), within(1e-5));
      // a tie with unequal scores is KL(0.5,0.5 ‖ p̂) > 0
      float off = PreferenceLoss.preference(m.create(new float[] {2f}), m.create(new float[] {0f}), m.create(new float[] {0.5f}), one).getFloat();
      double p = 1 / (1 + Math.exp(-2));
      assertThat((double) off).isCloseTo(0.5 * Math.log(0.5 / p) + 0.5 * Math.log(0.5 / (1 - p)), within(1e-5));
    }
  }

  @Test
  void examplesAreWeightedByOneOverTheirPromptsCount() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray s0 = m.create(new float[] {2f, 0f, 0f});
      NDArray s1 = m.create(new float[] {0f, 0f, 0f});
      NDArray label = m.create(new float[] {1f, 1f, 1f});
      // the first pair's prompt has 1 example, the other two share a prompt with 2: weights 1, 1/2, 1/2
      float l = PreferenceLoss.preference(s0, s1, label, m.create(new float[] {1f, 0.5f, 0.5f})).getFloat();
      double a = -Math.log(1 / (1 + Math.exp(-2)));
      double b = Math.log(2);
      assertThat((double) l).isCloseTo((a * 1 + b * 0.5 + b * 0.5) / 2, within(1e-5));
    }
  }

  @Test
  void contrastiveLossIsLowWhenEachCaptionMatchesItsImage() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray eye = m.eye(4);
      NDArray scale = m.create(new float[] {20f});
      float matched = PreferenceLoss.contrastive(eye, eye, scale).getFloat();
      float shuffled = PreferenceLoss.contrastive(eye, eye.get(m.create(new int[] {1, 2, 3, 0})), scale).getFloat();
      assertThat(matched).isLessThan(1e-6f);
      assertThat(shuffled).isGreaterThan(19f);
    }
  }
}
