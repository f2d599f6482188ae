package dev.mediagen.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.mediagen.nn.Tensors;
import org.junit.jupiter.api.Test;

/** The loss is the mean over real questions of (CE_start + CE_end)/2, by hand. */
class SpanLossTest {

  @Test
  void averagesStartAndEndCrossEntropyOverRealQuestions() {
    try (NDManager m = NDManager.newBaseManager()) {
      // B = 1, Q = 2 (second question is padding), N = 2
      // q0 start logits (0, ln 3): p(gold=1) = 3/4; end logits (0, 0): p(gold=0) = 1/2
      float ln3 = (float) Math.log(3);
      SpanLogits l =
          new SpanLogits(
              Tensors.floats(m, new float[] {0, ln3, 5, -5}, new Shape(1, 2, 2)),
              Tensors.floats(m, new float[] {0, 0, 9, 1}, new Shape(1, 2, 2)));
      var st = Tensors.floats(m, new float[] {0, 1, 0, 0}, new Shape(1, 2, 2));
      var en = Tensors.floats(m, new float[] {1, 0, 0, 0}, new Shape(1, 2, 2));
      double expected = (-Math.log(0.75) - Math.log(0.5)) / 2; // 0.490415
      assertThat((double) SpanLoss.loss(l, st, en, 1).getFloat()).isCloseTo(expected, within(1e-6));
      assertThatThrownBy(() -> SpanLoss.loss(l, st, en, 0)).hasMessageContaining(">= 1 question, got 0");
    }
  }
}
