package dev.mediagen.sweep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mediagen.qa.HashedVocab;
import dev.mediagen.qa.PretrainRss;
import dev.mediagen.qa.QaCheckpoint;
import dev.mediagen.qa.QaCorpus;
import dev.mediagen.qa.QaSetup;
import dev.mediagen.qa.QaTrainConfig;
import dev.mediagen.qa.SpanInput;
import dev.mediagen.qa.SplinterConfig;
import dev.mediagen.qa.TrainSpans;
import dev.mediagen.train.Resume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The pretrained models of the params-vs-examples study. The paper compares <i>pretrained</i> T5
 * sizes (papers-language.md §4.1); encoders trained from scratch on a few examples stay at chance
 * whatever their size (the first sweep, docs/RESULTS.md), so each size here is first pretrained
 * with recurring span selection (Splinter's objective, {@link PretrainRss}) on generated
 * documents whose people are disjoint from every task split ({@code EntitySplit.PRETRAIN}). One
 * checkpoint per size lives in {@code DIR/<size>/checkpoint}; an unfinished one resumes, a
 * finished one is reused, so a killed sweep loses at most one checkpoint interval.
 */
public final class SweepPretraining {

  /**
   * @param steps RSS steps per size (0: no pretraining, the encoders start from scratch)
   * @param documents generated pretraining documents (shared by every size)
   */
  public record Settings(long steps, int documents) {
    public Settings {
      if (steps < 0 || steps > 1_000_000) {
        throw new IllegalArgumentException("pretraining steps %d is outside [0, 1000000]".formatted(steps));
      }
      if (documents < 1 || documents > 1_000_000) {
        throw new IllegalArgumentException("pretraining documents %d is outside [1, 1000000]".formatted(documents));
      }
    }

    public boolean enabled() {
      return steps > 0;
    }
  }

  /** The seed of the pretraining documents and of every size's run. */
  public static final long SEED = 2022;

  private SweepPretraining() {}

  /** The recipe of every size: the RSS recipe of {@link QaTrainConfig#rss} over {@code steps}. */
  public static QaTrainConfig recipe(long steps) {
    return QaTrainConfig.rss().withSeed(SEED).withSteps(steps);
  }

  /** The RSS inputs of the study's pretraining documents, over the study's vocabulary. */
  public static List<SpanInput> data(Settings s, HashedVocab vocab, int maxLength) {
    List<String> texts = QaSetup.pretrainingTexts(List.of(), s.documents(), SEED, maxLength - 2, 0);
    return QaCorpus.rssInputs(texts, vocab, maxLength, SEED);
  }

  /**
   * The pretrained weights of {@code size}: read from {@code dir/<size>} when a finished run is
   * there, otherwise pretrained (resuming an unfinished run) on {@code data}, reporting to the
   * listener {@code listener} supplies (asked only when there is training to do).
   */
  public static Map<String, NDArray> weights(
      String size,
      SplinterConfig model,
      HashedVocab vocab,
      Settings s,
      List<SpanInput> data,
      Path dir,
      NDManager m,
      Supplier<TrainSpans.Listener> listener)
      throws IOException {
    Path out = dir.resolve(size);
    Path ckpt = out.resolve("checkpoint");
    QaTrainConfig recipe = recipe(s.steps());
    boolean exists = Files.isRegularFile(ckpt.resolve(QaCheckpoint.CONFIG));
    if (exists) {
      QaCheckpoint.Config c = QaCheckpoint.readConfig(ckpt);
      Resume.requireSame(c.model(), model, "model of size " + size);
      Resume.requireSame(c.train(), recipe, "pretraining recipe of size " + size);
    }
    if (exists) {
      QaCheckpoint.Loaded done = QaCheckpoint.load(ckpt, m, false);
      if (done.state().step() >= s.steps()) {
        return done.weights();
      }
    }
    PretrainRss.run(
        new PretrainRss.Options(out, exists ? ckpt : null, model, vocab, recipe, data, 0, s.steps()),
        listener.get());
    return QaCheckpoint.load(ckpt, m, false).weights();
  }
}
