package dev.mediagen.coref;

import ai.djl.ndarray.NDArray;
import dev.mediagen.nn.Tensors;
import java.util.SplittableRandom;

/**
 * Inverted dropout with a seeded host-side mask: each element is zeroed with probability {@code p}
 * and the rest scaled by {@code 1/(1 − p)}, so evaluation (no dropout) needs no rescaling. The mask
 * comes from the caller's generator, so a training step is a pure function of (seed, step).
 */
final class Dropout {
  private Dropout() {}

  /** {@code x} itself when {@code rng} is null (evaluation) or {@code p == 0}. */
  static NDArray apply(NDArray x, float p, SplittableRandom rng) {
    if (rng == null || p == 0) {
      return x;
    }
    float keep = 1f / (1f - p);
    float[] mask = new float[Math.toIntExact(x.getShape().size())];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = rng.nextDouble() < p ? 0f : keep;
    }
    return x.mul(Tensors.floats(x.getManager(), mask, x.getShape()));
  }
}
