package dev.mediagen.edit;

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
import dev.mediagen.world.Split;
import dev.mediagen.world.WorldConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Multi-task instruction-editing training (Emu Edit §3): flow matching on the target image, conditioned on
 * the source image (input channels), the instruction (cross-attention) and the task embedding, with
 * condition dropout for dual classifier-free guidance. Same loop conventions as the video family.
 */
public final class TrainEdit {
  /**
   * What to train and where ({@code resume} and {@code init} may be null).
   *
   * @param init a pixel-space text-to-image/video checkpoint to start from (Emu Edit starts from Emu): its
   *     denoiser and text encoder shapes replace {@code model}'s, see {@link EditInit}
   */
  public record Options(Path out, Path resume, EditModelConfig model, WorldConfig world, EditTrainConfig train,
      double minutes, long maxSteps, Path init) {
    public Options(Path out, Path resume, EditModelConfig model, WorldConfig world, EditTrainConfig train,
        double minutes, long maxSteps) {
      this(out, resume, model, world, train, minutes, maxSteps, null);
    }
  }

  /** Progress callbacks. */
  public interface Listener {
    default void started(long step, long lastStep, String message) {}

    default void step(long step, float loss) {}
  }

  /** Outcome of a run. */
  public record Result(long step, double lastLoss, Path checkpoint) {}

  private TrainEdit() {}

  public static Result run(Options o, Listener listener) throws IOException {
    EditTrainConfig tc = o.train();
    Path ckpt = o.out().resolve("checkpoint");
    WordTokenizer tok = WordTokenizer.fromTexts(vocabularyTexts(o.world()));
    try (NDManager root = NDManager.newBaseManager();
        PromptEncoder prompts = new PromptEncoder(new MiniLmEncoder(), tok, o.model().text().maxWords())) {
      NDManager initScope = root.newSubManager(); // the init checkpoint's tensors live only until they are copied
      VideoCheckpoint.Loaded init = o.init() == null || o.resume() != null ? null
          : VideoCheckpoint.load(VideoCheckpoint.resolve(o.init()), initScope, false);
      EditModel model = new EditModel(init == null ? o.model().withVocab(tok.size())
          : EditInit.config(init.config().model(), tok.size(), o.model().tasks()));
      if (model.config().size() != o.world().size()) {
        throw new IllegalArgumentException("the init checkpoint draws %d px images, the edit world renders %d px"
            .formatted(model.config().size(), o.world().size()));
      }
      model.initialize(root, Seeds.derive(tc.seed(), Seeds.INIT, 0));
      String initMessage = "";
      if (init != null) {
        int words = EditInit.copy(init, model, tok, initScope);
        initMessage = ", from %s (%d of %d words' embeddings)".formatted(o.init(), words, tok.size());
      }
      initScope.close();
      AdamW opt = new AdamW(model, root, 0.9f, 0.99f, 1e-8f, 0.01f);
      Ema ema = new Ema(model, root, tc.emaDecay());
      VideoCheckpoint.State state = new VideoCheckpoint.State(0, 0, 0, List.of(), Double.NaN);
      CpuClock clock = new CpuClock();
      if (o.resume() != null) {
        EditCheckpoint.Loaded ck = EditCheckpoint.load(o.resume(), root, true);
        Resume.requireSame(ck.config().model(), model.config(), "edit model");
        Resume.restore(model, opt, ema, ck.weights(), ck.optimizer(), ck.ema(), ck.state().step());
        state = ck.state();
        clock = new CpuClock(state.cpuSeconds(), state.wallSeconds());
      }
      long step = state.step(), last = Math.min(o.maxSteps(), tc.totalSteps());
      listener.started(step, last, "edit model %,d parameters%s".formatted(model.parameterCount(), initMessage));
      ParameterStore ps = new ParameterStore(root, false);
      EditTasks tasks = new EditTasks(o.world());
      EditMix mix = tc.mix();
      long deadline = o.minutes() > 0 ? System.nanoTime() + (long) (o.minutes() * 60e9) : Long.MAX_VALUE;
      float loss = (float) state.lastLoss();
      while (step < last && System.nanoTime() < deadline) {
        EditBatch b = EditBatch.of(tasks, mix, tc, step, Seeds.DATA, Split.TRAIN);
        PromptEncoder.Host host = prompts.encode(b.instructions());
        try (NDManager m = root.newSubManager()) {
          Shape shape = new Shape(tc.batch(), 3, 1, b.size(), b.size());
          NDArray x1 = Tensors.floats(m, b.target(), shape);
          NDArray src = Tensors.floats(m, b.source(), shape);
          NDArray x0 = Tensors.floats(m, Gaussian.fill(Seeds.rng(tc.seed(), Seeds.NOISE, step), b.target().length), shape);
          NDArray t = Tensors.floats(m, TimeSampler.logitNormal(Seeds.rng(tc.seed(), Seeds.TIME, step), tc.batch(), 0, 1), new Shape(tc.batch()));
          PathSample path = FlowPath.sample(x1, x0, t, FlowPath.SIGMA_MIN);
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray task = model.taskEmbedding(ps, Tensors.ints(m, b.taskIds(), new Shape(tc.batch())), true);
            NDArray v = model.forward(ps, path.xt(), t, PromptEncoder.toArrays(host, m), src, task, true);
            NDArray l = v.sub(path.velocity()).square().mean(); // the flow-matching loss on the edited image
            gc.backward(l);
            loss = l.getFloat();
          }
        }
        if (!Float.isFinite(loss)) throw new AdamW.NonFiniteException("edit loss is " + loss + " at step " + step);
        opt.step(LrSchedule.warmupCosine(step, tc.lr(), tc.lr() * 0.1f, tc.warmup(), tc.totalSteps()), 1f);
        ema.update();
        step++;
        listener.step(step, loss);
        if ((tc.checkpointEvery() > 0 && step % tc.checkpointEvery() == 0) || step >= last || System.nanoTime() >= deadline) {
          state = new VideoCheckpoint.State(step, clock.cpuSeconds(), clock.wallSeconds(), List.of(), loss);
          try (NDManager m = root.newSubManager()) {
            EditCheckpoint.save(ckpt, new EditCheckpoint.Config(1, model.config(), o.world(), tc), tok, state, ema.weights(),
                Weights.snapshot(model, m), opt.state(), false);
          }
        }
      }
      return new Result(step, loss, ckpt);
    }
  }

  /** Instruction words come from the edit templates, captions from the world: both feed the word vocabulary. */
  static List<String> vocabularyTexts(WorldConfig world) {
    EditTasks tasks = new EditTasks(world);
    java.util.SplittableRandom rng = new java.util.SplittableRandom(0);
    List<String> texts = new java.util.ArrayList<>(dev.mediagen.world.Captioner.vocabulary());
    for (EditTask t : EditTask.values()) {
      for (Split s : new Split[] {Split.TRAIN, Split.TEST_SEEN}) {
        for (int i = 0; i < 40; i++) texts.add(tasks.sample(t, rng, s).instruction());
      }
    }
    return texts;
  }
}
