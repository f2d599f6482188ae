package dev.mediagen.qa;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mediagen.sweep.CellResult;
import dev.mediagen.sweep.ResultsStore;
import dev.mediagen.sweep.SweepCell;
import dev.mediagen.sweep.TaskFormat;
import dev.mediagen.train.CpuClock;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Splinter's few-shot experiment on the generated QA dataset (papers-language.md §2.3): for each
 * training-set size and seed, the nested {@link FewShotSampler} subset fine-tunes each {@link
 * Variant} with one shared recipe, and the model is scored (SQuAD EM/F1) on the held-out test
 * questions, whose entities never occur in training or pretraining. Results go to a {@link
 * ResultsStore} (cell = variant × size × seed; resumable), mean ± std over seeds by {@link
 * dev.mediagen.sweep.ResultsAggregator}.
 */
public final class FewShotStudy {

  /** What is compared. */
  public enum Variant {
    /** RSS-pretrained encoder and QASS head (Splinter). */
    SPLINTER("splinter", SpanHeadKind.QASS, true, true),
    /** The same encoder and QASS head without RSS pretraining. */
    NO_PRETRAINING("qass-scratch", SpanHeadKind.QASS, false, false),
    /** The RSS-pretrained encoder with a fresh standard linear span head. */
    LINEAR_HEAD("splinter-linear", SpanHeadKind.LINEAR, true, false);

    public final String key;
    public final SpanHeadKind head;
    public final boolean pretrainedEncoder;
    public final boolean pretrainedHead;

    Variant(String key, SpanHeadKind head, boolean pretrainedEncoder, boolean pretrainedHead) {
      this.key = key;
      this.head = head;
      this.pretrainedEncoder = pretrainedEncoder;
      this.pretrainedHead = pretrainedHead;
    }

    public static Variant of(String key) {
      for (Variant v : values()) {
        if (v.key.equals(key)) {
          return v;
        }
      }
      throw new IllegalArgumentException(
          "unknown variant '%s', allowed: splinter, qass-scratch, splinter-linear".formatted(key));
    }
  }

  /**
   * The experiment: sizes × seeds × variants, the fine-tuning steps ({@code max(minSteps, 10
   * epochs)} capped at {@code maxSteps}) and learning rate, and the decoding settings.
   */
  public record Plan(
      List<Variant> variants,
      List<Integer> sizes,
      List<Integer> seeds,
      int minSteps,
      int maxSteps,
      float lr,
      QaPredictor.Settings decoding) {
    public Plan {
      variants = List.copyOf(variants);
      sizes = List.copyOf(sizes);
      seeds = List.copyOf(seeds);
      if (variants.isEmpty() || sizes.isEmpty() || seeds.isEmpty()) {
        throw new IllegalArgumentException("the plan needs >= 1 variant, size and seed");
      }
    }
  }

  /** Progress callbacks. */
  public interface Listener {
    default void started(int cells, int done) {}

    default void finished(CellResult result, double cpuSeconds) {}
  }

  private FewShotStudy() {}

  /**
   * Runs every cell of {@code plan} not yet in {@code store}; {@code pretrained} holds the RSS
   * checkpoint's weights (for the pretrained variants).
   */
  public static void run(
      Plan plan,
      QaCheckpoint.Loaded pretrained,
      MrqaDataset trainPool,
      List<MrqaDataset.Example> test,
      ResultsStore store,
      Listener listener)
      throws IOException {
    SplinterConfig config = pretrained.config().model();
    HashedVocab vocab = pretrained.vocab();
    int total = plan.variants().size() * plan.sizes().size() * plan.seeds().size();
    listener.started(total, store.results().size());
    for (int n : plan.sizes()) {
      for (int seed : plan.seeds()) {
        List<MrqaDataset.Example> shots = FewShotSampler.sample(trainPool, n, seed).examples();
        for (Variant v : plan.variants()) {
          SweepCell cell = new SweepCell(TaskFormat.EXTRACTIVE, v.key, n, seed);
          if (store.isDone(cell)) {
            continue;
          }
          CpuClock clock = new CpuClock();
          QaTrainConfig tc = QaTrainConfig.fewShot(seed, n, plan.minSteps(), plan.maxSteps(), plan.lr());
          Map<String, NDArray> init = v.pretrainedEncoder ? pretrained.weights() : null;
          SquadMetric.Score score;
          long params;
          try (NDManager m = NDManager.newBaseManager()) {
            SplinterModel model =
                FineTuneQa.run(
                    new FineTuneQa.Options(
                        config, v.head, vocab, init, v.pretrainedHead, tc, shots,
                        plan.decoding().stride(), null),
                    m,
                    TrainSpans.Listener.NONE);
            score = QaPredictor.evaluate(model, vocab, test, plan.decoding());
            params = model.parameterCount();
          }
          CellResult r =
              new CellResult(
                  cell,
                  params,
                  score.f1(),
                  Map.of(
                      "em", score.exactMatch(),
                      "f1", score.f1(),
                      "steps", (double) tc.steps(),
                      "cpu_seconds", clock.cpuSeconds()));
          store.append(r);
          listener.finished(r, clock.cpuSeconds());
        }
      }
    }
  }
}
