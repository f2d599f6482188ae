package dev.mediagen.video;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Conv2d;
import dev.mediagen.nn.Init;
import dev.mediagen.nn.Module;
import dev.mediagen.nn.TemporalConv;

/**
 * Movie Gen's inflated "2.5D" convolution: a spatial 3×3 conv on every frame followed by a temporal
 * 1D conv (kernel 3) at every pixel, identity-initialised so the block starts as its image counterpart.
 * Images (T = 1) skip the temporal conv: with replicate padding and the identity it would be a no-op anyway.
 */
public final class Conv25d extends Module {
  private final Conv2d spatial;
  private final TemporalConv temporal;

  public Conv25d(int in, int out, Init spatialInit) {
    this.spatial = module("spatial", new Conv2d(in, out, 3, spatialInit));
    this.temporal = module("temporal", new TemporalConv(out, 3, 1, new Init.Identity()));
  }

  /** @param x (B, C_in, T, H, W); @return (B, C_out, T, H, W) */
  public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
    NDArray h = spatial.forward(ps, x, training);
    return x.getShape().get(2) == 1 ? h : temporal.forward(ps, h, training);
  }
}
