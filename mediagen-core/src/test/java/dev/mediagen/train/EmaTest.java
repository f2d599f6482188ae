package dev.mediagen.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import dev.mediagen.nn.Tensors;
import org.junit.jupiter.api.Test;

class EmaTest {
  @Test
  void averagesWithTheDecayStepByStep() {
    try (NDManager m = NDManager.newBaseManager()) {
      AdamWTest.Two mod = new AdamWTest.Two(); // w = (1, 1)
      mod.initialize(m, 0);
      Ema ema = new Ema(mod, m, 0.9f);
      Tensors.floats(m, new float[] {3f, -1f}, new ai.djl.ndarray.types.Shape(1, 2)).copyTo(mod.w.getArray());
      ema.update(); // 0.9·1 + 0.1·3 = 1.2 ; 0.9·1 − 0.1 = 0.8
      assertThat(ema.weights().get("w").toFloatArray()).containsExactly(new float[] {1.2f, 0.8f}, within(1e-6f));
      ema.update(); // 0.9·1.2 + 0.3 = 1.38 ; 0.9·0.8 − 0.1 = 0.62
      assertThat(ema.weights().get("w").toFloatArray()).containsExactly(new float[] {1.38f, 0.62f}, within(1e-6f));
      // the model's own weights are untouched
      assertThat(mod.w.getArray().toFloatArray()).containsExactly(3f, -1f);
    }
  }

  @Test
  void rejectsADecayOutsideTheUnitInterval() {
    try (NDManager m = NDManager.newBaseManager()) {
      AdamWTest.Two mod = new AdamWTest.Two();
      mod.initialize(m, 0);
      assertThatThrownBy(() -> new Ema(mod, m, 1f)).hasMessageContaining("[0, 1)");
    }
  }
}
