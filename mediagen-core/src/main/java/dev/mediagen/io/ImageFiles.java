package dev.mediagen.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * PNG files and the small pixel operations every picture writer needs. PNG output is lossless and
 * deterministic (ImageIO writes no timestamp); writes are atomic.
 */
public final class ImageFiles {
  private ImageFiles() {}

  /** Writes {@code image} as PNG atomically (a failure leaves no file and an old one intact). */
  public static void writePng(BufferedImage image, Path path) throws IOException {
    if (image == null) {
      throw new IllegalArgumentException("image to write to " + path + " is null");
    }
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
    if (!writers.hasNext()) {
      throw new IOException("no PNG writer in this JDK; cannot write " + path);
    }
    ImageWriter writer = writers.next();
    try {
      AtomicFiles.write(
          path,
          out -> {
            // an explicit memory-cached stream: ImageIO's default caches through java.io.tmpdir
            try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
              writer.setOutput(ios);
              writer.write(image);
            }
          });
    } finally {
      writer.dispose();
    }
  }

  /** Reads any image ImageIO can decode (PNG, GIF's first frame, JPEG, BMP). */
  public static BufferedImage readImage(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new IOException("cannot read image " + path + ": no such file");
    }
    BufferedImage img;
    try {
      img = ImageIO.read(path.toFile());
    } catch (IOException e) {
      throw new IOException("cannot decode image " + path + ": " + e.getMessage(), e);
    }
    if (img == null) {
      throw new IOException("cannot decode image " + path + ": not a format ImageIO reads");
    }
    return img;
  }

  /**
   * Enlarges by an integer {@code factor} with nearest neighbour, so each source pixel becomes a
   * factor×factor block (our 32×32 renders are too small to look at). Alpha is kept if present.
   */
  public static BufferedImage upscale(BufferedImage image, int factor) {
    if (factor < 1 || factor > 64) {
      throw new IllegalArgumentException("upscale factor " + factor + " must be in [1, 64]");
    }
    int w = image.getWidth();
    int h = image.getHeight();
    long outPixels = (long) w * factor * h * factor;
    if (outPixels > 1L << 28) {
      throw new IllegalArgumentException(
          "upscaling "
              + w
              + "x"
              + h
              + " by "
              + factor
              + " gives "
              + outPixels
              + " pixels, over 2^28");
    }
    boolean alpha = image.getColorModel().hasAlpha();
    BufferedImage out =
        new BufferedImage(
            w * factor,
            h * factor,
            alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    int[] src = image.getRGB(0, 0, w, h, null, 0, w);
    int[] row = new int[w * factor];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        java.util.Arrays.fill(row, x * factor, (x + 1) * factor, src[y * w + x]);
      }
      for (int dy = 0; dy < factor; dy++) {
        out.setRGB(0, y * factor + dy, w * factor, 1, row, 0, w * factor);
      }
    }
    return out;
  }

  /** A copy as {@code TYPE_INT_RGB} (alpha dropped): the common form for encoders and checks. */
  public static BufferedImage toRgb(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    out.setRGB(0, 0, w, h, image.getRGB(0, 0, w, h, null, 0, w), 0, w);
    return out;
  }

  /** Throws unless all frames exist and share one size; returns that size as {width, height}. */
  public static int[] requireUniformSize(List<BufferedImage> frames) {
    if (frames == null || frames.isEmpty()) {
      throw new IllegalArgumentException(
          "need at least 1 frame, got " + (frames == null ? "null" : 0));
    }
    int w = -1;
    int h = -1;
    for (int i = 0; i < frames.size(); i++) {
      BufferedImage f = frames.get(i);
      if (f == null) {
        throw new IllegalArgumentException("frame " + i + " is null");
      }
      if (i == 0) {
        w = f.getWidth();
        h = f.getHeight();
      } else if (f.getWidth() != w || f.getHeight() != h) {
        throw new IllegalArgumentException(
            "frame "
                + i
                + " is "
                + f.getWidth()
                + "x"
                + f.getHeight()
                + " but frame 0 is "
                + w
                + "x"
                + h
                + "; all frames must have one size");
      }
    }
    return new int[] {w, h};
  }
}
