package dev.mediagen.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Module;
import dev.mediagen.nn.Tensors;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** QASS shapes, a hand-computed golden case, and a plain-Java reference on random weights. */
class QassHeadTest {

  @Test
  void logitsHaveOneRowPerQuestionOverAllPositions() {
    try (NDManager m = NDManager.newBaseManager()) {
      QassHead head = new QassHead(4);
      head.initialize(m, 1);
      NDArray x = m.randomNormal(new Shape(2, 5, 4));
      NDArray xq = m.randomNormal(new Shape(2, 3, 4));
      SpanLogits l = head.forward(new ParameterStore(m, false), x, xq, m.ones(new Shape(2, 5)), false);
      assertThat(l.start().getShape()).isEqualTo(new Shape(2, 3, 5));
      assertThat(l.end().getShape()).isEqualTo(new Shape(2, 3, 5));
      assertThat(head.parameterCount()).isEqualTo(4 * (4 * 4 + 4 + 4 + 4) + 2 * 4 * 4);
    }
  }

  /**
   * D = 2; every FC has W = I, b = 0, LayerNorm gain 1 bias 0; S = diag(2, 1), E = [[0,1],[1,0]].
   * X = [(2,0), (0,2), (1,1)], x_q = (3,1). FC(2,0) = LN(GELU 2, GELU 0) = LN(1.9545, 0) = (1,-1);
   * FC(0,2) = (-1,1); FC(1,1) = LN(c, c) = (0,0); q_s = q_e = FC(3,1) = (1,-1). q_s S = (2,-1) →
   * start = (3, -3, 0); q_e E = (-1, 1) → end = (-2, 2, 0); token 3 is not selectable: −10000.
   */
  @Test
  void goldenLogitsAndLossOnAHandComputedCase() {
    try (NDManager m = NDManager.newBaseManager()) {
      QassHead head = new QassHead(2);
      head.initialize(m, 1);
      for (String fc :
          new String[] {"query_start_transform", "query_end_transform", "start_transform", "end_transform"}) {
        set(head, fc + ".dense.weight", 1, 0, 0, 1);
        set(head, fc + ".dense.bias", 0, 0);
        set(head, fc + ".layer_norm.weight", 1, 1);
        set(head, fc + ".layer_norm.bias", 0, 0);
      }
      set(head, "start_classifier", 2, 0, 0, 1);
      set(head, "end_classifier", 0, 1, 1, 0);
      NDArray x = Tensors.floats(m, new float[] {2, 0, 0, 2, 1, 1}, new Shape(1, 3, 2));
      NDArray xq = Tensors.floats(m, new float[] {3, 1}, new Shape(1, 1, 2));
      NDArray sel = Tensors.floats(m, new float[] {1, 1, 0}, new Shape(1, 3));
      SpanLogits l = head.forward(new ParameterStore(m, false), x, xq, sel, false);
      assertThat(l.start().toFloatArray()).containsExactly(new float[] {3, -3, -10000}, within(1e-3f));
      assertThat(l.end().toFloatArray()).containsExactly(new float[] {-2, 2, -10000}, within(1e-3f));

      // gold start = token 0, end = token 1: CE_s = log(1 + e^-6), CE_e = log(1 + e^-4)
      NDArray st = Tensors.floats(m, new float[] {1, 0, 0}, new Shape(1, 1, 3));
      NDArray en = Tensors.floats(m, new float[] {0, 1, 0}, new Shape(1, 1, 3));
      double expected = (Math.log1p(Math.exp(-6)) + Math.log1p(Math.exp(-4))) / 2; // 0.0103113
      assertThat((double) SpanLoss.loss(l, st, en, 1).getFloat()).isCloseTo(expected, within(2e-5));
    }
  }

