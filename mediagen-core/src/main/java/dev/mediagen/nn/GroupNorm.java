package dev.mediagen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * GroupNorm (Wu &amp; He 2018) over a video (B, C, T, H, W): channels in G groups, statistics per frame,
 * so an image (T = 1) is normalised exactly as the image model would — what lets an inflated 2.5D
 * autoencoder start from its image weights.
 */
public final class GroupNorm extends Module {
  private final int groups;
  private final Parameter gamma;
  private final Parameter beta;

  public GroupNorm(int channels, int groups) {
    if (channels % groups != 0) {
      throw new IllegalArgumentException("channels %d must be divisible by groups %d".formatted(channels, groups));
    }
    this.groups = groups;
    this.gamma = param("weight", Init.ONES, channels);
    this.beta = param("bias", Init.ZEROS, channels);
  }

  /** @param x (B, C, T, H, W); @return the same shape */
  public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
    Shape s = x.getShape();
    long b = s.get(0), c = s.get(1), t = s.get(2), h = s.get(3), w = s.get(4);
    NDArray g = x.transpose(0, 2, 1, 3, 4).reshape(b, t, groups, (c / groups) * h * w); // (B, T, G, C/G·H·W)
    NDArray mean = g.mean(new int[] {3}, true);
    NDArray centred = g.sub(mean);
    NDArray var = centred.square().mean(new int[] {3}, true);
    NDArray y = centred.div(var.add(1e-6f).sqrt()).reshape(b, t, c, h, w).transpose(0, 2, 1, 3, 4);
    NDArray gm = value(ps, gamma, x, training).reshape(1, c, 1, 1, 1);
    NDArray bt = value(ps, beta, x, training).reshape(1, c, 1, 1, 1);
    return y.mul(gm).add(bt);
  }
}
