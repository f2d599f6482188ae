package dev.mediagen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * 3D patchify/unpatchify with kernel 1×p×p (Movie Gen patchifies space only, never time). A token holds
 * one frame's p×p patch of all channels, flattened in (c, py, px) order — the same order as a
 * {@code Conv3d(kernel=stride=(1,p,p))} weight, so a {@link Dense} on patches equals that conv.
 * Tokens are ordered (t, h, w), row-major.
 */
public final class Patches {
  private Patches() {}

  /** (B, C, T, H, W) → (B, T·(H/p)·(W/p), C·p·p). */
  public static NDArray patchify(NDArray x, int p) {
    Shape s = x.getShape();
    long b = s.get(0), c = s.get(1), t = s.get(2), h = s.get(3), w = s.get(4);
    if (h % p != 0 || w % p != 0) {
      throw new IllegalArgumentException(
          "frame size %dx%d must be divisible by the patch size %d".formatted(h, w, p));
    }
    long gh = h / p, gw = w / p;
    return x.reshape(b, c, t, gh, p, gw, p) // (B, C, T, gh, p, gw, p)
        .transpose(0, 2, 3, 5, 1, 4, 6) // (B, T, gh, gw, C, p, p)
        .reshape(b, t * gh * gw, c * p * p);
  }

  /** (B, T·gh·gw, C·p·p) → (B, C, T, gh·p, gw·p); the inverse of {@link #patchify}. */
  public static NDArray unpatchify(NDArray tokens, int channels, int frames, int gh, int gw, int p) {
    long b = tokens.getShape().get(0);
    return tokens
        .reshape(b, frames, gh, gw, channels, p, p) // (B, T, gh, gw, C, p, p)
        .transpose(0, 4, 1, 2, 5, 3, 6) // (B, C, T, gh, p, gw, p)
        .reshape(b, channels, frames, (long) gh * p, (long) gw * p);
  }
}
