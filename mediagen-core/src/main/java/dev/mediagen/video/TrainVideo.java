package dev.mediagen.video;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.mediagen.flow.FlowPath;
import dev.mediagen.flow.PathSample;
import dev.mediagen.flow.TimeSampler;
import dev.mediagen.nn.Gaussian;
import dev.mediagen.nn.Tensors;
import dev.mediagen.text.MiniLmEncoder;
import dev.mediagen.text.WordTokenizer;
import dev.mediagen.train.AdamW;
import dev.mediagen.train.CpuClock;
import dev.mediagen.train.Ema;
import dev.mediagen.train.LrSchedule;
import dev.mediagen.train.Resume;
import dev.mediagen.train.Seeds;
import dev.mediagen.train.Weights;
import dev.mediagen.world.Captioner;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Split;
import dev.mediagen.world.WorldConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Joint image + video flow-matching training of the text-to-video model (Movie Gen §3.2 at toy scale).
 * One explicit loop: batch → x_t on the path → velocity loss (eq. 2) → AdamW → EMA, with validation loss,
 * sample grids and atomic checkpoints. Resuming reproduces the uninterrupted run exactly, because every
 * random draw is a function of (seed, step) and the optimizer state is saved.
 */
public final class TrainVideo {
  /**
   * What to train and where. {@code resume}, {@code tae} and {@code init} may be null; {@code init} starts a
   * curriculum stage from another checkpoint's EMA weights (positional tables resampled to the new sizes).
   */
  public record Options(
      Path out, Path resume, TextToVideoConfig model, WorldConfig world, VideoTrainConfig train,
      double minutes, long maxSteps, List<Double> snapshotCpuMinutes, Path tae, Path init) {
    public Options {
      snapshotCpuMinutes = List.copyOf(snapshotCpuMinutes);
    }

    public Options(
        Path out, Path resume, TextToVideoConfig model, WorldConfig world, VideoTrainConfig train,
        double minutes, long maxSteps) {
      this(out, resume, model, world, train, minutes, maxSteps, List.of(), null, null);
    }
  }

  /** Progress callbacks (the CLI draws a progress bar with them). */
  public interface Listener {
    default void started(long step, long lastStep, String message) {}

    default void message(String message) {}

    default void step(long step, float loss, float lr, float gradNorm, boolean video) {}

    default void validated(long step, double loss) {}

    default void saved(long step, Path dir) {}
  }

  /** Outcome of a run. */
  public record Result(long step, double lastLoss, double validationLoss, Path checkpoint) {}

  /** A batch prepared on the prefetch thread. */
  private record Prepared(ClipData.Batch batch, PromptEncoder.Host prompts) {}

  private static final int VALIDATION_BATCHES = 4;

  private TrainVideo() {}

