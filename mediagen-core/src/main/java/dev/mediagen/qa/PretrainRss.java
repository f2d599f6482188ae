package dev.mediagen.qa;

import ai.djl.ndarray.NDManager;
import dev.mediagen.train.AdamW;
import dev.mediagen.train.CpuClock;
import dev.mediagen.train.Resume;
import dev.mediagen.train.Seeds;
import dev.mediagen.train.Weights;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * RSS pretraining from scratch (Splinter, papers-language.md §2.1): the encoder with the QASS head
 * learns to point each {@code [QUESTION]} at the kept occurrence of its recurring span, loss =
 * mean over questions of (CE_start + CE_end)/2, no MLM. AdamW (β 0.9/0.999, ε 1e-6 as BERT),
 * warm-up then cosine decay, atomic checkpoints in {@code OUT/checkpoint} every {@code
 * checkpointEvery} steps and at the end, exact resume (weights, moments, step; batches are a
 * function of (seed, step)).
 */
public final class PretrainRss {

  /** What to train on and where; {@code resume} may be null. */
  public record Options(
      Path out,
      Path resume,
      SplinterConfig model,
      HashedVocab vocab,
      QaTrainConfig train,
      List<SpanInput> data,
      double minutes,
      long maxSteps) {
    public Options {
      data = List.copyOf(data);
      if (model.vocabSize() != vocab.size()) {
        throw new IllegalArgumentException(
            "model vocabSize %d differs from the vocabulary's %d ids"
                .formatted(model.vocabSize(), vocab.size()));
      }
    }
  }

  /** Outcome of a run. */
  public record Result(long step, double lastLoss, Path checkpoint, long parameters) {}

  private PretrainRss() {}

  public static Result run(Options o, TrainSpans.Listener listener) throws IOException {
    QaTrainConfig tc = o.train();
    Path ckptDir = o.out().resolve("checkpoint");
    QaCheckpoint.Config config =
        new QaCheckpoint.Config(
            QaCheckpoint.FORMAT, "rss", o.model(), SpanHeadKind.QASS, o.vocab().buckets(), tc);
    try (NDManager root = NDManager.newBaseManager()) {
      SplinterModel model = new SplinterModel(o.model(), SpanHeadKind.QASS);
      model.initialize(root, Seeds.derive(tc.seed(), Seeds.INIT, 0));
      AdamW opt = new AdamW(model, root, 0.9f, 0.999f, 1e-6f, tc.weightDecay());
      long step = 0;
      double lastLoss = Double.NaN;
      CpuClock clock = new CpuClock();
      if (o.resume() != null) {
        QaCheckpoint.Loaded ck = QaCheckpoint.load(QaCheckpoint.resolve(o.resume()), root, true);
        Resume.requireSame(ck.config().model(), o.model(), "model");
        Resume.requireSame(ck.config().train(), tc, "recipe");
        if (!ck.vocab().tokenizer().equals(o.vocab().tokenizer())) {
          throw new IllegalArgumentException("cannot resume: the checkpoint's vocabulary differs");
        }
        Weights.copyInto(ck.weights(), model);
        opt.loadState(ck.optimizer());
        opt.setStepCount(ck.state().step());
        step = ck.state().step();
        lastLoss = ck.state().lastLoss();
        clock = new CpuClock(ck.state().cpuSeconds(), ck.state().wallSeconds());
      }
      long last = Math.min(o.maxSteps() > 0 ? o.maxSteps() : tc.steps(), tc.steps());
      listener.started(
          step,
          last,
          "RSS pretraining: %,d parameters, %d sequences".formatted(model.parameterCount(), o.data().size()));
      long deadline =
          o.minutes() > 0 ? System.nanoTime() + (long) (o.minutes() * 60e9) : Long.MAX_VALUE;
      CpuClock c = clock;
      TrainSpans.AfterStep save =
          (s, loss) -> {
            boolean end = s >= last || System.nanoTime() >= deadline;
            if ((tc.checkpointEvery() > 0 && s % tc.checkpointEvery() == 0) || end) {
              try (NDManager m = root.newSubManager()) {
                QaCheckpoint.save(
                    ckptDir,
                    config,
                    new QaCheckpoint.State(s, c.cpuSeconds(), c.wallSeconds(), loss),
                    o.vocab().tokenizer(),
                    Weights.snapshot(model, m),
                    opt.state());
              }
              listener.saved(s, ckptDir);
            }
          };
      TrainSpans.Reached r =
          TrainSpans.run(TrainSpans.spanLoss(model), opt, root, o.data(), tc, step, last, deadline, listener, save);
      double loss = Float.isNaN(r.loss()) ? lastLoss : r.loss();
      return new Result(r.step(), loss, ckptDir, model.parameterCount());
    }
  }
}
