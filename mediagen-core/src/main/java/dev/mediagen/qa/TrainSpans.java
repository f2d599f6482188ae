package dev.mediagen.qa;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.mediagen.train.AdamW;
import dev.mediagen.train.LrSchedule;
import dev.mediagen.train.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The training loop shared by RSS pretraining ({@link PretrainRss}), QA fine-tuning ({@link
 * FineTuneQa}) and the sweep's closed-book model, in the project's style: per step a sub-{@link NDManager},
 * forward and loss ({@link BatchLoss}; {@link #spanLoss} for span selection) → backward in a gradient
 * collector → {@link AdamW#step}. Batches are
 * consecutive slices of per-epoch seeded shuffles, so the batch of a step is a function of (seed,
 * step) and a resumed run sees exactly what an uninterrupted one would.
 */
public final class TrainSpans {
  private TrainSpans() {}

  /** Progress callbacks (the CLI draws a progress bar with them). */
  public interface Listener {
    default void started(long step, long lastStep, String message) {}

    default void step(long step, float loss, float lr, float gradNorm) {}

    default void saved(long step, java.nio.file.Path dir) {}

    Listener NONE = new Listener() {};
  }

  /** Called after a step; returns normally or throws to abort. */
  public interface AfterStep {
    void after(long step, float loss) throws java.io.IOException;
  }

  /** Where a run stopped: the steps done and the last loss (NaN when no step ran). */
  public record Reached(long step, float loss) {}

  /** The loss of one batch, built on the step's sub-manager {@code m} inside the gradient collector. */
  public interface BatchLoss<T> {
    NDArray loss(ParameterStore ps, NDManager m, List<T> batch);
  }

  /** Span selection: the model's start/end logits scored by {@link SpanLoss}. */
  public static BatchLoss<SpanInput> spanLoss(SplinterModel model) {
    return (ps, m, batch) -> {
      SpanBatch b = SpanBatch.of(m, batch);
      SpanLogits logits = model.forward(ps, b, true);
      return SpanLoss.loss(logits, b.startTargets(), b.endTargets(), b.questions());
    };
  }

  /**
   * Trains from step {@code from} up to {@code to}, or until {@code deadlineNanos}, any model and
   * loss ({@link #spanLoss} for span selection): batches of {@code data} by (seed, step), the warm-up + cosine
   * schedule of {@code tc}, AdamW with clipping, an error on a non-finite loss.
   */
  public static <T> Reached run(
      BatchLoss<T> lossOf,
      AdamW opt,
      NDManager root,
      List<T> data,
      QaTrainConfig tc,
      long from,
      long to,
      long deadlineNanos,
      Listener listener,
      AfterStep after)
      throws java.io.IOException {
    if (data.isEmpty()) {
      throw new IllegalArgumentException("no training inputs");
    }
    ParameterStore ps = new ParameterStore(root, false);
    long step = from;
    float loss = Float.NaN;
    while (step < to && System.nanoTime() < deadlineNanos) {
      loss = trainStep(lossOf, ps, root, batch(data, tc.batchSize(), tc.seed(), step));
      if (!Float.isFinite(loss)) {
        throw new AdamW.NonFiniteException("loss is " + loss + " at step " + step);
      }
      float lr = LrSchedule.warmupCosine(step, tc.lr(), tc.lr() * 0.1f, tc.warmup(), tc.steps());
      float gn = opt.step(lr, tc.clip());
      step++;
      listener.step(step, loss, lr, gn);
      after.after(step, loss);
    }
    return new Reached(step, loss);
  }

  /** Forward, loss and backward of one batch; gradients stay on the parameters. */
  public static <T> float trainStep(BatchLoss<T> lossOf, ParameterStore ps, NDManager root, List<T> batch) {
    try (NDManager m = root.newSubManager()) {
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray loss = lossOf.loss(ps, m, batch);
        gc.backward(loss);
        return loss.getFloat();
      }
    }
  }

  /** The inputs of step {@code step}: items {@code [step·B, (step+1)·B)} of the epoch shuffles. */
  public static <T> List<T> batch(List<T> data, int batchSize, long seed, long step) {
    int n = data.size();
    List<T> out = new ArrayList<>(batchSize);
    long epochCached = -1;
    int[] order = null;
    for (long g = step * batchSize; g < (step + 1) * batchSize; g++) {
      long epoch = g / n;
      if (epoch != epochCached) {
        order = order(n, seed, epoch);
        epochCached = epoch;
      }
      out.add(data.get(order[(int) (g % n)]));
    }
    return out;
  }

  static int[] order(int n, long seed, long epoch) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom rng = Seeds.rng(seed, Seeds.DATA, epoch);
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}
