package dev.mediagen.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mediagen.nn.Module;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exponential moving average of a module's weights (DiT's {@code update_ema}, decay 0.9999 there; ours is
 * shorter because our runs are): {@code ema ← d·ema + (1 − d)·w}. Sampling uses the EMA weights.
 */
public final class Ema {
  private final Map<String, NDArray> shadow = new LinkedHashMap<>();
  private final Module model;
  private final float decay;

  public Ema(Module model, NDManager manager, float decay) {
    if (!(decay >= 0 && decay < 1)) {
      throw new IllegalArgumentException("EMA decay %s must be in [0, 1)".formatted(decay));
    }
    this.model = model;
    this.decay = decay;
    model.namedParameters().forEach((n, p) -> shadow.put(n, p.array().duplicate().toDevice(manager.getDevice(), false)));
    shadow.values().forEach(a -> a.attach(manager));
  }

  /** One update after an optimizer step. */
  public void update() {
    model.namedParameters().forEach((n, p) -> {
      NDArray e = shadow.get(n);
      if (FusedAdamW.onHost(e) && FusedAdamW.onHost(p.array())) {
        // one pass over host memory instead of three tensor operations and a temporary
        java.nio.FloatBuffer ev = FusedAdamW.view(e, n);
        java.nio.FloatBuffer wv = FusedAdamW.view(p.array(), n);
        float keep = 1 - decay;
        for (int i = 0, size = ev.capacity(); i < size; i++) ev.put(i, decay * ev.get(i) + keep * wv.get(i));
        return;
      }
      try (NDArray w = p.array().mul(1 - decay)) {
        e.muli(decay).addi(w);
      }
    });
  }

  /** Restores the averaged weights (resume). */
  public void load(Map<String, NDArray> values) {
    if (!values.keySet().equals(shadow.keySet())) {
      throw new IllegalArgumentException("EMA weights do not match the model's parameter names");
    }
    values.forEach((n, a) -> a.copyTo(shadow.get(n)));
  }

  /** The averaged weights by parameter name. */
  public Map<String, NDArray> weights() {
    return shadow;
  }

  public float decay() {
    return decay;
  }
}
