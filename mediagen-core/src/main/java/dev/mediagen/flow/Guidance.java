package dev.mediagen.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * Classifier-free guidance (Ho &amp; Salimans 2022) for velocities: {@code v = v(∅) + w·(v(P) − v(∅))}.
 * The conditional and unconditional halves are evaluated in one batched forward of size 2B, as DiT's
 * {@code forward_with_cfg} does; dual image/text guidance (Emu Edit / InstructPix2Pix) stacks three.
 */
public final class Guidance {
  private Guidance() {}

  /** A model evaluated on a doubled batch: rows [0, B) conditional, [B, 2B) unconditional. */
  @FunctionalInterface
  public interface PairedModel {
    /** @param x2 (2B, ...) the state repeated twice; @return (2B, ...) velocities */
    NDArray velocity(NDArray x2, float t);
  }

  /** Wraps a paired model into a guided velocity field with scale {@code w} (w = 1: no guidance). */
  public static VelocityField cfg(PairedModel model, float w) {
    return (x, t) -> {
      NDArray v2 = model.velocity(x.concat(x, 0), t);
      NDList halves = v2.split(2, 0);
      return combine(halves.get(0), halves.get(1), w);
    };
  }

  /** v(∅) + w·(v(P) − v(∅)). */
  public static NDArray combine(NDArray cond, NDArray uncond, float w) {
    return uncond.add(cond.sub(uncond).mul(w));
  }
}
