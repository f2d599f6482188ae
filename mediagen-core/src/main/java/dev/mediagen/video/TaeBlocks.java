package dev.mediagen.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Conv2d;
import dev.mediagen.nn.GroupNorm;
import dev.mediagen.nn.Init;
import dev.mediagen.nn.Module;
import dev.mediagen.nn.Ops;
import dev.mediagen.nn.SelfAttention;
import dev.mediagen.nn.TemporalConv;

/** The building blocks of the temporal autoencoder (an SD-style VAE inflated to 2.5D). */
final class TaeBlocks {
  private TaeBlocks() {}

  /** Residual block: norm → SiLU → 2.5D conv, twice, plus a 1×1 skip when widths differ. */
  static final class ResBlock extends Module {
    private final GroupNorm norm1;
    private final Conv25d conv1;
    private final GroupNorm norm2;
    private final Conv25d conv2;
    private final Conv2d skip;

    ResBlock(int in, int out, int groups) {
      this.norm1 = module("norm1", new GroupNorm(in, groups));
      this.conv1 = module("conv1", new Conv25d(in, out, Init.XAVIER));
      this.norm2 = module("norm2", new GroupNorm(out, groups));
      this.conv2 = module("conv2", new Conv25d(out, out, Init.ZEROS)); // residual branch starts at zero
      this.skip = in == out ? null : module("skip", new Conv2d(in, out, 1, Init.XAVIER));
    }

    NDArray forward(ParameterStore ps, NDArray x, boolean training) {
      NDArray h = conv1.forward(ps, Ops.silu(norm1.forward(ps, x, training)), training);
      h = conv2.forward(ps, Ops.silu(norm2.forward(ps, h, training)), training);
      return (skip == null ? x : skip.forward(ps, x, training)).add(h);
    }
  }

  /**
   * Spatial self-attention over the H·W positions of each frame, then temporal self-attention over the
   * T frames at each position (Movie Gen: "temporal attention after spatial attention"); the temporal
   * one starts at zero so an inflated model equals the image model.
   */
  static final class Attention extends Module {
    private final GroupNorm norm;
    private final SelfAttention spatial;
    private final SelfAttention temporal;

    Attention(int channels, int groups) {
      this.norm = module("norm", new GroupNorm(channels, groups));
      this.spatial = module("spatial", new SelfAttention(channels, 1, false));
      this.temporal = module("temporal", new SelfAttention(channels, 1, false, true));
    }

    NDArray forward(ParameterStore ps, NDArray x, boolean training) {
      Shape s = x.getShape();
      long b = s.get(0), c = s.get(1), t = s.get(2), h = s.get(3), w = s.get(4);
      NDArray n = norm.forward(ps, x, training);
      NDArray frames = n.transpose(0, 2, 3, 4, 1).reshape(b * t, h * w, c); // (B·T, HW, C)
      NDArray a = spatial.forward(ps, frames, null, training).reshape(b, t, h, w, c).transpose(0, 4, 1, 2, 3);
      x = x.add(a);
      if (t == 1) return x;
      NDArray n2 = norm.forward(ps, x, training);
      NDArray tracks = n2.transpose(0, 3, 4, 2, 1).reshape(b * h * w, t, c); // (B·H·W, T, C)
      NDArray ta = temporal.forward(ps, tracks, null, training).reshape(b, h, w, t, c).transpose(0, 4, 3, 1, 2);
      return x.add(ta);
    }
  }

  /** ×2 downsampling: a strided 3×3 conv in space and, for videos, a strided temporal conv. */
  static final class Down extends Module {
    private final Conv2d spatial;
    private final TemporalConv temporal;

    Down(int channels, boolean time) {
      this.spatial = module("spatial", new Conv2d(channels, channels, 3, 2, Init.XAVIER));
      this.temporal = time ? module("temporal", new TemporalConv(channels, 3, 2, new Init.Identity())) : null;
    }

    NDArray forward(ParameterStore ps, NDArray x, boolean training) {
      NDArray h = spatial.forward(ps, x, training);
      return temporal == null || h.getShape().get(2) == 1 ? h : temporal.forward(ps, h, training);
    }
  }

  /** ×2 upsampling: nearest-neighbour repeat then a conv, in space and (for videos) in time. */
  static final class Up extends Module {
    private final Conv2d spatial;
    private final TemporalConv temporal;

    Up(int channels, boolean time) {
      this.spatial = module("spatial", new Conv2d(channels, channels, 3, Init.XAVIER));
      this.temporal = time ? module("temporal", new TemporalConv(channels, 3, 1, new Init.Identity())) : null;
    }

    NDArray forward(ParameterStore ps, NDArray x, boolean training) {
      NDArray h = spatial.forward(ps, x.repeat(3, 2).repeat(4, 2), training);
      if (temporal == null || h.getShape().get(2) == 1) return h;
      return temporal.forward(ps, h.repeat(2, 2), training);
    }
  }
}
