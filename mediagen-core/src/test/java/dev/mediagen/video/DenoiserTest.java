package dev.mediagen.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Init;
import dev.mediagen.text.TextContext;
import dev.mediagen.train.AdamW;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DenoiserTest {
  NDManager m;
  ParameterStore ps;

  @BeforeEach
  void setUp() {
    m = NDManager.newBaseManager();
    ps = new ParameterStore(m, false);
  }

  @AfterEach
  void tearDown() {
    m.close();
  }

  TextContext text(int b) {
    NDArray tokens = m.randomNormal(new Shape(b, 5, 32));
    return new TextContext(tokens, m.ones(new Shape(b, 5)), tokens.mean(new int[] {1}));
  }

  @Test
  void freshBlockIsIdentityBecauseOfAdaLnZero() {
    DenoiserBlock block = new DenoiserBlock(DenoiserConfig.tiny());
    block.initialize(m, 1);
    NDArray h = m.randomNormal(new Shape(2, 6, 32));
    TextContext t = text(2);
    NDArray out = block.forward(ps, h, m.randomNormal(new Shape(2, 32)), t.tokens(), t.mask(), false);
    assertThat(out.toFloatArray()).containsExactly(h.toFloatArray(), within(1e-6f));
  }

  @Test
  void shapesForImagesAndVideosAndZeroOutputAtInit() {
    Denoiser d = new Denoiser(DenoiserConfig.tiny());
    d.initialize(m, 2);
    for (int frames : new int[] {1, 4}) {
      NDArray x = m.randomNormal(new Shape(2, 3, frames, 16, 16));
      NDArray v = d.forward(ps, x, m.create(new float[] {0.1f, 0.9f}), text(2), false);
      assertThat(v.getShape()).isEqualTo(x.getShape());
      // zero-initialised final layer and refine head: the untrained model predicts exactly 0
      assertThat(v.abs().max().getFloat()).isZero();
    }
  }

  @Test
  void rejectsClipsBeyondThePositionalTables() {
    Denoiser d = new Denoiser(DenoiserConfig.tiny());
    d.initialize(m, 2);
    assertThatThrownBy(() -> d.forward(ps, m.zeros(new Shape(1, 3, 5, 16, 16)), m.zeros(new Shape(1)), text(1), false))
        .hasMessageContaining("exceeds").hasMessageContaining("4x16x16");
    assertThatThrownBy(() -> d.forward(ps, m.zeros(new Shape(1, 1, 1, 16, 16)), m.zeros(new Shape(1)), text(1), false))
        .hasMessageContaining("(B, 3, T, H, W)");
  }

  @Test
  void lossFallsWhenFittingOneBatch() {
    Denoiser d = new Denoiser(DenoiserConfig.tiny());
    d.initialize(m, 3);
    AdamW opt = new AdamW(d, m, 0.9f, 0.99f, 1e-8f, 0f);
    NDArray x = m.randomNormal(new Shape(4, 3, 2, 16, 16));
    NDArray t = m.create(new float[] {0.2f, 0.4f, 0.6f, 0.8f});
    NDArray target = m.randomNormal(new Shape(4, 3, 2, 16, 16)).mul(0.5f);
    TextContext tc = text(4);
    float first = 0, last = 0;
    for (int i = 0; i < 40; i++) {
      try (NDManager step = m.newSubManager();
          GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray loss = d.forward(ps, x, t, tc, true).sub(target).square().mean();
        gc.backward(loss);
        if (i == 0) first = loss.getFloat();
        last = loss.getFloat();
        loss.attach(step);
      }
      opt.step(3e-3f, 1f);
    }
    assertThat(last).isLessThan(0.6f * first);
  }

  @Test
  void identityInitIsAvailableForTemporalConvs() {
    float[] v = new Init.Identity().values(new Shape(2, 2, 3), new java.util.SplittableRandom(1));
    assertThat(v).containsExactly(0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0);
  }
}
