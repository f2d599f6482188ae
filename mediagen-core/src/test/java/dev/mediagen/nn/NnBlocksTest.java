package dev.mediagen.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NnBlocksTest {
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

  @Test
  void patchifyGoldenOrderAndInverse() {
    NDArray x = m.arange(0f, 32f).reshape(1, 2, 1, 4, 4); // (B, C, T, H, W)
    NDArray tokens = Patches.patchify(x, 2); // (1, 4, 8)
    assertThat(tokens.getShape()).isEqualTo(new Shape(1, 4, 8));
    // token 0 = top-left patch, channel-major: c0 [0,1,4,5], c1 [16,17,20,21]
    assertThat(tokens.get(0, 0).toFloatArray()).containsExactly(0, 1, 4, 5, 16, 17, 20, 21);
    // token 1 = top-right patch
    assertThat(tokens.get(0, 1).toFloatArray()).containsExactly(2, 3, 6, 7, 18, 19, 22, 23);
    NDArray back = Patches.unpatchify(tokens, 2, 1, 2, 2, 2);
    assertThat(back.toFloatArray()).containsExactly(x.toFloatArray());
  }

  @Test
  void patchifyRejectsIndivisibleFrames() {
    assertThatThrownBy(() -> Patches.patchify(m.zeros(new Shape(1, 3, 1, 6, 8)), 4))
        .hasMessageContaining("6x8").hasMessageContaining("patch size 4");
  }

  @Test
  void rmsNormGolden() {
    NDArray y = RmsNorm.normalize(m.create(new float[] {3, 4}), 0f);
    // rms = sqrt((9 + 16) / 2) = 3.5355
    assertThat(y.toFloatArray()).containsExactly(new float[] {0.8485281f, 1.1313709f}, within(1e-6f));
  }

  @Test
  void sinusoidalEmbeddingGolden() {
    NDArray e = TimestepEmbedding.sinusoidal(m.create(new float[] {0f, 2f}), 4);
    // frequencies 1 and 10000^(-1/2) = 0.01
    assertThat(e.get(0).toFloatArray()).containsExactly(1f, 1f, 0f, 0f);
    assertThat(e.get(1).toFloatArray())
        .containsExactly(
            new float[] {(float) Math.cos(2), (float) Math.cos(0.02), (float) Math.sin(2), (float) Math.sin(0.02)},
            within(1e-6f));
  }

  @Test
  void attentionIgnoresMaskedKeys() {
    NDArray q = m.randomNormal(new Shape(1, 2, 3, 4));
    NDArray k = m.randomNormal(new Shape(1, 2, 5, 4));
    NDArray v = m.randomNormal(new Shape(1, 2, 5, 4));
    NDArray mask = m.create(new float[] {1, 1, 1, 0, 0}).reshape(1, 5);
    NDArray masked = Ops.attention(q, k, v, mask);
    NDArray cut = Ops.attention(q, k.get(":, :, 0:3"), v.get(":, :, 0:3"), null);
    assertThat(masked.toFloatArray()).containsExactly(cut.toFloatArray(), within(1e-5f));
  }

  @Test
  void attentionWithZeroQueryAveragesValues() {
    NDArray q = m.zeros(new Shape(1, 1, 1, 2));
    NDArray k = m.randomNormal(new Shape(1, 1, 4, 2));
    NDArray v = m.create(new float[] {1, 0, 3, 0, 5, 0, 7, 8}).reshape(1, 1, 4, 2);
    assertThat(Ops.attention(q, k, v, null).toFloatArray()).containsExactly(new float[] {4f, 2f}, within(1e-6f));
  }

  @Test
  void conv2dWithDiracKernelIsIdentity() {
    Conv2d conv = new Conv2d(3, 3, 3, new Init.Identity());
    conv.initialize(m, 1);
    NDArray x = m.randomNormal(new Shape(2, 3, 2, 5, 5));
    assertThat(conv.forward(ps, x, false).toFloatArray()).containsExactly(x.toFloatArray(), within(1e-6f));
  }

  @Test
  void factorizedPositionsAreSumsOfAxisTables() {
    FactorizedPosEmbedding pe = new FactorizedPosEmbedding(4, 3, 3, 8);
    pe.initialize(m, 7);
    NDArray grid = pe.forward(ps, m, 2, 3, 3, false); // (18, 8)
    var p = pe.namedParameters();
    NDArray expected = p.get("t").array().get(1).add(p.get("h").array().get(2)).add(p.get("w").array().get(0));
    // token (t=1, h=2, w=0) sits at index 1·9 + 2·3 + 0 = 15
    assertThat(grid.get(15).toFloatArray()).containsExactly(expected.toFloatArray(), within(1e-7f));
    assertThatThrownBy(() -> pe.forward(ps, m, 5, 3, 3, false)).hasMessageContaining("exceeds the positional tables");
  }

  @Test
  void initializationIsSeededAndXavierBounded() {
    Dense a = new Dense(64, 32);
    Dense b = new Dense(64, 32);
    Dense c = new Dense(64, 32);
    a.initialize(m, 42);
    b.initialize(m, 42);
    c.initialize(m, 43);
    float[] wa = a.namedParameters().get("weight").array().toFloatArray();
    assertThat(wa).containsExactly(b.namedParameters().get("weight").array().toFloatArray());
    assertThat(wa).isNotEqualTo(c.namedParameters().get("weight").array().toFloatArray());
    double bound = Math.sqrt(6.0 / (64 + 32));
    double max = 0;
    for (float w : wa) max = Math.max(max, Math.abs(w));
    assertThat(max).isLessThanOrEqualTo(bound).isGreaterThan(0.9 * bound);
    assertThat(a.namedParameters().get("bias").array().toFloatArray()).containsOnly(0f);
  }

  @Test
  void dottedParameterNames() {
    EncoderLayer layer = new EncoderLayer(8, 2, 16);
    assertThat(layer.namedParameters().keySet())
        .containsExactly("norm1.weight", "attn.qkv.weight", "attn.qkv.bias", "attn.proj.weight", "attn.proj.bias",
            "norm2.weight", "mlp.w13.weight", "mlp.w2.weight");
    assertThat(layer.parameterCount()).isEqualTo(8 + 8 * 24 + 24 + 64 + 8 + 8 + 8 * 32 + 16 * 8);
  }

  @Test
  void swiGluMatchesItsFormula() {
    SwiGlu f = new SwiGlu(3, 2);
    f.initialize(m, 3);
    NDArray x = m.randomNormal(new Shape(4, 3));
    NDArray w13 = f.namedParameters().get("w13.weight").array();
    NDArray w2 = f.namedParameters().get("w2.weight").array();
    NDArray a = x.matMul(w13.get("0:2").transpose());
    NDArray b = x.matMul(w13.get("2:4").transpose());
    NDArray silu = a.mul(a.neg().exp().add(1f).pow(-1f));
    NDArray expected = silu.mul(b).matMul(w2.transpose());
    assertThat(f.forward(ps, x, false).toFloatArray()).containsExactly(expected.toFloatArray(), within(1e-5f));
  }

  @Test
  void gaussianDrawsHaveUnitMoments() {
    float[] z = Gaussian.fill(new java.util.SplittableRandom(5), 200_000);
    double mean = 0, var = 0;
    for (float v : z) mean += v;
    mean /= z.length;
    for (float v : z) var += (v - mean) * (v - mean);
    var /= z.length;
    assertThat(mean).isCloseTo(0, within(0.01));
    assertThat(var).isCloseTo(1, within(0.01));
  }
}
