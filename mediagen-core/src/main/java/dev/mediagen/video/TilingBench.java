package dev.mediagen.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.mediagen.io.ProcessMemory;
import dev.mediagen.nn.Tensors;
import dev.mediagen.train.Seeds;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Split;
import java.io.IOException;
import java.util.List;

/**
 * One measurement of {@code bench/tae-tiling}: Movie Gen's temporal tiling at inference (§3.1.1)
 * against decoding a video's latents whole. A held-out clip of {@code frames} frames is encoded in
 * non-overlapping tiles of {@value #ENCODE_TILE} frames, then decoded either whole ({@code tiled}
 * false) or in latent tiles of {@code tileLatent} frames overlapping by {@code overlapLatent},
 * blended linearly ({@link TaeTiling#decode}).
 *
 * <p>Memory: the decode's peak resident memory — after one warm-up decode, the high-water mark is
 * reset just before the measured one ({@link ProcessMemory#resetPeak}) and read after, minus the
 * mark right after the reset (the resident size then); run one configuration per fresh JVM, with a
 * pre-touched heap. Quality: mean squared error per frame against the clip ([0, 1]
 * scale), averaged over the seam frames (those two tiles decode, {@link TaeTiling#seams}) and over
 * the others; an untiled run reports the same frames, so the seam ratio compares like with like.
 *
 * @param decodePeakMb peak resident memory of the decode above the resident size when it started
 * @param peakReset false when the kernel refused the reset (the peak then includes model loading)
 * @param seamMse MSE on the seam frames (NaN when the tiling has none)
 * @param otherMse MSE on the other frames
 */
public record TilingBench(
    String mode, int frames, int tileLatent, int overlapLatent, double rssBeforeMb, double decodePeakMb,
    boolean peakReset, double decodeMs, double psnr, double seamMse, double otherMse) {

  /** Raw frames per encoding tile (the tiles the TAE was trained on). */
  public static final int ENCODE_TILE = 8;

  /** Measures one configuration on the clip drawn from {@code sampler}'s validation split with {@code seed}. */
  public static TilingBench run(
      TemporalAutoencoder tae, SceneSampler sampler, int frames, boolean tiled, int tileLatent, int overlapLatent,
      long seed) throws IOException {
    int tf = tae.config().temporalFactor();
    if (frames % ENCODE_TILE != 0) {
      throw new IllegalArgumentException("frames must be a multiple of " + ENCODE_TILE + ", got " + frames);
    }
    // a held-out clip drawn at a training length, then rendered for as long as asked
    int drawn = sampler.config().frames();
    Scene clip = TrainTae.scenes(sampler, Split.VALIDATION, 1, true, drawn, Seeds.rng(seed, Seeds.VALIDATION, 0)).get(0);
    List<Scene> scenes = List.of(clip.withFrames(frames));
    try (NDManager m = NDManager.newBaseManager(); Tensors.Scope noGrad = Tensors.noGrad()) {
      ParameterStore ps = new ParameterStore(m, false);
      NDArray x = TrainTae.clips(m, scenes); // (1, 3, T, H, W) in [−1, 1]
      NDArray z = TaeTiling.encode(tae, ps, x, ENCODE_TILE); // (1, C, T/f_t, h, w)
      int latentFrames = frames / tf;
      float[] pixels = x.toFloatArray();
      // a warm-up decode: the JIT and the allocators' small-object pools settle, so the measured one
      // counts the decode's own buffers (large ones are mapped and unmapped per use)
      try (NDManager warm = m.newSubManager()) {
        NDArray zw = z.duplicate();
        zw.attach(warm);
        (tiled ? TaeTiling.decode(tae, ps, zw, tileLatent, overlapLatent) : tae.decode(ps, zw, false)).toFloatArray();
      }
      System.gc();
      double before = ProcessMemory.residentMb();
      boolean reset = ProcessMemory.resetPeak();
      double base = ProcessMemory.peakMb(); // the mark just after the reset: peak − base ≥ 0 whatever the GC frees
      long t0 = System.nanoTime();
      NDArray y = tiled ? TaeTiling.decode(tae, ps, z, tileLatent, overlapLatent) : tae.decode(ps, z, false);
      double ms = (System.nanoTime() - t0) / 1e6;
      // the decode's own, its output included; the kernel raises VmHWM lazily (pages the GC hands back without an
      // unmap do not count), so the mark can read a little below its base: that is no memory at all
      double peak = Math.max(0, ProcessMemory.peakMb() - base);
      float[] out = y.clip(-1f, 1f).toFloatArray();
      double[] frameMse = frameMse(pixels, out, frames);
      boolean[] seams = TaeTiling.seams(latentFrames, tileLatent, overlapLatent);
      double seam = 0, other = 0, all = 0;
      int nSeam = 0, nOther = 0;
      for (int f = 0; f < frames; f++) {
        all += frameMse[f];
        if (seams[f / tf]) {
          seam += frameMse[f];
          nSeam++;
        } else {
          other += frameMse[f];
          nOther++;
        }
      }
      return new TilingBench(tiled ? "tiled" : "untiled", frames, tileLatent, overlapLatent, before, peak, reset, ms,
          10 * Math.log10(frames / all), nSeam == 0 ? Double.NaN : seam / nSeam, nOther == 0 ? Double.NaN : other / nOther);
    }
  }

  /** Per-frame MSE on the [0, 1] scale of two (1, 3, T, H, W) videos given as [−1, 1] floats. */
  static double[] frameMse(float[] a, float[] b, int frames) {
    if (a.length != b.length || a.length % (3 * frames) != 0) {
      throw new IllegalArgumentException("videos of %d and %d values, %d frames".formatted(a.length, b.length, frames));
    }
    int plane = a.length / (3 * frames);
    double[] out = new double[frames];
    for (int c = 0; c < 3; c++) {
      for (int f = 0; f < frames; f++) {
        int o = (c * frames + f) * plane;
        for (int i = 0; i < plane; i++) {
          double d = (a[o + i] - b[o + i]) / 2.0;
          out[f] += d * d / (3.0 * plane);
        }
      }
    }
    return out;
  }
}