  @Test
  void matchesAPlainJavaReferenceOnRandomWeights() {
    int b = 2;
    int q = 2;
    int n = 4;
    int d = 3;
    try (NDManager m = NDManager.newBaseManager()) {
      QassHead head = new QassHead(d);
      head.initialize(m, 7);
      SplittableRandom rng = new SplittableRandom(3);
      float[] x = random(rng, b * n * d);
      float[] xq = random(rng, b * q * d);
      float[] sel = {1, 1, 1, 0, 1, 0, 1, 1};
      SpanLogits l =
          head.forward(
              new ParameterStore(m, false),
              Tensors.floats(m, x, new Shape(b, n, d)),
              Tensors.floats(m, xq, new Shape(b, q, d)),
              Tensors.floats(m, sel, new Shape(b, n)),
              false);
      Map<String, Module.Param> p = head.namedParameters();
      float[] start = l.start().toFloatArray();
      float[] end = l.end().toFloatArray();
      for (int bi = 0; bi < b; bi++) {
        for (int qi = 0; qi < q; qi++) {
          double[] qs = mul(fc(p, "query_start_transform", xq, (bi * q + qi) * d, d), p.get("start_classifier"), d);
          double[] qe = mul(fc(p, "query_end_transform", xq, (bi * q + qi) * d, d), p.get("end_classifier"), d);
          for (int t = 0; t < n; t++) {
            double[] xs = fc(p, "start_transform", x, (bi * n + t) * d, d);
            double[] xe = fc(p, "end_transform", x, (bi * n + t) * d, d);
            double mask = sel[bi * n + t] == 1 ? 0 : -10000;
            int at = (bi * q + qi) * n + t;
            double tol = mask == 0 ? 1e-4 : 2e-3; // float spacing near 10^4 is ~1e-3
            assertThat((double) start[at]).isCloseTo(dot(qs, xs) + mask, within(tol));
            assertThat((double) end[at]).isCloseTo(dot(qe, xe) + mask, within(tol));
          }
        }
      }
    }
  }

  /** FC(v) = LayerNorm(GELU(W v + b)) with the module's weights, in doubles. */
  private static double[] fc(Map<String, Module.Param> p, String name, float[] v, int from, int d) {
    float[] w = p.get(name + ".dense.weight").array().toFloatArray();
    float[] bias = p.get(name + ".dense.bias").array().toFloatArray();
    float[] gamma = p.get(name + ".layer_norm.weight").array().toFloatArray();
    float[] beta = p.get(name + ".layer_norm.bias").array().toFloatArray();
    double[] h = new double[d];
    for (int o = 0; o < d; o++) {
      double s = bias[o];
      for (int i = 0; i < d; i++) {
        s += w[o * d + i] * v[from + i];
      }
      h[o] = 0.5 * s * (1 + erf(s / Math.sqrt(2))); // exact GELU
    }
    double mean = 0;
    for (double z : h) {
      mean += z / d;
    }
    double var = 0;
    for (double z : h) {
      var += (z - mean) * (z - mean) / d;
    }
    double[] out = new double[d];
    for (int o = 0; o < d; o++) {
      out[o] = (h[o] - mean) / Math.sqrt(var + 1e-5) * gamma[o] + beta[o];
    }
    return out;
  }

  /** Row vector times a (D, D) matrix. */
  private static double[] mul(double[] v, Module.Param matrix, int d) {
    float[] s = matrix.array().toFloatArray();
    double[] out = new double[d];
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < d; i++) {
        out[j] += v[i] * s[i * d + j];
      }
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Abramowitz–Stegun 7.1.26 (|error| < 1.5e-7). */
  private static double erf(double z) {
    double t = 1 / (1 + 0.3275911 * Math.abs(z));
    double y =
        1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
            * Math.exp(-z * z);
    return Math.signum(z) * y;
  }

  private static float[] random(SplittableRandom rng, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (rng.nextDouble() * 2 - 1);
    }
    return v;
  }

  private static void set(Module module, String name, float... values) {
    Module.Param p = module.namedParameters().get(name);
    try (NDArray a = Tensors.floats(p.array().getManager(), values, p.shape())) {
      a.copyTo(p.array());
    }
  }
}
