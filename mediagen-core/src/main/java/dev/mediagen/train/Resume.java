package dev.mediagen.train;

import ai.djl.ndarray.NDArray;
import dev.mediagen.nn.Module;
import java.util.Map;

/** Restoring a training run from its checkpoint, shared by every family's training loop. */
public final class Resume {
  private Resume() {}

  /** Fails naming both configurations when a checkpoint was made for another model. */
  public static void requireSame(Object saved, Object requested, String what) {
    if (!saved.equals(requested)) {
      throw new IllegalArgumentException("cannot resume: the checkpoint's %s %s differs from %s".formatted(what, saved, requested));
    }
  }

  /** Puts back raw weights, optimizer moments and step count, and the EMA weights. */
  public static void restore(
      Module model, AdamW opt, Ema ema, Map<String, NDArray> weights, Map<String, NDArray> moments,
      Map<String, NDArray> emaWeights, long step) {
    Weights.copyInto(weights, model);
    opt.loadState(moments);
    opt.setStepCount(step);
    ema.load(emaWeights);
  }
}
