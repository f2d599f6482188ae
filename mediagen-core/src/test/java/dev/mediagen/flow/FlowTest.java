package dev.mediagen.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlowTest {
  NDManager m;

  @BeforeEach
  void setUp() {
    m = NDManager.newBaseManager();
  }

  @AfterEach
  void tearDown() {
    m.close();
  }

  @Test
  void pathEndpointsAndTargetFollowTheConvention() {
    NDArray x1 = m.create(new float[] {2f, -1f}).reshape(2, 1);
    NDArray x0 = m.create(new float[] {0.5f, 3f}).reshape(2, 1);
    PathSample s = FlowPath.sample(x1, x0, m.create(new float[] {0f, 1f}), 0.1f);
    // t = 0 → noise; t = 1 → data + σ·noise
    assertThat(s.xt().toFloatArray()).containsExactly(new float[] {0.5f, -1f + 0.3f}, within(1e-6f));
    assertThat(s.velocity().toFloatArray()).containsExactly(new float[] {2f - 0.45f, -1f - 2.7f}, within(1e-6f));
  }

  @Test
  void targetIsTheTimeDerivativeOfThePath() {
    NDArray x1 = m.randomNormal(new Shape(3, 4));
    NDArray x0 = m.randomNormal(new Shape(3, 4));
    float t = 0.37f, eps = 1e-3f;
    NDArray a = FlowPath.sample(x1, x0, m.full(new Shape(3), t), FlowPath.SIGMA_MIN).xt();
    PathSample b = FlowPath.sample(x1, x0, m.full(new Shape(3), t + eps), FlowPath.SIGMA_MIN);
    NDArray fd = b.xt().sub(a).div(eps);
    assertThat(fd.toFloatArray()).containsExactly(b.velocity().toFloatArray(), within(2e-3f));
  }

  @Test
  void linearQuadraticFirstHalfEqualsFineLinearGrid() {
    float[] lq = Schedules.linearQuadratic(50);
    float[] lin = Schedules.linear(1000);
    for (int i = 0; i < 25; i++) assertThat(lq[i]).isCloseTo(lin[i], within(1e-7f));
    assertThat(lq[25]).isCloseTo(0.025f, within(1e-6f)); // continuous at the switch
    assertThat(lq[0]).isZero();
    assertThat(lq[50]).isEqualTo(1f);
    for (int i = 0; i < 50; i++) assertThat(lq[i + 1]).isGreaterThan(lq[i]);
    // the slope is continuous at the switch: u(26) − u(25) = τ/L + a with a = (L − τS)/(L·Q²)
    assertThat(lq[26] - lq[25]).isCloseTo(0.001f + (float) ((25 - 0.025 * 50) / (25.0 * 625)), within(1e-6f));
  }

  @Test
  void scheduleNamesAndRanges() {
    assertThat(Schedules.byName("linear", 4)).containsExactly(0f, 0.25f, 0.5f, 0.75f, 1f);
    assertThatThrownBy(() -> Schedules.byName("cosine", 4)).hasMessageContaining("allowed: [lq, linear]");
    assertThatThrownBy(() -> Schedules.linear(0)).hasMessageContaining("steps 0 must be in [1, 10000]");
  }

  @Test
  void eulerIsExactForConstantVelocityOnAnyGrid() {
    NDArray x0 = m.create(new float[] {1f, 0f});
    VelocityField u = (x, t) -> x.onesLike().mul(3f);
    NDArray x1 = OdeSolver.integrate(u, x0, Schedules.linearQuadratic(50), OdeSolver.Method.EULER, null);
    assertThat(x1.toFloatArray()).containsExactly(new float[] {4f, 3f}, within(1e-5f));
  }

  @Test
  void eulerAndMidpointOnLinearVelocity() {
    // dx/dt = 2t moves x by exactly 1; Euler on N uniform steps gives Σ 2·(i/N)·(1/N) = 1 − 1/N
    NDArray x0 = m.create(new float[] {0f});
    VelocityField u = (x, t) -> x.onesLike().mul(2 * t);
    NDArray euler = OdeSolver.integrate(u, x0, Schedules.linear(10), OdeSolver.Method.EULER, null);
    NDArray mid = OdeSolver.integrate(u, x0, Schedules.linear(10), OdeSolver.Method.MIDPOINT, null);
    assertThat(euler.getFloat(0)).isCloseTo(0.9f, within(1e-6f));
    assertThat(mid.getFloat(0)).isCloseTo(1f, within(1e-6f)); // midpoint rule is exact for linear integrands
  }

  @Test
  void midpointIsSecondOrderOnExponentialGrowth() {
    NDArray x0 = m.create(new float[] {1f});
    VelocityField u = (x, t) -> x.duplicate();
    float e = (float) Math.E;
    float errEuler = Math.abs(OdeSolver.integrate(u, x0, Schedules.linear(20), OdeSolver.Method.EULER, null).getFloat(0) - e);
    float errMid = Math.abs(OdeSolver.integrate(u, x0, Schedules.linear(20), OdeSolver.Method.MIDPOINT, null).getFloat(0) - e);
    assertThat(errEuler).isCloseTo((float) (e - Math.pow(1.05, 20)), within(1e-4f));
    assertThat(errMid).isLessThan(errEuler / 20);
  }

  @Test
  void optimalVelocityTransportsNoiseToGaussianData() {
    // For 1-D data x1 ~ N(mu, s²) the marginal velocity of the OT path is known in closed form:
    // with a = t, b = 1 − (1 − σ)t: x_t ~ N(a·mu, a²s² + b²),
    // E[x1|x] = mu + a s² (x − a mu)/(a²s² + b²), E[x0|x] = b (x − a mu)/(a²s² + b²), v = E[x1|x] − (1 − σ)E[x0|x].
    float mu = 1.5f, s = 0.5f, sig = FlowPath.SIGMA_MIN;
    VelocityField u = (x, t) -> {
      float a = t, b = 1 - (1 - sig) * t, var = a * a * s * s + b * b;
      NDArray centred = x.sub(a * mu);
      return centred.mul(a * s * s / var).add(mu).sub(centred.mul((1 - sig) * b / var));
    };
    float[] z = dev.mediagen.nn.Gaussian.fill(new java.util.SplittableRandom(9), 20_000);
    NDArray x1 = OdeSolver.integrate(u, m.create(z), Schedules.linear(200), OdeSolver.Method.MIDPOINT, null);
    float mean = x1.mean().getFloat();
    float std = (float) Math.sqrt(x1.sub(mean).square().mean().getFloat());
    assertThat(mean).isCloseTo(mu, within(0.02f));
    assertThat(std).isCloseTo(s, within(0.02f));
  }

  @Test
  void guidanceCombinesLinearly() {
    NDArray c = m.create(new float[] {3f});
    NDArray u = m.create(new float[] {1f});
    assertThat(Guidance.combine(c, u, 1f).getFloat(0)).isEqualTo(3f);
    assertThat(Guidance.combine(c, u, 0f).getFloat(0)).isEqualTo(1f);
    assertThat(Guidance.combine(c, u, 7.5f).getFloat(0)).isEqualTo(16f);
    // the batched form evaluates [cond; uncond] in one call
    int[] calls = {0};
    VelocityField g = Guidance.cfg((x2, t) -> {
      calls[0]++;
      assertThat(x2.getShape().get(0)).isEqualTo(4);
      return x2.get("0:2").mul(0).add(2f).concat(x2.get("2:4").mul(0), 0);
    }, 3f);
    assertThat(g.velocity(m.zeros(new Shape(2)), 0.5f).toFloatArray()).containsExactly(6f, 6f);
    assertThat(calls[0]).isEqualTo(1);
  }

  @Test
  void mixedTimesPutMoreMassNearNoise() {
    float[] lognormal = TimeSampler.logitNormal(new java.util.SplittableRandom(2), 100_000, 0, 1);
    float[] mixed = TimeSampler.mixed(new java.util.SplittableRandom(2), 100_000, 0.5, 0, 1);
    double lowLog = 0, lowMixed = 0;
    for (float v : lognormal) if (v < 0.1f) lowLog++;
    for (float v : mixed) if (v < 0.1f) lowMixed++;
    // P(sigmoid(n) < 0.1) = Φ(−2.197) ≈ 0.0140; the 50/50 mixture: 0.5·0.1 + 0.5·0.0140 = 0.0570
    assertThat(lowLog / lognormal.length).isCloseTo(0.0140, within(0.002));
    assertThat(lowMixed / mixed.length).isCloseTo(0.0570, within(0.003));
  }

  @Test
  void logitNormalTimesAreInsideTheUnitIntervalAndCentred() {
    float[] t = TimeSampler.logitNormal(new java.util.SplittableRandom(1), 50_000, 0, 1);
    double mean = 0;
    for (float v : t) {
      assertThat(v).isStrictlyBetween(0f, 1f);
      mean += v;
    }
    assertThat(mean / t.length).isCloseTo(0.5, within(0.01));
  }
}
