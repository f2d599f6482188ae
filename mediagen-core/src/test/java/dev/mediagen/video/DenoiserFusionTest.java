package dev.mediagen.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mediagen.text.TextContext;
import org.junit.jupiter.api.Test;

class DenoiserFusionTest {
  @Test
  void fusedTokensConditionTheTargetWithoutBeingPredicted() {
    try (NDManager m = NDManager.newBaseManager()) {
      Denoiser d = new Denoiser(DenoiserConfig.tiny().withFusion());
      d.initialize(m, 3);
      // give the zero-initialised output layers random weights so that the output reveals the hidden state
      for (var e : d.namedParameters().entrySet()) {
        if (e.getKey().startsWith("final_layer") || e.getKey().contains("adaLN")) {
          m.randomNormal(0, 0.05f, e.getValue().shape(), ai.djl.ndarray.types.DataType.FLOAT32).copyTo(e.getValue().array());
        }
      }
      ParameterStore ps = new ParameterStore(m, false);
      NDArray tokens = m.randomNormal(new Shape(1, 4, 32));
      TextContext text = new TextContext(tokens, m.ones(new Shape(1, 4)), tokens.mean(new int[] {1}));
      NDArray x = m.randomNormal(new Shape(1, 3, 1, 16, 16));
      NDArray t = m.create(new float[] {0.4f});
      NDArray a = d.forward(ps, x, t, text, null, null, m.randomNormal(new Shape(1, 3, 1, 16, 16)), false);
      NDArray b = d.forward(ps, x, t, text, null, null, m.randomNormal(new Shape(1, 3, 1, 16, 16)), false);
      NDArray none = d.forward(ps, x, t, text, null, null, null, false);
      assertThat(a.getShape()).isEqualTo(x.getShape());
      assertThat(a.sub(b).abs().max().getFloat()).isGreaterThan(1e-4f); // the fused image reaches the target
      assertThat(none.getShape()).isEqualTo(x.getShape()); // and the same model works from text alone
      // positional tables cover target + fused frames: 4 frames + 1 fused exceeds the tiny preset's 4
      assertThatThrownBy(() -> d.forward(ps, m.zeros(new Shape(1, 3, 4, 16, 16)), t, text, null, null, m.zeros(new Shape(1, 3, 1, 16, 16)), false))
          .hasMessageContaining("exceeds the positional tables");
      Denoiser plain = new Denoiser(DenoiserConfig.tiny());
      plain.initialize(m, 1);
      assertThatThrownBy(() -> plain.forward(ps, x, t, text, null, null, x, false)).hasMessageContaining("token fusion");
    }
  }
}
