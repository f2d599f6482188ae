package dev.mediagen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * A 1D convolution over time at every pixel (the temporal half of Movie Gen's 2.5D TAE), kernel k with
 * symmetric replicate padding, optional stride 2 for temporal downsampling. Identity-initialised
 * (centre tap = I) when inflating an image model, so the video model starts as the image model frame by
 * frame. A 1-frame clip (an image) passes through unchanged in length.
 */
public final class TemporalConv extends Module {
  private final Parameter weight;
  private final Parameter bias;
  private final int kernel;
  private final int stride;
  private final int channels;

  public TemporalConv(int channels, int kernel, int stride, Init init) {
    if (kernel % 2 == 0 || stride < 1 || stride > 2) {
      throw new IllegalArgumentException("kernel %d must be odd and stride %d 1 or 2".formatted(kernel, stride));
    }
    this.kernel = kernel;
    this.stride = stride;
    this.channels = channels;
    this.weight = param("weight", init, channels, channels, kernel);
    this.bias = param("bias", Init.ZEROS, channels);
  }

  /** @param x (B, C, T, H, W); @return (B, C, T', H, W) with T' = ceil(T / stride) */
  public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
    Shape s = x.getShape();
    long b = s.get(0), c = s.get(1), t = s.get(2), h = s.get(3), w = s.get(4);
    int pad = kernel / 2;
    NDArray seq = x.transpose(0, 3, 4, 1, 2).reshape(b * h * w, c, t); // (B·H·W, C, T)
    if (pad > 0) {
      NDArray first = seq.get(":, :, 0:1").repeat(2, pad);
      NDArray last = seq.get(":, :, " + (t - 1) + ":" + t).repeat(2, pad);
      seq = first.concat(seq, 2).concat(last, 2); // replicate padding
    }
    NDArray y = seq.getNDArrayInternal().convolution(seq, value(ps, weight, x, training), value(ps, bias, x, training),
        new Shape(stride), new Shape(0), new Shape(1), 1).singletonOrThrow(); // (B·H·W, C, T')
    long tOut = y.getShape().get(2);
    return y.reshape(b, h, w, c, tOut).transpose(0, 3, 4, 1, 2);
  }

  public int stride() {
    return stride;
  }

  public int channels() {
    return channels;
  }
}
