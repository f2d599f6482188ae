package dev.mediagen.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * Classifier-free guidance with two conditions, image I and text T (InstructPix2Pix, used by Emu Edit):
 *
 * <pre>
 *   v = v(∅, ∅) + s_I · (v(I, ∅) − v(∅, ∅)) + s_T · (v(I, T) − v(I, ∅))
 * </pre>
 *
 * The three evaluations run as one batched forward of size 3B, rows ordered [(I, T); (I, ∅); (∅, ∅)].
 */
public final class DualGuidance {
  private DualGuidance() {}

  /** A model evaluated on the tripled batch. */
  @FunctionalInterface
  public interface TripleModel {
    /** @param x3 (3B, ...) the state repeated three times; @return (3B, ...) velocities */
    NDArray velocity(NDArray x3, float t);
  }

  public static VelocityField of(TripleModel model, float imageScale, float textScale) {
    return (x, t) -> {
      NDList v = model.velocity(x.concat(x, 0).concat(x, 0), t).split(3, 0);
      return combine(v.get(0), v.get(1), v.get(2), imageScale, textScale);
    };
  }

  /** The guided velocity from v(I,T), v(I,∅), v(∅,∅). */
  public static NDArray combine(NDArray full, NDArray imageOnly, NDArray none, float imageScale, float textScale) {
    return none.add(imageOnly.sub(none).mul(imageScale)).add(full.sub(imageOnly).mul(textScale));
  }
}
