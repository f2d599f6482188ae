package dev.mediagen.coref;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Ops;
import dev.mediagen.nn.Tensors;
import dev.mediagen.train.AdamW;
import dev.mediagen.train.CpuClock;
import dev.mediagen.train.Ema;
import dev.mediagen.train.LrSchedule;
import dev.mediagen.train.Seeds;
import dev.mediagen.train.Weights;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * s2e training (one document crop per step) in the project's loop style: forward → marginal
 * log-likelihood (+ optional mention loss) → AdamW (β2 0.98, ε 1e-6 as the paper) → EMA, with
 * dev-set CoNLL F1, atomic checkpoints ({@code OUT/checkpoint}) and a copy of the best-on-dev
 * weights ({@code OUT/best}, the paper's {@code save_if_best}). Every random draw is a function of
 * (seed, step), and the optimizer and EMA are saved, so a resumed run repeats an uninterrupted one.
 */
public final class TrainCoref {
  /** What to train, on what, and where. {@code resume} may be null. */
  public record Options(
      Path out, Path resume, S2eConfig model, CorefTrainConfig train, WordStatesConfig states,
      List<CorefExample> trainSet, List<CorefDocument> devDocs, List<float[]> devStates,
      double minutes, long maxSteps) {
    public Options {
      trainSet = List.copyOf(trainSet);
      devDocs = List.copyOf(devDocs);
      devStates = List.copyOf(devStates);
      if (trainSet.isEmpty()) {
        throw new IllegalArgumentException("the training set is empty");
      }
    }
  }

  /** Progress callbacks (the CLI draws a progress bar with them). */
  public interface Listener {
    default void started(long step, long lastStep, String message) {}

    default void step(long step, float loss, float lr, float gradNorm) {}

    default void validated(long step, double devF1) {}

    default void saved(long step, Path dir) {}
  }

  /** Outcome of a run. */
  public record Result(long step, double lastLoss, double devF1, double bestDevF1, Path checkpoint) {}

  private TrainCoref() {}

  public static Result run(Options o, Listener listener) throws IOException {
    CorefTrainConfig tc = o.train();
    Path ckptDir = o.out().resolve("checkpoint");
    CpuClock clock = new CpuClock();
    try (NDManager root = NDManager.newBaseManager()) {
      S2eCoref model = new S2eCoref(o.model());
      model.initialize(root, Seeds.derive(tc.seed(), Seeds.INIT, 0));
      AdamW opt = new AdamW(model, root, 0.9f, 0.98f, 1e-6f, tc.weightDecay());
      Ema ema = tc.emaDecay() > 0 ? new Ema(model, root, tc.emaDecay()) : null;
      CorefCheckpoint.State state = new CorefCheckpoint.State(0, 0, 0, Double.NaN, List.of(), Double.NaN, -1);
      if (o.resume() != null) {
        CorefCheckpoint.Loaded ck = CorefCheckpoint.load(CorefCheckpoint.resolve(o.resume()), root, true);
        if (!ck.config().model().equals(o.model()) || !ck.config().states().equals(o.states())) {
          throw new IllegalArgumentException(
              "cannot resume: checkpoint model %s / states %s differ from %s / %s"
                  .formatted(ck.config().model(), ck.config().states(), o.model(), o.states()));
        }
        Weights.copyInto(ck.raw(), model);
        opt.loadState(ck.optimizer());
        opt.setStepCount(ck.state().step());
        if (ema != null) {
          ema.load(ck.weights());
        }
        state = ck.state();
        clock = new CpuClock(state.cpuSeconds(), state.wallSeconds());
      }
      long step = state.step();
      long last = Math.min(o.maxSteps(), tc.totalSteps());
      listener.started(step, last, "s2e model %,d parameters, %d training documents, %d dev documents"
          .formatted(model.parameterCount(), o.trainSet().size(), o.devDocs().size()));
      ParameterStore ps = new ParameterStore(root, false);
      long deadline = o.minutes() > 0 ? System.nanoTime() + (long) (o.minutes() * 60e9) : Long.MAX_VALUE;
      float loss = (float) state.lastLoss();
      double devF1 = Double.NaN;
      while (step < last && System.nanoTime() < deadline) {
        CorefExample ex = example(o.trainSet(), tc, step);
        loss = trainStep(model, ps, root, ex, tc.seed(), step);
        if (!Float.isFinite(loss)) {
          throw new AdamW.NonFiniteException("loss is " + loss + " at step " + step + " (" + ex.name() + ")");
        }
        float lr = LrSchedule.warmupCosine(step, tc.lr(), tc.lr() * 0.1f, tc.warmup(), tc.totalSteps());
        float gn = opt.step(lr, tc.clip());
        if (ema != null) {
          ema.update();
        }
        step++;
        listener.step(step, loss, lr, gn);
        boolean end = step >= last || System.nanoTime() >= deadline;
        state = new CorefCheckpoint.State(
            step, clock.cpuSeconds(), clock.wallSeconds(), loss, state.dev(), state.bestDevF1(), state.bestStep());
        CorefCheckpoint.Config config = new CorefCheckpoint.Config(CorefCheckpoint.FORMAT, o.model(), o.states(), tc);
        if (!o.devDocs().isEmpty() && ((tc.validateEvery() > 0 && step % tc.validateEvery() == 0) || end)) {
          devF1 = devF1(model, ema, ps, root, o.devDocs(), o.devStates());
          double bestBefore = state.bestDevF1();
          state = state.withDev(step, devF1);
          listener.validated(step, devF1);
          if (!(devF1 <= bestBefore)) {
            try (NDManager m = root.newSubManager()) {
              CorefCheckpoint.save(o.out().resolve("best"), config, state, evalWeights(model, ema, m), null, null, false);
            }
          }
        }
        if ((tc.checkpointEvery() > 0 && step % tc.checkpointEvery() == 0) || end) {
          try (NDManager m = root.newSubManager()) {
            CorefCheckpoint.save(ckptDir, config, state, evalWeights(model, ema, m), Weights.snapshot(model, m),
                opt.state(), false);
          }
          listener.saved(step, ckptDir);
        }
      }
      return new Result(step, loss, devF1, state.bestDevF1(), ckptDir);
    }
  }

  /** The crop trained at {@code step}: documents in a fresh seeded order each epoch. */
  static CorefExample example(List<CorefExample> set, CorefTrainConfig tc, long step) {
    int n = set.size();
    long epoch = step / n;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom shuffle = Seeds.rng(tc.seed(), Seeds.DATA, -1 - epoch);
    for (int i = n - 1; i > 0; i--) {
      int j = shuffle.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return set.get(order[(int) (step % n)]).crop(tc.cropTokens(), Seeds.rng(tc.seed(), Seeds.DATA, step));
  }

  /** Forward, loss and backward of one step; gradients stay on the parameters. Returns the loss. */
  static float trainStep(S2eCoref model, ParameterStore ps, NDManager root, CorefExample ex, long seed, long step) {
    S2eConfig c = model.config();
    try (NDManager m = root.newSubManager()) {
      NDArray states = Tensors.floats(m, ex.states(), new Shape(ex.tokens(), ex.dim()));
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        CorefOutput out = model.forward(ps, states, ex.offset(), null, ex.words(), true, Seeds.rng(seed, Seeds.DROPOUT, step));
        NDArray loss = out.size() == 0
            ? Ops.scale(out.mentionBand().sum(), 0f)
            : S2eLoss.marginalLogLikelihood(out.corefLogits(), S2eLoss.goldMask(out.spans(), GreedyDecoder.clusterOf(ex.clusters())));
        if (c.mentionLossWeight() > 0) {
          float[][] tv = mentionTargets(ex, c.maxSpanLength());
          loss = loss.add(Ops.scale(S2eLoss.mentionBce(out.mentionBand(), tv[0], tv[1]), c.mentionLossWeight()));
        }
        gc.backward(loss);
        return loss.getFloat();
      }
    }
  }

  /** {targets, valid} over the (T, L) band: gold mentions no longer than L, and the valid spans. */
  static float[][] mentionTargets(CorefExample ex, int maxSpan) {
    int t = ex.tokens();
    float[] target = new float[t * maxSpan];
    float[] valid = new float[t * maxSpan];
    for (int s = 0; s < t; s++) {
      for (int o = 0; o < maxSpan && s + o < t; o++) {
        valid[s * maxSpan + o] = 1f;
      }
    }
    for (List<Mention> cluster : ex.clusters()) {
      for (Mention mention : cluster) {
        if (mention.length() <= maxSpan) {
          target[mention.start() * maxSpan + mention.length() - 1] = 1f;
        }
      }
    }
    return new float[][] {target, valid};
  }

  /** End-to-end CoNLL F1 (singletons kept) on the dev documents with the evaluation weights. */
  static double devF1(
      S2eCoref model, Ema ema, ParameterStore ps, NDManager root, List<CorefDocument> docs, List<float[]> states) {
    try (NDManager m = root.newSubManager()) {
      Map<String, NDArray> raw = ema == null ? null : Weights.snapshot(model, m);
      if (ema != null) {
        Weights.copyInto(ema.weights(), model);
      }
      try {
        List<CorefDocument> predicted = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
          predicted.add(CorefDecoding.predict(model, ps, m, docs.get(i), states.get(i), CorefDecoding.Setting.END_TO_END));
        }
        return CorefScorer.score(docs, predicted, true).conllF1();
      } finally {
        if (raw != null) {
          Weights.copyInto(raw, model);
        }
      }
    }
  }

  private static Map<String, NDArray> evalWeights(S2eCoref model, Ema ema, NDManager m) {
    return ema == null ? Weights.snapshot(model, m) : ema.weights();
  }
}
