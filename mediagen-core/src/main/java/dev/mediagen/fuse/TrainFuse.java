package dev.mediagen.fuse;

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
import dev.mediagen.video.PromptEncoder;
import dev.mediagen.video.VideoCheckpoint;
import dev.mediagen.world.Captioner;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Split;
import dev.mediagen.world.WorldConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * X&amp;Fuse training: flow matching on the target image with the conditioning image fused (or, for the
 * baseline, embedded), the loss on the target's tokens only, conditioning dropped at a rate; optionally
 * initialised from a text-to-video checkpoint (the new fusion/embedding weights start fresh). Same loop
 * conventions as the video family: per-step sub-manager, EMA, exact resume, atomic checkpoints.
 */
public final class TrainFuse {
  /**
   * What to train and where.
   *
   * @param resume run or checkpoint to continue, or null
   * @param init text-to-video checkpoint to start from (its shapes, world and tokenizer win), or null
   */
  public record Options(Path out, Path resume, FuseModelConfig model, WorldConfig world, FuseTrainConfig train,
      double minutes, long maxSteps, Path init) {}

  /** Progress callbacks. */
  public interface Listener {
    default void started(long step, long lastStep, String message) {}

    default void step(long step, float loss) {}
  }

  /** Outcome of a run. */
  public record Result(long step, double lastLoss, Path checkpoint, double cpuSeconds) {}

  private TrainFuse() {}

  public static Result run(Options o, Listener listener) throws IOException {
    FuseTrainConfig tc = o.train();
    Path ckpt = o.out().resolve("checkpoint");
    try (NDManager root = NDManager.newBaseManager()) {
      FuseCheckpoint.Loaded resumed = o.resume() == null ? null : FuseCheckpoint.load(o.resume(), root, true);
      VideoCheckpoint.Loaded init = o.init() == null || resumed != null ? null : VideoCheckpoint.load(VideoCheckpoint.resolve(o.init()), root, false);
      FuseModelConfig mc = o.model();
      WorldConfig world = o.world();
      WordTokenizer tok = WordTokenizer.fromWords(Captioner.vocabulary(world));
      String initName = null;
      if (resumed != null) {
        mc = resumed.config().model();
        world = resumed.config().world();
        tok = resumed.tokenizer();
        initName = resumed.config().init();
      } else if (init != null) {
        mc = FuseModelConfig.fromTextToVideo(init.config().model(), o.model().conditioning());
        world = init.config().world();
        tok = init.tokenizer();
        initName = o.init().toString();
      }
      mc = mc.withVocab(tok.size());
      FuseModel model = new FuseModel(mc);
      model.initialize(root, Seeds.derive(tc.seed(), Seeds.INIT, 0));
      String initMessage = init == null ? "" : ", " + copyMatching(init.ema(), model) + " tensors from " + o.init();
      AdamW opt = new AdamW(model, root, 0.9f, 0.99f, 1e-8f, 0.01f);
      Ema ema = new Ema(model, root, tc.emaDecay());
      VideoCheckpoint.State state = new VideoCheckpoint.State(0, 0, 0, List.of(), Double.NaN);
      CpuClock clock = new CpuClock();
      if (resumed != null) {
        Resume.requireSame(resumed.config().train(), tc, "training recipe");
        Resume.restore(model, opt, ema, resumed.weights(), resumed.optimizer(), resumed.ema(), resumed.state().step());
        state = resumed.state();
        clock = new CpuClock(state.cpuSeconds(), state.wallSeconds());
      }
      try (PromptEncoder prompts = new PromptEncoder(new MiniLmEncoder(), tok, mc.text().maxWords())) {
        RetrievalBank bank = resumed != null ? resumed.bank() : RetrievalBank.build(world, tc.bankSize(), tc.seed(), prompts.frozen()::pooled);
        long step = state.step(), last = Math.min(o.maxSteps(), tc.totalSteps());
        listener.started(step, last, "fuse model (%s) %,d parameters%s".formatted(mc.conditioning(), model.parameterCount(), initMessage));
        ParameterStore ps = new ParameterStore(root, false);
        SceneSampler sampler = new SceneSampler(world);
        long deadline = o.minutes() > 0 ? System.nanoTime() + (long) (o.minutes() * 60e9) : Long.MAX_VALUE;
        float loss = (float) state.lastLoss();
        FuseCheckpoint.Config config = new FuseCheckpoint.Config(1, mc, world, tc, initName);
        while (step < last && System.nanoTime() < deadline) {
          FuseBatch b = FuseBatch.of(sampler, bank, prompts.frozen()::pooled, tc, step, Seeds.DATA, Split.TRAIN);
          PromptEncoder.Host host = prompts.encode(b.prompts());
          loss = step(model, ps, root, b, host, tc, step);
          if (!Float.isFinite(loss)) throw new AdamW.NonFiniteException("fuse loss is " + loss + " at step " + step);
          opt.step(LrSchedule.warmupCosine(step, tc.lr(), tc.lr() * 0.1f, tc.warmup(), tc.totalSteps()), 1f);
          ema.update();
          step++;
          listener.step(step, loss);
          if ((tc.checkpointEvery() > 0 && step % tc.checkpointEvery() == 0) || step >= last || System.nanoTime() >= deadline) {
            state = new VideoCheckpoint.State(step, clock.cpuSeconds(), clock.wallSeconds(), List.of(), loss);
            try (NDManager m = root.newSubManager()) {
              FuseCheckpoint.save(ckpt, config, tok, state, ema.weights(), Weights.snapshot(model, m), opt.state(), bank);
            }
          }
        }
        return new Result(step, loss, ckpt, clock.cpuSeconds());
      }
    }
  }

