package dev.mediagen.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Tensors;
import dev.mediagen.text.TextContext;
import dev.mediagen.train.Weights;
import dev.mediagen.video.TextToVideo;
import dev.mediagen.video.TextToVideoConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class FuseModelTest {
  /** A tiny model whose zero-initialised output layers get random weights, so outputs reveal the hidden state. */
  static FuseModel model(NDManager m, FuseModelConfig.Conditioning c) {
    FuseModel f = new FuseModel(FuseModelConfig.tiny(c));
    f.initialize(m, 3);
    for (var e : f.namedParameters().entrySet()) {
      if (e.getKey().contains("final_layer") || e.getKey().contains("adaLN") || e.getKey().contains("refine") || e.getKey().contains("cross_attn")) {
        m.randomNormal(0, 0.05f, e.getValue().shape(), DataType.FLOAT32).copyTo(e.getValue().array());
      }
    }
    return f;
  }

  static TextContext text(NDManager m, int b) {
    NDArray tokens = m.randomNormal(new Shape(b, 4, 32));
    return new TextContext(tokens, m.ones(new Shape(b, 4)), tokens.mean(new int[] {1}));
  }

  @Test
  void rowsWithoutAnImageAreThePlainTextToImageModel() {
    for (FuseModelConfig.Conditioning c : FuseModelConfig.Conditioning.values()) {
      try (NDManager m = NDManager.newBaseManager(); Tensors.Scope ng = Tensors.noGrad()) {
        FuseModel f = model(m, c);
        ParameterStore ps = new ParameterStore(m, false);
        TextContext ctx = text(m, 3);
        NDArray x = m.randomNormal(new Shape(3, 3, 1, 16, 16));
        NDArray t = m.create(new float[] {0.2f, 0.5f, 0.8f});
        NDArray img = m.randomNormal(new Shape(1, 3, 1, 16, 16));
        NDArray mixed = f.velocity(ps, x, t, ctx, img, false); // row 0 has an image, rows 1-2 none
        NDArray plain = f.velocity(ps, x, t, ctx, null, false);
        NDArray other = f.velocity(ps, x, t, ctx, m.randomNormal(new Shape(1, 3, 1, 16, 16)), false);
        assertThat(mixed.getShape()).as(c.name()).isEqualTo(x.getShape()); // target tokens only
        assertThat(mixed.get("1:").sub(plain.get("1:")).abs().max().getFloat()).as(c.name()).isLessThan(1e-5f);
        assertThat(mixed.get("0:1").sub(other.get("0:1")).abs().max().getFloat()).as(c.name()).isGreaterThan(1e-4f);
        assertThatThrownBy(() -> f.velocity(ps, x, t, ctx, m.zeros(new Shape(1, 3, 1, 8, 8)), false))
            .hasMessageContaining("conditioning images must be (k, 3, 1, 16, 16)");
      }
    }
  }

  @Test
  void imageGuidanceFormula() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray full = m.create(new float[] {5}), textOnly = m.create(new float[] {3}), none = m.create(new float[] {1});
      // 1 + 4·(3 − 1) + 1.5·(5 − 3) = 12
      assertThat(FuseGenerator.combine(full, textOnly, none, 1.5f, 4f).getFloat(0)).isEqualTo(12f);
      // s_I = 0: plain text CFG; s_T = s_I = 1: the fully conditioned prediction
      assertThat(FuseGenerator.combine(full, textOnly, none, 0f, 4f).getFloat(0)).isEqualTo(9f);
      assertThat(FuseGenerator.combine(full, textOnly, none, 1f, 1f).getFloat(0)).isEqualTo(5f);
    }
  }

  @Test
  void initialisesFromATextToVideoModelExceptTheNewConditioningWeights() {
    try (NDManager m = NDManager.newBaseManager()) {
      FuseModelConfig plain = FuseModelConfig.tiny(FuseModelConfig.Conditioning.EMBEDDING); // its denoiser has no fusion
      TextToVideo t2v = new TextToVideo(new TextToVideoConfig(plain.denoiser(), plain.text(), List.of(16), 2, List.of(4)));
      t2v.initialize(m, 11);
      for (FuseModelConfig.Conditioning c : FuseModelConfig.Conditioning.values()) {
        FuseModel f = new FuseModel(FuseModelConfig.fromTextToVideo(t2v.config(), c));
        f.initialize(m, 1);
        int copied = TrainFuse.copyMatching(Weights.snapshot(t2v, m), f);
        assertThat(copied).isEqualTo(t2v.namedParameters().size());
        assertThat(f.namedParameters().get("denoiser.blocks.0.attn.qkv.weight").array().toFloatArray())
            .containsExactly(t2v.namedParameters().get("denoiser.blocks.0.attn.qkv.weight").array().toFloatArray());
      }
    }
  }
}
