package dev.mediagen.world;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A clip of RGB frames as one float array in layout (T, 3, H, W) with values in [0, 1], the tensor
 * layout the models consume. An image is a video with one frame.
 *
 * @param frames T
 * @param height H
 * @param width W
 * @param data {@code T·3·H·W} values, index {@code ((t·3 + c)·H + y)·W + x}
 */
public record Video(int frames, int height, int width, float[] data) {

  public Video {
    if (frames < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "video shape (%d, 3, %d, %d) must be positive".formatted(frames, height, width));
    }
    if (data.length != frames * 3 * height * width) {
      throw new IllegalArgumentException(
          "data has %d values, expected T*3*H*W = %d"
              .formatted(data.length, frames * 3 * height * width));
    }
  }

  /** Index of channel {@code c} of pixel {@code (x, y)} in frame {@code t}. */
  public int index(int t, int c, int y, int x) {
    return ((t * 3 + c) * height + y) * width + x;
  }

  /** Frame {@code t} as an 8-bit RGB image (values rounded to the nearest of 256 levels). */
  public BufferedImage frame(int t) {
    if (t < 0 || t >= frames) {
      throw new IllegalArgumentException("frame %d out of range [0, %d]".formatted(t, frames - 1));
    }
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int r = to8(data[index(t, 0, y, x)]);
        int g = to8(data[index(t, 1, y, x)]);
        int b = to8(data[index(t, 2, y, x)]);
        img.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    return img;
  }

  /** All frames as images. */
  public List<BufferedImage> images() {
    List<BufferedImage> out = new ArrayList<>(frames);
    for (int t = 0; t < frames; t++) {
      out.add(frame(t));
    }
    return out;
  }

  /** A video from equally sized images (any image type; alpha is ignored). */
  public static Video of(List<BufferedImage> images) {
    if (images.isEmpty()) {
      throw new IllegalArgumentException("need at least one image");
    }
    int h = images.get(0).getHeight();
    int w = images.get(0).getWidth();
    float[] data = new float[images.size() * 3 * h * w];
    Video v = new Video(images.size(), h, w, data);
    for (int t = 0; t < images.size(); t++) {
      BufferedImage img = images.get(t);
      if (img.getWidth() != w || img.getHeight() != h) {
        throw new IllegalArgumentException(
            "image %d is %dx%d, expected %dx%d"
                .formatted(t, img.getWidth(), img.getHeight(), w, h));
      }
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int rgb = img.getRGB(x, y);
          data[v.index(t, 0, y, x)] = ((rgb >> 16) & 0xFF) / 255f;
          data[v.index(t, 1, y, x)] = ((rgb >> 8) & 0xFF) / 255f;
          data[v.index(t, 2, y, x)] = (rgb & 0xFF) / 255f;
        }
      }
    }
    return v;
  }

  /**
   * This video plus i.i.d. Gaussian noise of standard deviation {@code sigma}, clamped to [0, 1].
   */
  public Video withNoise(double sigma, long seed) {
    if (!(sigma >= 0)) {
      throw new IllegalArgumentException("noise sigma %s must be >= 0".formatted(sigma));
    }
    SplittableRandom rng = new SplittableRandom(seed);
    float[] out = new float[data.length];
    for (int i = 0; i < data.length; i++) {
      out[i] = clamp((float) (data[i] + sigma * rng.nextGaussian()));
    }
    return new Video(frames, height, width, out);
  }

  /** Each frame blurred by the separable 3×3 binomial kernel [1 2 1]/4 (edges clamped). */
  public Video blur() {
    float[] tmp = new float[data.length];
    float[] out = new float[data.length];
    for (int t = 0; t < frames; t++) {
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < height; y++) {
          for (int x = 0; x < width; x++) {
            tmp[index(t, c, y, x)] =
                (data[index(t, c, y, Math.max(0, x - 1))]
                        + 2 * data[index(t, c, y, x)]
                        + data[index(t, c, y, Math.min(width - 1, x + 1))])
                    / 4f;
          }
        }
        for (int y = 0; y < height; y++) {
          for (int x = 0; x < width; x++) {
            out[index(t, c, y, x)] =
                (tmp[index(t, c, Math.max(0, y - 1), x)]
                        + 2 * tmp[index(t, c, y, x)]
                        + tmp[index(t, c, Math.min(height - 1, y + 1), x)])
                    / 4f;
          }
        }
      }
    }
    return new Video(frames, height, width, out);
  }

  private static float clamp(float v) {
    return v < 0 ? 0 : v > 1 ? 1 : v;
  }

  private static int to8(float v) {
    return Math.round(clamp(v) * 255f);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Video v
        && v.frames == frames
        && v.height == height
        && v.width == width
        && Arrays.equals(v.data, data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * frames + height) + width) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Video[frames=%d, height=%d, width=%d]".formatted(frames, height, width);
  }
}
