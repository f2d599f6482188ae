package dev.mediagen.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Tensors;
import java.util.ArrayList;
import java.util.List;

/**
 * Temporal tiling for long videos (Movie Gen §3.1.1 inference): encode tiles of raw frames <b>without
 * overlap</b>, decode overlapping latent tiles and <b>blend them linearly</b> where they overlap. Each tile
 * runs in its own scope, so peak memory depends on the tile, not on the video's length.
 */
public final class TaeTiling {
  private TaeTiling() {}

  /**
   * @param x (B, 3, T, H, W), T a multiple of {@code tileFrames}
   * @param tileFrames raw frames per tile, a multiple of the temporal compression
   * @return latent means (B, C, T/f_t, H/f_s, W/f_s) on x's manager
   */
  public static NDArray encode(TemporalAutoencoder tae, ParameterStore ps, NDArray x, int tileFrames) {
    long t = x.getShape().get(2);
    int tf = tae.config().temporalFactor();
    if (tileFrames < tf || tileFrames % tf != 0 || t % tileFrames != 0) {
      throw new IllegalArgumentException("clip of %d frames cannot be tiled by %d frames (tiles must divide it and be multiples of %d)"
          .formatted(t, tileFrames, tf));
    }
    NDManager owner = x.getManager();
    NDList parts = new NDList();
    try (Tensors.Scope noGrad = Tensors.noGrad()) {
    for (long s = 0; s < t; s += tileFrames) {
      try (NDManager m = owner.newSubManager()) {
        NDArray tile = x.get(":, :, " + s + ":" + (s + tileFrames));
        tile.attach(m);
        NDArray mean = tae.encode(ps, tile, false).mean();
        mean.attach(owner);
        parts.add(mean);
      }
    }
    }
    NDArray z = ai.djl.ndarray.NDArrays.concat(parts, 2);
    parts.forEach(p -> {
      if (p != z) p.close();
    });
    return z;
  }

  /**
   * @param z (B, C, T', H', W') latents
   * @param tileLatent latent frames per decoded tile
   * @param overlapLatent latent frames shared by neighbouring tiles (blended linearly)
   * @return (B, 3, T'·f_t, H, W) on z's manager
   */
  public static NDArray decode(TemporalAutoencoder tae, ParameterStore ps, NDArray z, int tileLatent, int overlapLatent) {
    Shape s = z.getShape();
    int tl = (int) s.get(2), tf = tae.config().temporalFactor();
    if (tileLatent < 1 || overlapLatent < 0 || overlapLatent >= tileLatent) {
      throw new IllegalArgumentException("tile %d and overlap %d latent frames: need tile >= 1 and 0 <= overlap < tile"
          .formatted(tileLatent, overlapLatent));
    }
    try (Tensors.Scope noGrad = Tensors.noGrad()) {
      return decodeTiles(tae, ps, z, tileLatent, overlapLatent);
    }
  }

  /**
   * First latent frame of each decoded tile: every {@code tile − overlap} frames, the last tile moved
   * back to end at the last frame; one tile when the video fits in one.
   */
  public static List<Integer> tileStarts(int latentFrames, int tileLatent, int overlapLatent) {
    List<Integer> out = new ArrayList<>();
    if (latentFrames <= tileLatent) {
      out.add(0);
      return out;
    }
    for (int start = 0; ; start += tileLatent - overlapLatent) {
      int from = Math.min(start, latentFrames - tileLatent);
      out.add(from);
      if (from + tileLatent >= latentFrames) {
        return out;
      }
    }
  }

  /** Latent frames decoded by two or more tiles (where tiles are blended: the seams). */
  public static boolean[] seams(int latentFrames, int tileLatent, int overlapLatent) {
    int[] cover = new int[latentFrames];
    for (int from : tileStarts(latentFrames, tileLatent, overlapLatent)) {
      for (int f = from; f < Math.min(latentFrames, from + tileLatent); f++) cover[f]++;
    }
    boolean[] out = new boolean[latentFrames];
    for (int f = 0; f < latentFrames; f++) out[f] = cover[f] > 1;
    return out;
  }

  private static NDArray decodeTiles(TemporalAutoencoder tae, ParameterStore ps, NDArray z, int tileLatent, int overlapLatent) {
    Shape s = z.getShape();
    int tl = (int) s.get(2), tf = tae.config().temporalFactor();
    if (tl <= tileLatent) return tae.decode(ps, z, false);
    long b = s.get(0), h = s.get(3) * tae.config().spatialFactor(), w = s.get(4) * tae.config().spatialFactor();
    int frames = tl * tf, plane = (int) (h * w);
    float[] acc = new float[(int) (b * 3 * frames * plane)];
    float[] weight = new float[frames];
    for (int from : tileStarts(tl, tileLatent, overlapLatent)) {
      float[] tile;
      try (NDManager m = z.getManager().newSubManager()) {
        NDArray part = z.get(":, :, " + from + ":" + (from + tileLatent));
        part.attach(m);
        tile = tae.decode(ps, part, false).toFloatArray(); // (B, 3, tileLatent·f_t, H, W)
      }
      int tileFrames = tileLatent * tf, ramp = overlapLatent * tf;
      for (int f = 0; f < tileFrames; f++) {
        // linear ramps over the overlapped frames at each interior tile edge
        float wIn = from > 0 && f < ramp ? (f + 1f) / (ramp + 1f) : 1f;
        float wOut = from + tileLatent < tl && f >= tileFrames - ramp ? (tileFrames - f) / (ramp + 1f) : 1f;
        float wf = Math.min(wIn, wOut);
        int g = from * tf + f;
        weight[g] += wf;
        for (int bc = 0; bc < b * 3; bc++) {
          int src = (bc * tileFrames + f) * plane, dst = (bc * frames + g) * plane;
          for (int i = 0; i < plane; i++) acc[dst + i] += wf * tile[src + i];
        }
      }
    }
    for (int bc = 0; bc < b * 3; bc++) {
      for (int g = 0; g < frames; g++) {
        int dst = (bc * frames + g) * plane;
        for (int i = 0; i < plane; i++) acc[dst + i] /= weight[g];
      }
    }
    return Tensors.floats(z.getManager(), acc, new Shape(b, 3, frames, h, w));
  }
}
