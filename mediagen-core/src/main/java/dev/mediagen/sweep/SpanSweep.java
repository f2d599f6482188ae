package dev.mediagen.sweep;

import ai.djl.ndarray.NDManager;
import dev.mediagen.qa.DetectedAnswer;
import dev.mediagen.qa.EntitySplit;
import dev.mediagen.qa.FactPassage;
import dev.mediagen.qa.FineTuneQa;
import dev.mediagen.qa.HashedVocab;
import dev.mediagen.qa.MrqaContext;
import dev.mediagen.qa.MrqaDataset;
import dev.mediagen.qa.MrqaQuestion;
import dev.mediagen.qa.QaCorpus;
import dev.mediagen.qa.QaDatasets;
import dev.mediagen.qa.QaPredictor;
import dev.mediagen.qa.QaTokenizer;
import dev.mediagen.qa.QaTrainConfig;
import dev.mediagen.qa.SpanHeadKind;
import dev.mediagen.qa.SplinterConfig;
import dev.mediagen.qa.SplinterModel;
import dev.mediagen.qa.SquadMetric;
import dev.mediagen.qa.Token;
import dev.mediagen.qa.TrainSpans;
import dev.mediagen.train.CpuClock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A scaled-down params-vs-examples runner (papers-language.md §4.3) where every model is one of our
 * span-selection encoders ({@link SplinterConfig#size}: xs … l, trained from scratch) and every
 * format is cast as span selection over the input, as the paper's format-conversion probes put the
 * candidates in the input ({@code *_extractive}):
 *
 * <ul>
 *   <li>classification: the input starts with "true false ." and the model selects one of the two
 *       words; score = accuracy;
 *   <li>extractive: the answer span of the passage; score = SQuAD F1;
 *   <li>multiple choice: the input starts with the four candidates ("c1 ; c2 ; c3 ; c4 .") and the
 *       predicted span is mapped to the candidate with the highest token F1 (a ranking); score =
 *       accuracy.
 * </ul>
 *
 * Open (closed-book) QA needs a generator — a span selector cannot name an answer absent from its
 * input — and is refused here. Each cell trains on the first {@code n} questions of the seed's
 * shuffle of the train pool (nested sizes) with one fixed recipe (no per-cell hyper-parameter
 * search yet) and is scored on the held-out test questions, whose entities never occur in
 * training. Results go to a {@link ResultsStore} (resumable).
 */
public final class SpanSweep {

  /** The fixed recipe and data sizes of a sweep. */
  public record Settings(
      int trainPool, int test, int maxLength, int minSteps, int maxSteps, float lr) {
    public Settings {
      if (trainPool < 2 || test < 1 || maxLength < 32 || minSteps < 1 || maxSteps < minSteps) {
        throw new IllegalArgumentException(
            "need trainPool >= 2, test >= 1, maxLength >= 32, 1 <= minSteps <= maxSteps; got %s"
                .formatted(this));
      }
    }

    /** The reduced grid's recipe: 2048-question pool, 200 test questions, 100–250 steps at 1e-3. */
    public static Settings defaults() {
      return new Settings(2048, 200, 192, 100, 250, 1e-3f);
    }
  }

  /** Progress callbacks. */
  public interface Listener {
    default void started(int cells, int done) {}

    default void finished(CellResult result, double cpuSeconds) {}

    Listener NONE = new Listener() {};
  }

  /** The seed of the generated facts (the QA dataset's). */
  public static final long DATA_SEED = 2021;

  private SpanSweep() {}

  /** The vocabulary of the sweep's encoders: the fact world's words plus 256 hashed buckets. */
  public static HashedVocab vocabulary() {
    return new HashedVocab(QaCorpus.worldTokenizer(), 256);
  }

  /** Runs every cell of {@code grid} not yet in {@code store}. */
  public static void run(SweepGrid grid, Settings s, ResultsStore store, Listener listener)
      throws IOException {
    if (grid.formats().contains(TaskFormat.OPEN)) {
      throw new IllegalArgumentException(
          "format OPEN needs a generative model; the span-selection sweep runs CLASSIFICATION,"
              + " EXTRACTIVE and MULTIPLE_CHOICE");
    }
    for (int n : grid.sizes()) {
      if (n > s.trainPool()) {
        throw new IllegalArgumentException(
            "training-set size %d exceeds the train pool of %d".formatted(n, s.trainPool()));
      }
    }
    HashedVocab vocab = vocabulary();
    List<FactPassage> trainPassages =
        QaDatasets.passages(DATA_SEED, EntitySplit.TRAIN, s.trainPool());
    List<FactPassage> testPassages = QaDatasets.passages(DATA_SEED, EntitySplit.TEST, s.test());
    listener.started(grid.cells().size(), grid.cells().size() - store.pending(grid).size());
    for (TaskFormat f : grid.formats()) {
      List<Item> pool = items(Formats.build(f, "train", trainPassages, DATA_SEED));
      List<Item> test = items(Formats.build(f, "test", testPassages, DATA_SEED + 1));
      for (String size : grid.models()) {
        SplinterConfig config = SplinterConfig.size(size, vocab.size(), s.maxLength());
        for (int n : grid.sizes()) {
          for (int seed : grid.seeds()) {
            SweepCell cell = new SweepCell(f, size, n, seed);
            if (store.isDone(cell)) {
              continue;
            }
            CpuClock clock = new CpuClock();
            QaTrainConfig tc = QaTrainConfig.fewShot(seed, n, s.minSteps(), s.maxSteps(), s.lr());
            List<MrqaDataset.Example> shots =
                nested(pool, n, seed).stream().map(Item::example).toList();
            double score;
            long params;
            try (NDManager m = NDManager.newBaseManager()) {
              SplinterModel model =
                  FineTuneQa.run(
                      new FineTuneQa.Options(
                          config, SpanHeadKind.QASS, vocab, null, false, tc, shots, 64, null),
                      m,
                      TrainSpans.Listener.NONE);
              List<QaPredictor.Prediction> p =
                  QaPredictor.predict(
                      model,
                      vocab,
                      test.stream().map(Item::example).toList(),
                      QaPredictor.Settings.defaults(64));
              score = score(f, test, p.stream().map(QaPredictor.Prediction::text).toList());
              params = model.parameterCount();
            }
            CellResult r =
                new CellResult(
                    cell,
                    params,
                    score,
                    Map.of("steps", (double) tc.steps(), "cpu_seconds", clock.cpuSeconds()));
            store.append(r);
            listener.finished(r, clock.cpuSeconds());
          }
        }
      }
    }
  }

  /** A task example as a span-selection example, with its choices (MC) or gold answers. */
  record Item(TaskExample task, MrqaDataset.Example example, List<String> choices) {}

  /** The span-selection form of each example (see the class comment). */
  static List<Item> items(List<TaskExample> examples) {
    List<Item> out = new ArrayList<>(examples.size());
    for (TaskExample e : examples) {
      if (e instanceof TaskExample.Classification c) {
        out.add(item(e, "true false . " + c.passage(), c.statement(), c.target(), List.of("true", "false")));
      } else if (e instanceof TaskExample.Extractive x) {
        out.add(item(e, x.passage(), x.question(), x.answer(), List.of()));
      } else if (e instanceof TaskExample.MultipleChoice mc) {
        String context = String.join(" ; ", mc.choices()) + " . " + mc.passage();
        out.add(item(e, context, mc.question(), mc.target(), mc.choices()));
      } else {
        throw new IllegalArgumentException("open QA has no span to select: " + e.id());
      }
    }
    return out;
  }

  private static Item item(
      TaskExample e, String context, String question, String answer, List<String> choices) {
    List<Token> tokens = QaTokenizer.tokenize(context);
    DetectedAnswer found = DetectedAnswer.find(context, tokens, answer);
    if (found == null) {
      throw new IllegalStateException(
          "answer \"%s\" of %s is not a token-aligned span of its input".formatted(answer, e.id()));
    }
    // train on the first occurrence: the label word / the candidate in the list
    DetectedAnswer first =
        new DetectedAnswer(
            answer, List.of(found.charSpans().get(0)), List.of(found.tokenSpans().get(0)));
    MrqaQuestion q =
        new MrqaQuestion(
            e.id(), question, QaTokenizer.tokenize(question), List.of(answer), List.of(first));
    MrqaContext c = new MrqaContext(context, tokens, List.of(q));
    return new Item(e, new MrqaDataset.Example(c, q), choices);
  }

  /** The first {@code n} items of the seed's shuffle (so smaller sets nest in larger ones). */
  static <T> List<T> nested(List<T> pool, int n, long seed) {
    List<T> all = new ArrayList<>(pool);
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = all.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      all.set(i, all.set(j, all.get(i)));
    }
    return List.copyOf(all.subList(0, n));
  }

  /** The format's score in percent: accuracy (classification, MC) or SQuAD F1 (extractive). */
  static double score(TaskFormat f, List<Item> test, List<String> predictions) {
    if (f == TaskFormat.EXTRACTIVE) {
      return SquadMetric.score(
              predictions, test.stream().map(i -> List.of(i.task().target())).toList())
          .f1();
    }
    int right = 0;
    for (int i = 0; i < test.size(); i++) {
      Item it = test.get(i);
      String chosen = rank(predictions.get(i), it.choices());
      right += it.task().target().equals(chosen) ? 1 : 0;
    }
    return 100.0 * right / test.size();
  }

  /** The candidate with the highest token F1 against the predicted span (first on ties). */
  static String rank(String prediction, List<String> choices) {
    String best = choices.get(0);
    double bestF1 = -1;
    for (String c : choices) {
      double f1 = SquadMetric.f1(prediction, c);
      if (f1 > bestF1) {
        bestF1 = f1;
        best = c;
      }
    }
    return best;
  }
}
