package dev.mediagen.video;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Gaussian;
import dev.mediagen.nn.Tensors;
import dev.mediagen.train.AdamW;
import dev.mediagen.train.CpuClock;
import dev.mediagen.train.Ema;
import dev.mediagen.train.LrSchedule;
import dev.mediagen.train.Resume;
import dev.mediagen.train.Seeds;
import dev.mediagen.train.Weights;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Split;
import dev.mediagen.world.WorldConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains the temporal autoencoder on ShapesWorld images and clips (1:3, Movie Gen §3.1.1) with the loss
 * of {@link TaeLoss}. Same conventions as {@link TrainVideo}: one explicit loop, a sub-manager per step,
 * every random draw a function of (seed, step), atomic checkpoints and exact resume.
 */
public final class TrainTae {
  /**
   * What to train and where. {@code resume} continues a run (its optimiser, EMA and step); {@code init} starts a
   * new stage from another run's EMA weights with this recipe's schedule (ignored when resuming). Either may be null.
   */
  public record Options(Path out, Path resume, TaeConfig model, WorldConfig world, TaeTrainConfig train, double minutes,
      long maxSteps, Path init) {}

  /** Progress callbacks. */
  public interface Listener {
    default void started(long step, long lastStep, String message) {}

    default void step(long step, float loss, float reconstruction, float outlier, boolean video) {}
  }

  /** Outcome of a run. */
  public record Result(long step, double lastLoss, Path checkpoint) {}

  private TrainTae() {}

  public static Result run(Options o, Listener listener) throws IOException {
    TaeTrainConfig tc = o.train();
    Path ckptDir = o.out().resolve("checkpoint");
    try (NDManager root = NDManager.newBaseManager()) {
      TemporalAutoencoder tae = new TemporalAutoencoder(o.model());
      tae.initialize(root, Seeds.derive(tc.seed(), Seeds.INIT, 0));
      AdamW opt = new AdamW(tae, root, 0.9f, 0.99f, 1e-8f, 0f);
      if (o.init() != null && o.resume() == null) {
        try (NDManager m = root.newSubManager()) {
          TaeCheckpoint.Loaded ck = TaeCheckpoint.load(VideoCheckpoint.resolve(o.init()), m, false);
          Resume.requireSame(ck.config().model(), o.model(), "TAE");
          Weights.copyInto(ck.ema(), tae);
        }
      }
      Ema ema = new Ema(tae, root, 0.999f); // starts at the initial weights (a stage's: the earlier run's EMA)
      VideoCheckpoint.State state = new VideoCheckpoint.State(0, 0, 0, List.of(), Double.NaN);
      CpuClock clock = new CpuClock();
      if (o.resume() != null) {
        TaeCheckpoint.Loaded ck = TaeCheckpoint.load(VideoCheckpoint.resolve(o.resume()), root, true);
        Resume.requireSame(ck.config().model(), o.model(), "TAE");
        Resume.restore(tae, opt, ema, ck.weights(), ck.optimizer(), ck.ema(), ck.state().step());
        state = ck.state();
        clock = new CpuClock(state.cpuSeconds(), state.wallSeconds());
      }
      long step = state.step();
      long last = Math.min(o.maxSteps(), tc.totalSteps());
      listener.started(step, last, "TAE %,d parameters".formatted(tae.parameterCount()));
      ParameterStore ps = new ParameterStore(root, false);
      SceneSampler sampler = new SceneSampler(o.world());
      long deadline = o.minutes() > 0 ? System.nanoTime() + (long) (o.minutes() * 60e9) : Long.MAX_VALUE;
      float loss = (float) state.lastLoss();
      while (step < last && System.nanoTime() < deadline) {
        boolean video = tc.isVideoStep(step);
        List<Scene> scenes = scenes(sampler, Split.TRAIN, video ? tc.videoBatch() : tc.imageBatch(), video, tc.frames(),
            Seeds.rng(tc.seed(), Seeds.DATA, step));
        float rec, opl;
        try (NDManager m = root.newSubManager()) {
          NDArray x = clips(m, scenes);
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            TemporalAutoencoder.Posterior q = tae.encode(ps, x, true);
            NDArray z = sample(q, m, Seeds.rng(tc.seed(), Seeds.NOISE, step));
            TaeLoss.Terms terms = TaeLoss.of(tae.decode(ps, z, true), x, q, z, o.model());
            gc.backward(terms.total());
            loss = terms.total().getFloat();
            rec = terms.reconstruction().getFloat();
            opl = terms.outlier().getFloat();
          }
        }
        if (!Float.isFinite(loss)) throw new AdamW.NonFiniteException("TAE loss is " + loss + " at step " + step);
        opt.step(LrSchedule.warmupCosine(step, tc.lr(), tc.lr() * 0.05f, tc.warmup(), tc.totalSteps()), 1f);
        ema.update();
        step++;
        listener.step(step, loss, rec, opl, video);
        boolean end = step >= last || System.nanoTime() >= deadline;
        if ((tc.checkpointEvery() > 0 && step % tc.checkpointEvery() == 0) || end) {
          state = new VideoCheckpoint.State(step, clock.cpuSeconds(), clock.wallSeconds(), List.of(), loss);
          try (NDManager m = root.newSubManager()) {
            TaeCheckpoint.save(ckptDir, new TaeCheckpoint.Config(1, o.model(), o.world(), tc), state, ema.weights(),
                Weights.snapshot(tae, m), opt.state(), false);
          }
        }
      }
      return new Result(step, loss, ckptDir);
    }
  }

  /** Scenes of one batch: images, or clips of {@code frames} frames. */
  static List<Scene> scenes(SceneSampler sampler, Split split, int n, boolean video, int frames, SplittableRandom rng) {
    SceneSampler s = video && sampler.config().frames() != frames ? new SceneSampler(sampler.config().withFrames(frames)) : sampler;
    List<Scene> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(s.sample(rng, split, video));
    return out;
  }

  /** Rendered scenes as a (B, 3, T, H, W) tensor in [−1, 1]. */
  static NDArray clips(NDManager m, List<Scene> scenes) {
    Scene f = scenes.get(0);
    return Tensors.floats(m, ClipData.pixels(scenes), new Shape(scenes.size(), 3, f.frames(), f.height(), f.width()));
  }

  /** z = μ + σ·ε with ε drawn on the host from {@code rng} (the reparameterisation trick). */
  static NDArray sample(TemporalAutoencoder.Posterior q, NDManager m, SplittableRandom rng) {
    float[] eps = Gaussian.fill(rng, Math.toIntExact(q.mean().getShape().size()));
    NDArray noise = Tensors.floats(m, eps, q.mean().getShape());
    return q.mean().add(q.logVar().mul(Tensors.scalar(m, 0.5f)).exp().mul(noise));
  }
}