  /** One gradient step's forward and backward; returns the loss (the flow-matching MSE on the targets). */
  static float step(FuseModel model, ParameterStore ps, NDManager root, FuseBatch b, PromptEncoder.Host host, FuseTrainConfig tc, long step) {
    int n = b.prompts().size(), k = b.conditioned(), s = b.size();
    try (NDManager m = root.newSubManager()) {
      Shape shape = new Shape(n, 3, 1, s, s);
      NDArray x1 = Tensors.floats(m, b.target(), shape);
      NDArray cond = k == 0 ? null : Tensors.floats(m, b.cond(), new Shape(k, 3, 1, s, s));
      NDArray x0 = Tensors.floats(m, Gaussian.fill(Seeds.rng(tc.seed(), Seeds.NOISE, step), b.target().length), shape);
      NDArray t = Tensors.floats(m, TimeSampler.mixed(Seeds.rng(tc.seed(), Seeds.TIME, step), n, 0.5, 0, 1), new Shape(n));
      PathSample path = FlowPath.sample(x1, x0, t, FlowPath.SIGMA_MIN);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        var ctx = model.encode(ps, PromptEncoder.toArrays(host, m), true);
        NDArray v = model.velocity(ps, path.xt(), t, ctx, cond, true); // target tokens only: X is never predicted
        NDArray l = v.sub(path.velocity()).square().mean();
        gc.backward(l);
        return l.getFloat();
      }
    }
  }

  /**
   * Copies every tensor of {@code source} whose name and shape the model has; the model's tensors it lacks
   * must be the new conditioning weights (fusion embedding, image embedder), anything else is an error.
   *
   * @return the number of tensors copied
   */
  static int copyMatching(Map<String, NDArray> source, FuseModel model) {
    int copied = 0;
    for (var e : model.namedParameters().entrySet()) {
      NDArray src = source.get(e.getKey());
      if (src != null && src.getShape().equals(e.getValue().shape())) {
        src.copyTo(e.getValue().array());
        copied++;
      } else if (!e.getKey().equals("denoiser.fuse_embed") && !e.getKey().startsWith("image_embed.")) {
        throw new IllegalArgumentException("cannot initialise %s from the text-to-video checkpoint: %s".formatted(e.getKey(),
            src == null ? "missing" : "shape " + src.getShape() + " vs " + e.getValue().shape()));
      }
    }
    return copied;
  }
}
