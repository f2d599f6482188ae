package dev.mediagen.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.mediagen.nn.Init;
import dev.mediagen.nn.Module;
import org.junit.jupiter.api.Test;

class AdamWTest {
  /** A module with one (1, 2) weight w. */
  static final class Two extends Module {
    final ai.djl.nn.Parameter w = param("w", new Init.Constant(1f), 1, 2);
  }

  @Test
  void firstStepMovesEachWeightByTheLearningRate() {
    try (NDManager m = NDManager.newBaseManager()) {
      Two mod = new Two();
      mod.initialize(m, 0);
      AdamW opt = new AdamW(mod, m, 0.9f, 0.999f, 1e-8f, 0f);
      backward(mod, new float[] {3f, -0.5f});
      // Adam's first bias-corrected step is lr·g/|g| = ±lr whatever the gradient's size
      assertThat(opt.step(0.1f, 0f)).isCloseTo((float) Math.hypot(3, 0.5), within(1e-5f));
      assertThat(mod.w.getArray().toFloatArray()).containsExactly(new float[] {0.9f, 1.1f}, within(1e-6f));
      // gradients were zeroed
      assertThat(mod.w.getArray().getGradient().toFloatArray()).containsOnly(0f);
    }
  }

  @Test
  void excludedParametersAreNeitherSteppedNorDecayed() {
    try (NDManager m = NDManager.newBaseManager()) {
      Two mod = new Two();
      mod.initialize(m, 0);
      AdamW opt = new AdamW(mod, m, 0.9f, 0.999f, 1e-8f, 0.5f, name -> !name.equals("w"));
      backward(mod, new float[] {3f, -0.5f});
      assertThat(opt.step(0.1f, 0f)).isEqualTo(0f); // no parameter is in the optimizer
      assertThat(mod.w.getArray().toFloatArray()).containsExactly(1f, 1f);
    }
  }

  @Test
  void decoupledWeightDecayAndSecondStepMoments() {
    try (NDManager m = NDManager.newBaseManager()) {
      Two mod = new Two();
      mod.initialize(m, 0);
      AdamW opt = new AdamW(mod, m, 0.5f, 0.5f, 0f, 0.1f);
      backward(mod, new float[] {2f, 2f});
      opt.step(0.1f, 0f); // w = 1·(1 − 0.01) − 0.1 = 0.89
      backward(mod, new float[] {4f, 4f});
      opt.step(0.1f, 0f);
      // m = 0.5·1 + 0.5·4... : m1 = 1, v1 = 2; m2 = 0.5 + 2 = 2.5, v2 = 1 + 8 = 9
      // bc1 = 0.75, bc2 = 0.75 → update = 0.1·(2.5/0.75)/sqrt(9/0.75) = 0.096225
      float expected = 0.89f * 0.99f - 0.0962250f;
      assertThat(mod.w.getArray().toFloatArray()).containsExactly(new float[] {expected, expected}, within(1e-6f));
    }
  }

  @Test
  void clipsTheGlobalNormAndRejectsNonFiniteGradients() {
    try (NDManager m = NDManager.newBaseManager()) {
      Two mod = new Two();
      mod.initialize(m, 0);
      AdamW opt = new AdamW(mod, m, 0.9f, 0.999f, 1e-8f, 0f);
      backward(mod, new float[] {Float.NaN, 1f});
      assertThatThrownBy(() -> opt.step(0.1f, 1f)).isInstanceOf(AdamW.NonFiniteException.class)
          .hasMessageContaining("NaN");
    }
  }

  @Test
  void fusedHostPassMatchesTheTensorOperations() {
    // Dense(300, 200): a 60,000-element matrix (decayed, split over two chunks) and a 200-element bias (not)
    try (NDManager m = NDManager.newBaseManager()) {
      dev.mediagen.nn.Dense fused = new dev.mediagen.nn.Dense(300, 200);
      dev.mediagen.nn.Dense tensor = new dev.mediagen.nn.Dense(300, 200);
      fused.initialize(m, 7);
      tensor.initialize(m, 7);
      AdamW a = new AdamW(fused, m, 0.9f, 0.95f, 1e-8f, 0.1f);
      AdamW b = new AdamW(tensor, m, 0.9f, 0.95f, 1e-8f, 0.1f);
      b.useTensorOps(true);
      NDArray x = m.randomNormal(new ai.djl.ndarray.types.Shape(4, 300));
      for (int step = 0; step < 3; step++) {
        lossBackward(fused, x);
        lossBackward(tensor, x);
        float na = a.step(2e-2f, 0.5f);
        float nb = b.step(2e-2f, 0.5f);
        assertThat(na).isCloseTo(nb, within(1e-4f * nb));
        assertThat(na).isGreaterThan(0.5f); // clipping was active
      }
      float[] wa = fused.namedParameters().get("weight").array().toFloatArray();
      float[] wb = tensor.namedParameters().get("weight").array().toFloatArray();
      dev.mediagen.nn.Dense initial = new dev.mediagen.nn.Dense(300, 200);
      initial.initialize(m, 7);
      float[] w0 = initial.namedParameters().get("weight").array().toFloatArray();
      double moved = 0;
      for (int i = 0; i < wa.length; i++) {
        // 1e-5: float rounding differs between the paths (and m/√v amplifies it where g ≈ 0), while a wrong
        // term would be visible: the decay alone moves a weight by lr·λ·|w| ≈ 1.6e-4 per step
        assertThat(wa[i]).isCloseTo(wb[i], within(1e-5f));
        moved = Math.max(moved, Math.abs(wa[i] - w0[i]));
      }
      assertThat(moved).isGreaterThan(0.05); // three steps of 2e-2 each moved the weights
      assertThat(fused.namedParameters().get("weight").array().getGradient().toFloatArray()).containsOnly(0f);
    }
  }

  @Test
  void scheduleValues() {
    assertThat(LrSchedule.warmupConstant(0, 1f, 10)).isEqualTo(0.1f);
    assertThat(LrSchedule.warmupConstant(50, 1f, 10)).isEqualTo(1f);
    assertThat(LrSchedule.warmupCosine(10, 1f, 0f, 10, 110)).isEqualTo(1f);
    assertThat(LrSchedule.warmupCosine(60, 1f, 0f, 10, 110)).isCloseTo(0.5f, within(1e-6f));
    assertThat(LrSchedule.warmupCosine(110, 1f, 0.1f, 10, 110)).isCloseTo(0.1f, within(1e-6f));
  }

  @Test
  void derivedSeedsDifferByStreamAndIndex() {
    assertThat(Seeds.derive(1, Seeds.DATA, 5)).isNotEqualTo(Seeds.derive(1, Seeds.NOISE, 5))
        .isNotEqualTo(Seeds.derive(1, Seeds.DATA, 6)).isEqualTo(Seeds.derive(1, Seeds.DATA, 5));
  }

  /** Backpropagates mean((x·Wᵀ + b)²) · 100 into the layer's gradients. */
  private static void lossBackward(dev.mediagen.nn.Dense layer, NDArray x) {
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      gc.backward(layer.forward(new ai.djl.training.ParameterStore(x.getManager(), false), x, true).square().mean()
          .mul(100f));
    }
  }

  private static void backward(Two mod, float[] grad) {
    NDArray w = mod.w.getArray();
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      gc.backward(w.mul(w.getManager().create(grad).reshape(1, 2)).sum()); // dL/dw = grad
    }
  }
}
