package dev.mediagen.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mediagen.flow.DualGuidance;
import dev.mediagen.nn.Init;
import dev.mediagen.nn.Tensors;
import dev.mediagen.text.TextContext;
import dev.mediagen.text.TextEncoderConfig;
import dev.mediagen.video.DenoiserConfig;
import dev.mediagen.video.PromptBatch;
import org.junit.jupiter.api.Test;

class EditModelTest {
  @Test
  void dualGuidanceGolden() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray full = m.create(new float[] {5f}), img = m.create(new float[] {3f}), none = m.create(new float[] {1f});
      // 1 + 1.5·(3 − 1) + 7.5·(5 − 3) = 19
      assertThat(DualGuidance.combine(full, img, none, 1.5f, 7.5f).getFloat(0)).isCloseTo(19f, within(1e-6f));
      assertThat(DualGuidance.combine(full, img, none, 1f, 1f).getFloat(0)).isEqualTo(5f); // no guidance = v(I, T)
    }
  }

  @Test
  void zeroInputsFromKeepsTheOldInputsAndZeroesTheNewOnes() {
    float[] w = new Init.ZeroInputsFrom(Init.ONES, 2).values(new Shape(2, 3, 1, 1), new java.util.SplittableRandom(1));
    assertThat(w).containsExactly(1, 1, 0, 1, 1, 0);
  }

  @Test
  void sourceAndTaskEnterTheDenoiserAndAFreshModelIgnoresTheSource() {
    DenoiserConfig d = DenoiserConfig.tiny().withCondChannels(3);
    EditModelConfig c = new EditModelConfig(d, new TextEncoderConfig(8, 16, 40, 16, 16, 1, 2, d.hidden()), 5, 16);
    try (NDManager m = NDManager.newBaseManager()) {
      EditModel model = new EditModel(c);
      model.initialize(m, 4);
      ParameterStore ps = new ParameterStore(m, false);
      PromptBatch p = new PromptBatch(m.randomNormal(new Shape(2, 3, 8)), m.ones(new Shape(2, 3)),
          Tensors.ints(m, new int[] {2, 5, 3, 2, 6, 3}, new Shape(2, 3)), m.ones(new Shape(2, 3)));
      NDArray task = model.taskEmbedding(ps, Tensors.ints(m, new int[] {1, 2}, new Shape(2)), false);
      TextContext ctx = model.encode(ps, p, task, false);
      assertThat(ctx.tokens().getShape()).isEqualTo(new Shape(2, 3 + 3 + 1, d.hidden())); // + the task token
      NDArray xt = m.randomNormal(new Shape(2, 3, 1, 16, 16));
      NDArray v = model.velocity(ps, xt, m.create(new float[] {0.3f, 0.6f}), ctx, m.randomNormal(new Shape(2, 3, 1, 16, 16)), task, false);
      assertThat(v.getShape()).isEqualTo(xt.getShape());
      assertThatThrownBy(() -> new EditModelConfig(DenoiserConfig.tiny(), c.text(), 5, 16)).hasMessageContaining("condition channels");
    }
  }
}
