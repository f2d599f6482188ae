package dev.mediagen.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mediagen.nn.Module;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW (Loshchilov &amp; Hutter 2019) over a module's trainable parameters, with global-norm gradient
 * clipping. Its moment estimates are plain named arrays so a checkpoint can save and restore them exactly
 * (DJL's built-in optimizers keep theirs private, which rules out bit-exact resume).
 */
public final class AdamW {
  private final Map<String, Module.Param> params = new LinkedHashMap<>();
  private final Map<String, NDArray> m = new LinkedHashMap<>();
  private final Map<String, NDArray> v = new LinkedHashMap<>();
  private final float beta1;
  private final float beta2;
  private final float eps;
  private final float weightDecay;
  private long step;

  public AdamW(Module model, NDManager manager, float beta1, float beta2, float eps, float weightDecay) {
    this(model, manager, beta1, beta2, eps, weightDecay, name -> true);
  }

  /** AdamW over the trainable parameters whose names {@code include} accepts (the others stay as they are). */
  public AdamW(Module model, NDManager manager, float beta1, float beta2, float eps, float weightDecay,
      java.util.function.Predicate<String> include) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
    model.namedParameters().forEach((name, p) -> {
      if (p.parameter().requiresGradient() && include.test(name)) {
        params.put(name, p);
        m.put(name, manager.zeros(p.shape()));
        v.put(name, manager.zeros(p.shape()));
      }
    });
  }

  /**
   * One update with learning rate {@code lr}; gradients are clipped to global norm {@code clip} (≤0: off)
   * and zeroed afterwards (DJL's collector does not zero them, STACK-engine.md P6).
   *
   * @return the global gradient norm before clipping
   */
  public float step(float lr, float clip) {
    step++;
    double bc1 = 1 - Math.pow(beta1, step);
    double bc2 = 1 - Math.pow(beta2, step);
    if (hostViews()) {
      FusedAdamW.Views views = FusedAdamW.Views.of(params, m, v);
      try {
        float norm = views.gradNorm();
        checkFinite(norm);
        float scale = clip > 0 && norm > clip ? clip / norm : 1f;
        views.update(new FusedAdamW.Coefficients(beta1, beta2, eps, lr * weightDecay, scale, (float) (lr / bc1), (float) bc2));
        return norm;
      } finally {
        views.close();
      }
    }
    float norm = gradNorm();
    checkFinite(norm);
    float scale = clip > 0 && norm > clip ? clip / norm : 1f;
    float stepSize = (float) (lr / bc1);
    float decay = 1 - lr * weightDecay;
    for (Map.Entry<String, Module.Param> e : params.entrySet()) {
      NDArray w = e.getValue().array();
      try (NDArray g0 = w.getGradient()) {
        NDArray mi = m.get(e.getKey());
        NDArray vi = v.get(e.getKey());
        try (NDArray g = g0.mul(scale);
            NDArray g2 = g.square()) {
          mi.muli(beta1).addi(g.muli(1 - beta1)); // m = β1·m + (1−β1)·g
          vi.muli(beta2).addi(g2.muli(1 - beta2)); // v = β2·v + (1−β2)·g²
        }
        // decoupled weight decay, then w −= lr/bc1 · m / (sqrt(v/bc2) + eps); every temporary is closed
        if (weightDecay > 0 && FusedAdamW.decays(e.getValue().shape())) w.muli(decay);
        try (NDArray vhat = vi.div((float) bc2);
            NDArray denom = vhat.sqrt();
            NDArray upd = mi.div(denom.addi(eps))) {
          w.subi(upd.muli(stepSize));
        }
        g0.subi(g0); // zero the gradient in place
      }
    }
    return norm;
  }

  /**
   * Whether this step can run as one fused pass over the arrays' host memory: parameters on the CPU and
   * not disabled by {@link #useTensorOps}. Elsewhere (GPU) the update runs as tensor operations.
   */
  private boolean hostViews() {
    if (tensorOps || params.isEmpty()) return false;
    return FusedAdamW.onHost(params.values().iterator().next().array());
  }

  private boolean tensorOps;

  /** Forces the tensor-operation path on the CPU too (tests compare both paths). */
  void useTensorOps(boolean on) {
    this.tensorOps = on;
  }

  private void checkFinite(float norm) {
    if (!Float.isFinite(norm)) {
      throw new NonFiniteException("gradient norm is " + norm + " at optimizer step " + step);
    }
  }

  /** sqrt(Σ‖g‖²) over all trainable parameters. */
  public float gradNorm() {
    double sum = 0;
    for (Module.Param p : params.values()) {
      try (NDArray g = p.array().getGradient();
          NDArray sq = g.square();
          NDArray s = sq.sum()) {
        sum += s.getFloat();
      }
    }
    return (float) Math.sqrt(sum);
  }

  /** Completed update count (the bias-correction step). */
  public long stepCount() {
    return step;
  }

  public void setStepCount(long s) {
    this.step = s;
  }

  /** First and second moments by parameter name, prefixed {@code m.} and {@code v.} (for checkpoints). */
  public Map<String, NDArray> state() {
    Map<String, NDArray> out = new LinkedHashMap<>();
    m.forEach((k, a) -> out.put("m." + k, a));
    v.forEach((k, a) -> out.put("v." + k, a));
    return out;
  }

  /** Restores moments saved by {@link #state()} (resume). */
  public void loadState(Map<String, NDArray> state) {
    for (String k : m.keySet()) {
      NDArray a = state.get("m." + k);
      NDArray b = state.get("v." + k);
      if (a == null || b == null) throw new IllegalArgumentException("optimizer state lacks moments of " + k);
      a.copyTo(m.get(k));
      b.copyTo(v.get(k));
    }
  }

  /** Thrown when the loss or gradients stop being finite. */
  public static final class NonFiniteException extends RuntimeException {
    public NonFiniteException(String message) {
      super(message);
    }
  }
}