  public static Result run(Options o, Listener listener) throws IOException {
    VideoTrainConfig tc = o.train();
    Path ckptDir = o.out().resolve("checkpoint");
    CpuClock clock = new CpuClock();
    ExecutorService prefetch = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "mediagen-prefetch");
      t.setDaemon(true);
      return t;
    });
    try (NDManager root = NDManager.newBaseManager();
        PromptEncoder prompts = new PromptEncoder(new MiniLmEncoder(), tokenizer(o), o.model().text().maxWords(),
            o.model().text().charDim() > 0)) {
      TextToVideo model = new TextToVideo(o.model());
      model.initialize(root, Seeds.derive(tc.seed(), Seeds.INIT, 0));
      AdamW opt = new AdamW(model, root, 0.9f, 0.99f, 1e-8f, tc.weightDecay());
      Ema ema = new Ema(model, root, tc.emaDecay());
      VideoCheckpoint.State state = new VideoCheckpoint.State(0, 0, 0, List.of(), Double.NaN);
      if (o.init() != null && o.resume() == null) {
        try (NDManager m = root.newSubManager()) {
          List<String> resized = Weights.initFrom(VideoCheckpoint.load(VideoCheckpoint.resolve(o.init()), m, false).ema(), model);
          listener.message("initialised from " + o.init() + (resized.isEmpty() ? "" : ", resampled " + resized));
        }
        ema = new Ema(model, root, tc.emaDecay());
      }
      if (o.resume() != null) {
        VideoCheckpoint.Loaded ck = VideoCheckpoint.load(VideoCheckpoint.resolve(o.resume()), root, true);
        Resume.requireSame(ck.config().model(), o.model(), "model");
        Resume.restore(model, opt, ema, ck.weights(), ck.optimizer(), ck.ema(), ck.state().step());
        state = ck.state();
        clock = new CpuClock(state.cpuSeconds(), state.wallSeconds());
      }
      long step = state.step();
      long last = Math.min(o.maxSteps(), tc.totalSteps());
      listener.started(step, last, "model %,d parameters".formatted(model.parameterCount()));
      ParameterStore ps = new ParameterStore(root, false);
      Latent latent = Latent.open(o, root, ps);
      SceneSampler sampler = new SceneSampler(o.world());
      ClipData data = new ClipData(sampler, tc, Split.TRAIN);
      long deadline = o.minutes() > 0 ? System.nanoTime() + (long) (o.minutes() * 60e9) : Long.MAX_VALUE;
      long first = step;
      Future<Prepared> next = step < last ? prefetch.submit(() -> prepare(data, prompts, first)) : null;
      float loss = (float) state.lastLoss();
      double valLoss = Double.NaN;
      while (step < last && System.nanoTime() < deadline) {
        Prepared p = get(next);
        long s = step;
        next = s + 1 < last ? prefetch.submit(() -> prepare(data, prompts, s + 1)) : null;
        loss = trainStep(model, ps, root, p, tc, latent.space());
        if (!Float.isFinite(loss)) {
          throw new AdamW.NonFiniteException("loss is " + loss + " at step " + step + "; nothing was saved for this step");
        }
        float lr = LrSchedule.warmupCosine(step, tc.lr(), tc.lr() * 0.1f, tc.warmup(), tc.totalSteps());
        float gn = opt.step(lr, tc.clip());
        ema.update();
        step++;
        listener.step(step, loss, lr, gn, p.batch().frames() > 1);
        boolean end = step >= last || System.nanoTime() >= deadline;
        if (tc.validateEvery() > 0 && (step % tc.validateEvery() == 0 || end)) {
          valLoss = validationLoss(model, ema, ps, root, sampler, tc, prompts, latent.space());
          state = new VideoCheckpoint.State(step, 0, 0, VideoCheckpoint.append(state.validationLoss(), new double[] {step, valLoss}), loss);
          listener.validated(step, valLoss);
        }
        if (tc.sampleEvery() > 0 && step % tc.sampleEvery() == 0) {
          SampleGrid.write(o.out().resolve("samples"), step, model, ema, prompts, root, o.world(), latent.space());
        }
        for (double minutes : o.snapshotCpuMinutes()) {
          // learning-curve snapshots: EMA weights when the run's CPU time first passes each mark
          Path snap = o.out().resolve("snapshots").resolve("cpu-%04.0fmin".formatted(minutes));
          if (clock.cpuSeconds() >= minutes * 60 && !java.nio.file.Files.exists(snap)) {
            VideoCheckpoint.State st = new VideoCheckpoint.State(step, clock.cpuSeconds(), clock.wallSeconds(), state.validationLoss(), loss);
            VideoCheckpoint.save(snap, new VideoCheckpoint.Config(1, o.model(), o.world(), o.train()), prompts.words(), st,
                ema.weights(), null, null, false, latent.writer());
            listener.saved(step, snap);
          }
        }
        if ((tc.checkpointEvery() > 0 && step % tc.checkpointEvery() == 0) || end) {
          state = new VideoCheckpoint.State(step, clock.cpuSeconds(), clock.wallSeconds(), state.validationLoss(), loss);
          save(ckptDir, o, prompts, state, model, opt, ema, root, latent);
          listener.saved(step, ckptDir);
        }
      }
      return new Result(step, loss, valLoss, ckptDir);
    } finally {
      prefetch.shutdownNow();
    }
  }

  /** The word vocabulary: a resumed run keeps its checkpoint's; a new one is built from the world's captions. */
  private static WordTokenizer tokenizer(Options o) throws IOException {
    if (o.resume() != null) {
      return WordTokenizer.fromJson(java.nio.file.Files.readString(VideoCheckpoint.resolve(o.resume()).resolve(VideoCheckpoint.TOKENIZER)));
    }
    return WordTokenizer.fromWords(Captioner.vocabulary(o.world()));
  }

  /** Renders and encodes one batch (runs on the prefetch thread). */
  private static Prepared prepare(ClipData data, PromptEncoder prompts, long step) {
    ClipData.Batch b = data.batch(step, Seeds.DATA);
    return new Prepared(b, prompts.encode(b.prompts()));
  }

  /** Forward, loss and backward of one step; returns the loss. Gradients stay on the parameters. */
  static float trainStep(
      TextToVideo model, ParameterStore ps, NDManager root, Prepared p, VideoTrainConfig tc, ClipSpace space) {
    ClipData.Batch b = p.batch();
    try (NDManager m = root.newSubManager()) {
      Noised n = noised(m, b, tc.seed(), Seeds.NOISE, Seeds.TIME, tc.uniformTime(), space);
      PathSample path = n.path();
      PromptBatch prompts = PromptEncoder.toArrays(p.prompts(), m);
      NDArray cond = upsamplerCondition(model, m, b);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray v = model.forward(ps, path.xt(), n.t(), prompts, cond, true);
        // Movie Gen eq. 2: regress the path's velocity x1 − (1 − σ)x0 with an MSE
        NDArray loss = v.sub(path.velocity()).square().mean();
        gc.backward(loss);
        return loss.getFloat();
      }
    }
  }

  /** For an upsampler: the batch degraded ×2 and upsampled back, its input condition; else null. */
  private static NDArray upsamplerCondition(TextToVideo model, NDManager m, ClipData.Batch b) {
    if (!model.isUpsampler()) return null;
    NDArray pixels = Tensors.floats(m, b.pixels(), new Shape(b.batch(), 3, b.frames(), b.height(), b.width()));
    return Upsampling.condition(Upsampling.degrade(pixels));
  }

  private static float[] times(ClipData.Batch b, long seed, long stream, double uniformShare) {
    // uniformShare 0 draws exactly the logit-normal stream of earlier runs
    return uniformShare == 0 ? TimeSampler.logitNormal(Seeds.rng(seed, stream, b.step()), b.batch(), 0, 1)
        : TimeSampler.mixed(Seeds.rng(seed, stream, b.step()), b.batch(), uniformShare, 0, 1);
  }

  /** A batch placed on the flow path: x_t, its target velocity, and the times t. */
  private record Noised(PathSample path, NDArray t) {}

  private static Noised noised(
      NDManager m, ClipData.Batch b, long seed, long noiseStream, long timeStream, double uniformTime, ClipSpace space) {
    NDArray pixels = Tensors.floats(m, b.pixels(), new Shape(b.batch(), 3, b.frames(), b.height(), b.width()));
    NDArray x1 = space.encode(pixels); // data in the denoiser's space (pixels or scaled TAE latents)
    Shape shape = x1.getShape();
    NDArray x0 = Tensors.floats(m, Gaussian.fill(Seeds.rng(seed, noiseStream, b.step()), Math.toIntExact(shape.size())), shape);
    NDArray t = Tensors.floats(m, times(b, seed, timeStream, uniformTime), new Shape(b.batch()));
    return new Noised(FlowPath.sample(x1, x0, t, FlowPath.SIGMA_MIN), t);
  }

  /**
   * Flow-matching loss of the EMA weights on fixed held-out batches (validation split, fixed noise and
   * times): Movie Gen's dev metric, which tracks sample quality.
   */
  public static double validationLoss(
      TextToVideo model, Ema ema, ParameterStore ps, NDManager root, SceneSampler sampler, VideoTrainConfig tc,
      PromptEncoder prompts, ClipSpace space) {
    try (NDManager m = root.newSubManager()) {
      Map<String, NDArray> raw = Weights.snapshot(model, m);
      Weights.copyInto(ema.weights(), model);
      try {
        return validationLoss(model, ps, m, sampler, tc, prompts, space);
      } finally {
        Weights.copyInto(raw, model);
      }
    }
  }

  /** The same loss for the model's current weights. */
  public static double validationLoss(
      TextToVideo model, ParameterStore ps, NDManager root, SceneSampler sampler, VideoTrainConfig tc,
      PromptEncoder prompts, ClipSpace space) {
    ClipData val = new ClipData(sampler, tc, Split.VALIDATION);
    double sum = 0;
    try (Tensors.Scope noGrad = Tensors.noGrad()) {
    for (int i = 0; i < VALIDATION_BATCHES; i++) {
      long batchIndex = tc.videoEvery() > 0 ? (long) i * tc.videoEvery() + (i % 2 == 0 ? tc.videoEvery() - 1 : 0) : i;
      ClipData.Batch b = val.batch(batchIndex, Seeds.VALIDATION);
      try (NDManager m = root.newSubManager()) {
        // fixed logit-normal times: validation losses stay comparable across recipes
        Noised n = noised(m, b, tc.seed(), Seeds.VALIDATION + 100, Seeds.VALIDATION + 200, 0, space);
        PathSample path = n.path();
        NDArray v = model.forward(ps, path.xt(), n.t(), PromptEncoder.toArrays(prompts.encode(b.prompts()), m),
            upsamplerCondition(model, m, b), false);
        sum += v.sub(path.velocity()).square().mean().getFloat();
      }
    }
    }
    return sum / VALIDATION_BATCHES;
  }

  private static void save(
      Path dir, Options o, PromptEncoder prompts, VideoCheckpoint.State state, TextToVideo model, AdamW opt, Ema ema,
      NDManager root, Latent latent) throws IOException {
    try (NDManager m = root.newSubManager()) {
      VideoCheckpoint.save(dir, new VideoCheckpoint.Config(1, o.model(), o.world(), o.train()), prompts.words(), state,
          ema.weights(), Weights.snapshot(model, m), opt.state(), false, latent.writer());
    }
  }

  /** The clip space of a run and how a checkpoint carries its frozen TAE (pixel runs: identity, nothing). */
  private record Latent(ClipSpace space, TaeCheckpoint.Loaded tae) {
    static Latent open(Options o, NDManager root, ParameterStore ps) throws IOException {
      TextToVideoConfig.Latent spec = o.model().latent();
      if (spec == null) return new Latent(ClipSpace.PIXELS, null);
      Path dir = o.resume() != null ? VideoCheckpoint.resolve(o.resume()).resolve("tae") : o.tae();
      if (dir == null) throw new IllegalArgumentException("a latent-space model needs a TAE checkpoint (--tae DIR)");
      TaeCheckpoint.Loaded ck = TaeCheckpoint.load(VideoCheckpoint.resolve(dir), root, false);
      if (!ck.config().model().equals(spec.tae())) {
        throw new IllegalArgumentException("TAE " + dir + " is " + ck.config().model() + " but the model expects " + spec.tae());
      }
      TemporalAutoencoder tae = new TemporalAutoencoder(spec.tae());
      tae.initialize(root, 0);
      Weights.copyInto(ck.ema(), tae);
      return new Latent(ClipSpace.latent(tae, spec.scale(), ps), ck);
    }

    /** Writes the frozen TAE into a checkpoint's {@code tae/} directory. */
    dev.mediagen.io.IoConsumer<Path> writer() {
      return tae == null ? null : dir -> TaeCheckpoint.save(dir.resolve("tae"), tae.config(), tae.state(), tae.ema(), null, null, true);
    }
  }

  private static Prepared get(Future<Prepared> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while preparing a batch", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("preparing a batch failed: " + e.getCause().getMessage(), e.getCause());
    }
  }
}
