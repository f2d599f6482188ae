package dev.mediagen.qa;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mediagen.train.AdamW;
import dev.mediagen.train.CpuClock;
import dev.mediagen.train.Seeds;
import dev.mediagen.train.Weights;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Few-shot extractive-QA fine-tuning in Splinter's format (papers-language.md §2.2, §2.3): the
 * encoder — RSS-pretrained or fresh — with the QASS head (initialised from the pretrained one or
 * fresh, the paper's {@code initialize_new_qass}) or the standard linear head, trained on the
 * labelled windows of the few examples ({@link QaFeatures}) with {@link TrainSpans}. The model is
 * built on the caller's manager so it can be evaluated afterwards; with {@code out} the final
 * weights are saved as a checkpoint ({@code OUT/checkpoint}).
 */
public final class FineTuneQa {

  /**
   * @param pretrained encoder (and head) weights to start from, or null for a fresh encoder
   * @param pretrainedHead with {@code pretrained} and QASS: start the head from the pretrained one
   */
  public record Options(
      SplinterConfig model,
      SpanHeadKind head,
      HashedVocab vocab,
      Map<String, NDArray> pretrained,
      boolean pretrainedHead,
      QaTrainConfig train,
      List<MrqaDataset.Example> examples,
      int stride,
      Path out) {
    public Options {
      examples = List.copyOf(examples);
      if (examples.isEmpty()) {
        throw new IllegalArgumentException("no training examples");
      }
      if (pretrainedHead && head != SpanHeadKind.QASS) {
        throw new IllegalArgumentException("only the QASS head can come from RSS pretraining");
      }
      if (model.vocabSize() != vocab.size()) {
        throw new IllegalArgumentException(
            "model vocabSize %d differs from the vocabulary's %d ids"
                .formatted(model.vocabSize(), vocab.size()));
      }
    }
  }

  private FineTuneQa() {}

  /** Trains and returns the model (its arrays live on {@code root}). */
  public static SplinterModel run(Options o, NDManager root, TrainSpans.Listener listener)
      throws IOException {
    QaTrainConfig tc = o.train();
    SplinterModel model = new SplinterModel(o.model(), o.head());
    model.initialize(root, Seeds.derive(tc.seed(), Seeds.INIT, 0));
    if (o.pretrained() != null) {
      QaCheckpoint.initFrom(o.pretrained(), model, o.pretrainedHead());
    }
    List<SpanInput> data =
        QaFeatures.trainingInputs(
            o.examples(), o.vocab(), o.head(), o.model().maxLength(), o.stride());
    AdamW opt = new AdamW(model, root, 0.9f, 0.999f, 1e-6f, tc.weightDecay());
    CpuClock clock = new CpuClock();
    listener.started(
        0,
        tc.steps(),
        "fine-tuning %s (%s): %d examples, %d windows"
            .formatted(o.head(), o.pretrained() == null ? "fresh encoder" : "pretrained",
                o.examples().size(), data.size()));
    TrainSpans.Reached r =
        TrainSpans.run(
            TrainSpans.spanLoss(model), opt, root, data, tc, 0, tc.steps(), Long.MAX_VALUE, listener, (s, l) -> {});
    if (o.out() != null) {
      Path dir = o.out().resolve("checkpoint");
      try (NDManager m = root.newSubManager()) {
        QaCheckpoint.save(
            dir,
            new QaCheckpoint.Config(
                QaCheckpoint.FORMAT, "finetune", o.model(), o.head(), o.vocab().buckets(), tc),
            new QaCheckpoint.State(r.step(), clock.cpuSeconds(), clock.wallSeconds(), r.loss()),
            o.vocab().tokenizer(),
            Weights.snapshot(model, m),
            null);
      }
      listener.saved(r.step(), dir);
    }
    return model;
  }
}
