package dev.mediagen.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.mediagen.flow.VelocityField;
import dev.mediagen.world.Video;
import java.util.List;

/**
 * Movie Gen's spatial upsampler as video-to-video generation (§3.1.7): the low-resolution clip is
 * upsampled (bilinear) and concatenated on the denoiser's input channels; the denoiser generates the
 * high-resolution clip. Long clips are denoised in sliding temporal windows whose overlapping velocities
 * are averaged at every step (MultiDiffusion, Bar-Tal et al. 2023).
 */
public final class Upsampling {
  private Upsampling() {}

  /** The training degradation: 2×2 average pooling, (B, C, T, H, W) → (B, C, T, H/2, W/2). */
  public static NDArray degrade(NDArray x) {
    Shape s = x.getShape();
    long b = s.get(0), c = s.get(1), t = s.get(2), h = s.get(3), w = s.get(4);
    return x.reshape(b, c, t, h / 2, 2, w / 2, 2).mean(new int[] {6}).mean(new int[] {4});
  }

  /**
   * Bilinear ×2 upsampling (half-pixel centres, edges clamped, as {@code align_corners=False}): output
   * 2i = ¾·x[i] + ¼·x[i−1], output 2i+1 = ¾·x[i] + ¼·x[i+1], along width then height.
   */
  public static NDArray bilinear2x(NDArray x) {
    return along(along(x, 4), 3);
  }

  private static NDArray along(NDArray x, int axis) {
    long n = x.getShape().get(axis);
    String all = ":, :, :, ";
    NDArray prev = axis == 4 ? x.get(all + ":, 0:1").concat(x.get(all + ":, 0:" + (n - 1)), 4)
        : x.get(all + "0:1, :").concat(x.get(all + "0:" + (n - 1) + ", :"), 3);
    NDArray next = axis == 4 ? x.get(all + ":, 1:" + n).concat(x.get(all + ":, " + (n - 1) + ":" + n), 4)
        : x.get(all + "1:" + n + ", :").concat(x.get(all + (n - 1) + ":" + n + ", :"), 3);
    NDArray even = x.mul(0.75f).add(prev.mul(0.25f));
    NDArray odd = x.mul(0.75f).add(next.mul(0.25f));
    Shape s = x.getShape();
    long[] shape = s.getShape().clone();
    shape[axis] = 2 * n;
    // interleave: stack on a new last-but-one axis and fold it into the upsampled axis
    return even.expandDims(axis + 1).concat(odd.expandDims(axis + 1), axis + 1).reshape(shape);
  }

  /**
   * The pixel-wise mean of samples of the same clip: a Monte-Carlo estimate of the posterior mean. A single
   * sample from the posterior has twice the expected squared error of the posterior mean, so averaging trades
   * sampled detail for PSNR; on ShapesWorld the edges agree across samples and what averages away is grain.
   */
  public static Video mean(List<Video> samples) {
    if (samples.isEmpty()) throw new IllegalArgumentException("the mean of no samples");
    Video first = samples.get(0);
    float[] sum = new float[first.data().length];
    for (Video v : samples) {
      if (v.frames() != first.frames() || v.height() != first.height() || v.width() != first.width()) {
        throw new IllegalArgumentException("samples of different shapes: %dx%dx%d and %dx%dx%d"
            .formatted(first.frames(), first.height(), first.width(), v.frames(), v.height(), v.width()));
      }
      for (int i = 0; i < sum.length; i++) sum[i] += v.data()[i];
    }
    for (int i = 0; i < sum.length; i++) sum[i] /= samples.size();
    return new Video(first.frames(), first.height(), first.width(), sum);
  }

  /** The denoiser's condition for a low-resolution clip: its bilinear ×2 upsampling. */
  public static NDArray condition(NDArray low) {
    return bilinear2x(low);
  }

  /**
   * MultiDiffusion in time: evaluates {@code perWindow} on windows of {@code window} frames every
   * {@code stride} frames (the last one aligned to the end) and averages the velocities where windows
   * overlap.
   */
  public static VelocityField temporalWindows(WindowedField perWindow, int frames, int window, int stride) {
    if (window >= frames) return (x, t) -> perWindow.velocity(x, t, 0, frames);
    if (stride < 1 || stride > window) {
      throw new IllegalArgumentException("stride %d must be in [1, window %d]".formatted(stride, window));
    }
    return (x, t) -> {
      NDArray sum = x.zerosLike();
      float[] count = new float[frames];
      for (int from = 0; ; from += stride) {
        int s = Math.min(from, frames - window);
        NDArray v = perWindow.velocity(x.get(":, :, " + s + ":" + (s + window)), t, s, window);
        NDArray padded = pad(v, s, frames);
        sum = sum.add(padded);
        for (int f = s; f < s + window; f++) count[f]++;
        if (s + window >= frames) break;
      }
      float[] inv = new float[frames];
      for (int f = 0; f < frames; f++) inv[f] = 1f / count[f];
      NDArray weights = dev.mediagen.nn.Tensors.floats(x.getManager(), inv, new Shape(1, 1, frames, 1, 1));
      return sum.mul(weights);
    };
  }

  private static NDArray pad(NDArray v, int start, int frames) {
    Shape s = v.getShape();
    long w = s.get(2);
    NDArray out = v;
    if (start > 0) out = v.getManager().zeros(new Shape(s.get(0), s.get(1), start, s.get(3), s.get(4))).concat(out, 2);
    if (start + w < frames) out = out.concat(v.getManager().zeros(new Shape(s.get(0), s.get(1), frames - start - w, s.get(3), s.get(4))), 2);
    return out;
  }

  /** A velocity for the window of frames [start, start + length) of the full clip. */
  @FunctionalInterface
  public interface WindowedField {
    NDArray velocity(NDArray window, float t, int start, int length);
  }
}
