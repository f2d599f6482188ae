package dev.mediagen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * A same-padded 2D convolution applied to every frame of a video independently (the spatial half of a
 * 2.5D conv). Weight (C_out, C_in, k, k) as in PyTorch.
 */
public final class Conv2d extends Module {
  private final Parameter weight;
  private final Parameter bias;
  private final int kernel;
  private final int out;
  private final int stride;

  public Conv2d(int in, int out, int kernel, Init weightInit) {
    this(in, out, kernel, 1, weightInit);
  }

  /** {@code stride = 2} halves height and width (spatial downsampling). */
  public Conv2d(int in, int out, int kernel, int stride, Init weightInit) {
    if (kernel % 2 == 0) {
      throw new IllegalArgumentException("kernel %d must be odd for same padding".formatted(kernel));
    }
    this.kernel = kernel;
    this.out = out;
    this.stride = stride;
    this.weight = param("weight", weightInit, out, in, kernel, kernel);
    this.bias = param("bias", Init.ZEROS, out);
  }

  /** @param x (B, C_in, T, H, W); @return (B, C_out, T, H/stride, W/stride) */
  public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
    Shape s = x.getShape();
    long b = s.get(0), c = s.get(1), t = s.get(2), h = s.get(3), w = s.get(4);
    NDArray frames = x.transpose(0, 2, 1, 3, 4).reshape(b * t, c, h, w); // (B·T, C, H, W)
    int pad = kernel / 2;
    NDArray y =
        frames
            .getNDArrayInternal()
            .convolution(
                frames,
                value(ps, weight, x, training),
                value(ps, bias, x, training),
                new Shape(stride, stride),
                new Shape(pad, pad),
                new Shape(1, 1),
                1)
            .singletonOrThrow(); // (B·T, C_out, H, W)
    Shape ys = y.getShape();
    return y.reshape(b, t, out, ys.get(2), ys.get(3)).transpose(0, 2, 1, 3, 4);
  }
}
