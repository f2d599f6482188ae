package dev.mediagen.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.mediagen.train.Seeds;
import dev.mediagen.world.AccuracyTally;
import dev.mediagen.world.Checker;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Split;
import dev.mediagen.world.Video;
import java.util.List;

/**
 * Round-trip quality of a temporal autoencoder on held-out ShapesWorld clips: PSNR, the share of checker
 * attributes preserved, the worst local (8×8-patch) reconstruction error and the share of latent values
 * beyond 3σ (the outlier-penalty ablation's statistics).
 */
public final class EvalTae {
  /** Round-trip metrics; PSNR in dB over [0, 1] pixels. */
  public record Result(int clips, int frames, double psnr, double attributesPreserved, double allCorrect,
      double worstPatchError, double outlierShare) {}

  private EvalTae() {}

  public static Result run(TemporalAutoencoder tae, SceneSampler sampler, int clips, int frames, long seed, int batch) {
    SceneSampler s = new SceneSampler(sampler.config().withFrames(frames));
    Checker checker = new Checker();
    AccuracyTally tally = new AccuracyTally();
    double sqErr = 0, worst = 0, outliers = 0;
    long values = 0;
    int batches = 0;
    try (NDManager m = NDManager.newBaseManager();
        dev.mediagen.nn.Tensors.Scope noGrad = dev.mediagen.nn.Tensors.noGrad()) {
      ParameterStore ps = new ParameterStore(m, false);
      for (int from = 0; from < clips; from += batch) {
        List<Scene> scenes = TrainTae.scenes(s, Split.VALIDATION, Math.min(batch, clips - from), frames > 1, frames,
            Seeds.rng(seed, Seeds.VALIDATION, from));
        try (NDManager step = m.newSubManager()) {
          NDArray x = TrainTae.clips(step, scenes);
          NDArray z = tae.encode(ps, x, false).mean();
          NDArray y = tae.decode(ps, z, false).clip(-1f, 1f);
          float[] a = x.toFloatArray(), b = y.toFloatArray();
          for (int i = 0; i < a.length; i++) {
            double d = (a[i] - b[i]) / 2.0; // [−1, 1] → [0, 1] scale
            sqErr += d * d;
          }
          values += a.length;
          worst = Math.max(worst, worstPatch(x, y));
          outliers += TaeLoss.outlierShare(z, 3f);
          batches++;
          int t = scenes.get(0).frames(), h = scenes.get(0).height(), w = scenes.get(0).width();
          for (int i = 0; i < scenes.size(); i++) {
            Video v = ClipData.toVideo(b, i * 3 * t * h * w, t, h, w);
            tally.add(checker.check(scenes.get(i), v));
          }
        }
      }
    }
    double mse = sqErr / values;
    double preserved = (tally.colour() + tally.shape() + tally.size() + tally.texture() + tally.position() + tally.count()
        + (Double.isNaN(tally.motion()) ? 0 : tally.motion())) / (Double.isNaN(tally.motion()) ? 6 : 7);
    return new Result(clips, frames, 10 * Math.log10(1 / mse), preserved, tally.allCorrect(), worst, outliers / batches);
  }

  /** Largest mean absolute error of any 8×8 patch of any frame, on the [0, 1] scale. */
  static double worstPatch(NDArray x, NDArray y) {
    var s = x.getShape();
    long h = s.get(3), w = s.get(4), p = Math.min(8, Math.min(h, w));
    NDArray err = x.sub(y).abs().div(2f).reshape(s.get(0), s.get(1), s.get(2), h / p, p, w / p, p);
    return err.mean(new int[] {6}).mean(new int[] {4}).mean(new int[] {1}).max().getFloat();
  }
}
