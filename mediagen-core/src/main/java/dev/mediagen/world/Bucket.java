package dev.mediagen.world;

/**
 * One latent shape of the training data: canvas width × height and clip length. Movie Gen buckets
 * its data by aspect ratio and duration so that every batch has one latent shape (papers-media.md
 * §1.1 f); a sampler draws a scene for a given bucket with {@link
 * SceneSampler#sample(java.util.SplittableRandom, Split, Bucket)}. Sides are multiples of 8 so an
 * 8×-down-sampling autoencoder gives whole latent cells; {@code frames == 1} is an image bucket.
 *
 * @param width canvas width in pixels, a multiple of 8 in [16, 256]
 * @param height canvas height in pixels, a multiple of 8 in [16, 256]
 * @param frames clip length in frames, in [1, 16] (1 = image)
 */
public record Bucket(int width, int height, int frames) {
  public Bucket {
    checkSide("width", width);
    checkSide("height", height);
    if (frames < 1 || frames > 16) {
      throw new IllegalArgumentException("bucket frames %d out of range [1, 16]".formatted(frames));
    }
  }

  private static void checkSide(String name, int v) {
    if (v < 16 || v > 256 || v % 8 != 0) {
      throw new IllegalArgumentException(
          "bucket %s %d invalid: must be a multiple of 8 in [16, 256]".formatted(name, v));
    }
  }

  /** The image bucket of the same canvas. */
  public Bucket asImage() {
    return new Bucket(width, height, 1);
  }

  /** True when the bucket holds videos (more than one frame). */
  public boolean video() {
    return frames > 1;
  }

  /** Shorter side, the length object sizes scale with. */
  public int canvas() {
    return Math.min(width, height);
  }
}
