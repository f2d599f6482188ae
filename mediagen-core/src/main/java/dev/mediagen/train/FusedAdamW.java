package dev.mediagen.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.mediagen.nn.Module;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * AdamW as one pass over host memory: for each element, read w, g, m, v once and write w, m, v (and a zero
 * gradient) once. The tensor-operation form of the same update ({@link AdamW}'s fallback) makes ~30 passes
 * over the parameters — one per operation and temporary — which on a 2-core CPU costs as much as a tenth
 * of a training step (bench/train-step). PyTorch's own answer is its fused CPU AdamW kernel, which DJL does
 * not expose; DJL does expose the tensors' memory as direct buffers, so the loop runs here, split into
 * chunks over the common fork-join pool.
 */
final class FusedAdamW {
  private static final int CHUNK = 1 << 15;

  private FusedAdamW() {}

  /** Weight decay applies to matrices and kernels, not to biases and norm gains (rank ≥ 2). */
  static boolean decays(Shape shape) {
    return shape.dimension() >= 2;
  }

  /**
   * Per-step constants: {@code decay} = lr·λ (decoupled, Loshchilov &amp; Hutter), {@code scale} = the
   * global-norm clipping factor, {@code stepSize} = lr / (1 − β1ᵗ), {@code bc2} = 1 − β2ᵗ.
   */
  record Coefficients(float beta1, float beta2, float eps, float decay, float scale, float stepSize, float bc2) {}

  /**
   * The AdamW update of elements [from, to) of one parameter, in place:
   * g ← s·g; m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²; w ← (1 − lr·λ)·w − lr/bc1 · m / (√(v/bc2) + ε); g ← 0.
   */
  static void update(FloatBuffer w, FloatBuffer g, FloatBuffer m, FloatBuffer v, int from, int to,
      boolean decay, Coefficients c) {
    float a1 = 1 - c.beta1();
    float a2 = 1 - c.beta2();
    float keep = decay ? 1 - c.decay() : 1f;
    float invBc2 = 1 / c.bc2();
    for (int i = from; i < to; i++) {
      float gi = g.get(i) * c.scale();
      float mi = c.beta1() * m.get(i) + a1 * gi;
      float vi = c.beta2() * v.get(i) + a2 * gi * gi;
      m.put(i, mi);
      v.put(i, vi);
      w.put(i, w.get(i) * keep - c.stepSize() * mi / ((float) Math.sqrt(vi * invBc2) + c.eps()));
      g.put(i, 0f);
    }
  }

  /** Σ g² over elements [from, to), in double. */
  static double sumOfSquares(FloatBuffer g, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      float x = g.get(i);
      s += x * x;
    }
    return s;
  }

  /** A zero-copy float view of a CPU tensor; refuses (rather than silently copying) anything that is not one. */
  static FloatBuffer view(NDArray a, String name) {
    int n = Math.toIntExact(a.size());
    if (a.getDataType() != DataType.FLOAT32) {
      throw new IllegalStateException("fused update needs float32, " + name + " is " + a.getDataType());
    }
    java.nio.ByteBuffer bb = a.toByteBuffer(true);
    if (!bb.isDirect() || bb.capacity() != 4L * n) {
      throw new IllegalStateException("no direct host view of " + name + " (" + bb.capacity() + " bytes)");
    }
    return bb.order(ByteOrder.nativeOrder()).asFloatBuffer();
  }

  /** Whether {@code a} lives in host memory (where {@link #view} applies). */
  static boolean onHost(NDArray a) {
    return ai.djl.Device.Type.CPU.equals(a.getDevice().getDeviceType());
  }

  /** Host-memory views of every trainable parameter, its gradient and its two moments. */
  static final class Views implements AutoCloseable {
    private record Tensor(FloatBuffer w, FloatBuffer g, FloatBuffer m, FloatBuffer v, boolean decay) {}

    private record Chunk(int tensor, int from, int to) {}

    private final List<Tensor> tensors = new ArrayList<>();
    private final List<NDArray> gradients = new ArrayList<>();
    private final List<Chunk> chunks = new ArrayList<>();

    static Views of(Map<String, Module.Param> params, Map<String, NDArray> m, Map<String, NDArray> v) {
      Views views = new Views();
      try {
        for (Map.Entry<String, Module.Param> e : params.entrySet()) {
          NDArray w = e.getValue().array();
          NDArray g = w.getGradient();
          views.gradients.add(g);
          int n = Math.toIntExact(w.size());
          views.tensors.add(new Tensor(view(w, e.getKey()), view(g, e.getKey()),
              view(m.get(e.getKey()), e.getKey()), view(v.get(e.getKey()), e.getKey()),
              decays(e.getValue().shape())));
          for (int from = 0; from < n; from += CHUNK) {
            views.chunks.add(new Chunk(views.tensors.size() - 1, from, Math.min(n, from + CHUNK)));
          }
        }
        return views;
      } catch (RuntimeException ex) {
        views.close();
        throw ex;
      }
    }

    /** The global gradient norm √(Σ‖g‖²); partial sums are added in a fixed order (reproducible). */
    float gradNorm() {
      double[] partial = new double[chunks.size()];
      IntStream.range(0, chunks.size()).parallel().forEach(k -> {
        Chunk c = chunks.get(k);
        partial[k] = sumOfSquares(tensors.get(c.tensor()).g(), c.from(), c.to());
      });
      double sum = 0;
      for (double p : partial) sum += p;
      return (float) Math.sqrt(sum);
    }

    void update(Coefficients coefficients) {
      IntStream.range(0, chunks.size()).parallel().forEach(k -> {
        Chunk c = chunks.get(k);
        Tensor t = tensors.get(c.tensor());
        FusedAdamW.update(t.w(), t.g(), t.m(), t.v(), c.from(), c.to(), t.decay(), coefficients);
      });
    }

    @Override
    public void close() {
      gradients.forEach(NDArray::close);
      gradients.clear();
    }
  }
}
