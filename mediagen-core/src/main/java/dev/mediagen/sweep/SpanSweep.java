package dev.mediagen.sweep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mediagen.qa.DetectedAnswer;
import dev.mediagen.qa.EntitySplit;
import dev.mediagen.qa.FactPassage;
import dev.mediagen.qa.HashedVocab;
import dev.mediagen.qa.MrqaContext;
import dev.mediagen.qa.MrqaDataset;
import dev.mediagen.qa.MrqaQuestion;
import dev.mediagen.qa.QaCorpus;
import dev.mediagen.qa.QaDatasets;
import dev.mediagen.qa.QaTokenizer;
import dev.mediagen.qa.SpanInput;
import dev.mediagen.qa.SplinterConfig;
import dev.mediagen.qa.SquadMetric;
import dev.mediagen.qa.Token;
import dev.mediagen.qa.TrainSpans;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A scaled-down params-vs-examples runner (papers-language.md §4.3) where every model is one of our
 * span-selection encoders ({@link SplinterConfig#size}: xs … l, RSS-pretrained per size by {@link
 * SweepPretraining}, or from scratch with pretraining off) and every
 * format is cast as span selection over the input, as the paper's format-conversion probes put the
 * candidates in the input ({@code *_extractive}):
 *
 * <ul>
 *   <li>classification: the input starts with "true false ." and the model selects one of the two
 *       words; score = accuracy;
 *   <li>extractive: the answer span of the passage; score = SQuAD F1;
 *   <li>multiple choice: the input starts with the four candidates ("c1 ; c2 ; c3 ; c4 ."), the
 *       label is the answer's occurrence in the passage, and the predicted span is mapped to the
 *       candidate with the highest token F1 (a ranking); score = accuracy;
 *   <li>open (closed-book): the question alone; a span selector cannot name an answer absent from
 *       its input, so the same encoder produces a whole answer from the world's answer inventory
 *       ({@link ClosedBook}); score = exact match.
 * </ul>
 *
 * Each cell takes the first {@code n} questions of the seed's shuffle of the train pool (nested
 * sizes), carves a dev set from them ({@link #devCarve}, the paper's
 * split), fine-tunes once per learning rate of the search on the rest, keeps the one with the best
 * dev score and reports its score on the held-out test questions, whose entities never occur in
 * training or pretraining. Results go to a {@link ResultsStore} (resumable).
 */
public final class SpanSweep {

  /**
   * The recipe and data sizes of a sweep.
   *
   * @param minSteps fine-tuning steps are max(minSteps, 10 epochs) ...
   * @param maxSteps ... capped at maxSteps (batch 12)
   * @param lrs the learning rates searched per cell (on the dev carve, {@link #devCarve})
   * @param pretraining RSS pretraining of each size before the cells ({@link SweepPretraining})
   */
  public record Settings(
      int trainPool,
      int test,
      int maxLength,
      int minSteps,
      int maxSteps,
      List<Float> lrs,
      SweepPretraining.Settings pretraining) {
    public Settings {
      lrs = List.copyOf(lrs);
      if (trainPool < 2 || test < 1 || maxLength < 32 || minSteps < 1 || maxSteps < minSteps) {
        throw new IllegalArgumentException(
            "need trainPool >= 2, test >= 1, maxLength >= 32, 1 <= minSteps <= maxSteps; got %s"
                .formatted(this));
      }
      if (lrs.isEmpty() || lrs.stream().anyMatch(lr -> !(lr > 0 && lr < 1))) {
        throw new IllegalArgumentException("learning rates must be a non-empty list in (0, 1), got " + lrs);
      }
    }
  }

  /** Progress callbacks. */
  public interface Listener {
    default void started(int cells, int done) {}

    default void finished(CellResult result, double cpuSeconds) {}

    /**
     * The progress of pretraining model size {@code size} (before its first cell, and only when
     * it has not been pretrained yet).
     */
    default TrainSpans.Listener pretraining(String size) {
      return TrainSpans.Listener.NONE;
    }

    /** The encoder of {@code size} is ready (pretrained now or read from its checkpoint). */
    default void pretrained(String size) {}

    Listener NONE = new Listener() {};
  }

  /** The seed of the generated facts (the QA dataset's). */
  public static final long DATA_SEED = 2021;

  private SpanSweep() {}

  /** The vocabulary of the sweep's encoders: the fact world's words plus 256 hashed buckets. */
  public static HashedVocab vocabulary() {
    return new HashedVocab(QaCorpus.worldTokenizer(), 256);
  }

  /**
   * Runs every cell of {@code grid} not yet in {@code store}; with pretraining enabled the
   * pretrained encoders live in (or are first trained into) {@code pretrainDir}.
   */
  public static void run(
      SweepGrid grid, Settings s, ResultsStore store, Path pretrainDir, Listener listener)
      throws IOException {
    for (int n : grid.sizes()) {
      if (n > s.trainPool()) {
        throw new IllegalArgumentException(
            "training-set size %d exceeds the train pool of %d".formatted(n, s.trainPool()));
      }
    }
    if (s.pretraining().enabled() && pretrainDir == null) {
      throw new IllegalArgumentException("pretraining is enabled but no directory was given for it");
    }
    HashedVocab vocab = vocabulary();
    List<FactPassage> trainPassages =
        QaDatasets.passages(DATA_SEED, EntitySplit.TRAIN, s.trainPool());
    List<FactPassage> testPassages = QaDatasets.passages(DATA_SEED, EntitySplit.TEST, s.test());
    listener.started(grid.cells().size(), grid.cells().size() - store.pending(grid).size());
    List<SpanInput> rssData = null;
    try (NDManager root = NDManager.newBaseManager()) {
      Map<String, Map<String, NDArray>> pretrained = new HashMap<>();
      for (TaskFormat f : grid.formats()) {
        List<Item> pool = items(Formats.build(f, "train", trainPassages, DATA_SEED));
        List<Item> test = items(Formats.build(f, "test", testPassages, DATA_SEED + 1));
        ClosedBook.Inventory inventory = // what open QA's answer layer can produce (only it uses one)
            f != TaskFormat.OPEN
                ? null
                : ClosedBook.Inventory.of(
                    java.util.stream.Stream.concat(pool.stream(), test.stream())
                        .map(i -> i.task().target())
                        .toList());
        for (String size : grid.models()) {
          SplinterConfig config = SplinterConfig.size(size, vocab.size(), s.maxLength());
          boolean pending =
              grid.cells().stream()
                  .anyMatch(c -> c.format() == f && c.model().equals(size) && !store.isDone(c));
          if (s.pretraining().enabled() && pending && !pretrained.containsKey(size)) {
            if (rssData == null) {
              rssData = SweepPretraining.data(s.pretraining(), vocab, s.maxLength());
            }
            pretrained.put(
                size,
                SweepPretraining.weights(
                    size, config, vocab, s.pretraining(), rssData, pretrainDir, root,
                    () -> listener.pretraining(size)));
            listener.pretrained(size);
          }
          for (int n : grid.sizes()) {
            for (int seed : grid.seeds()) {
              SweepCell cell = new SweepCell(f, size, n, seed);
              if (!store.isDone(cell)) {
                CellResult r =
                    CellRun.run(
                        cell, config, vocab, inventory, pretrained.get(size), nested(pool, n, seed),
                        test, s, root);
                store.append(r);
                listener.finished(r, r.metrics().get("cpu_seconds"));
              }
            }
          }
        }
      }
    }
  }

  /**
   * The paper's model selection inside the few-shot budget (papers-language.md §4.1): the {@code
   * n} examples split into {@code max(⌊3n/4⌋, n − 400)} for training and the rest for dev.
   */
  public static int devCarve(int n) {
    if (n < 2) {
      throw new IllegalArgumentException("need at least 2 examples to carve a dev set, got " + n);
    }
    return Math.min(n - 1, Math.max(3 * n / 4, n - 400));
  }

  /**
   * A task example as a span-selection example (null for open QA, which has no span to select),
   * with its choices (MC) or gold answers.
   */
  record Item(TaskExample task, MrqaDataset.Example example, List<String> choices) {}

  /** The span-selection form of each example (see the class comment). */
  static List<Item> items(List<TaskExample> examples) {
    List<Item> out = new ArrayList<>(examples.size());
    for (TaskExample e : examples) {
      if (e instanceof TaskExample.Classification c) {
        out.add(item(e, "true false . " + c.passage(), 0, c.statement(), c.target(), List.of("true", "false")));
      } else if (e instanceof TaskExample.Extractive x) {
        out.add(item(e, x.passage(), 0, x.question(), x.answer(), List.of()));
      } else if (e instanceof TaskExample.MultipleChoice mc) {
        String choices = String.join(" ; ", mc.choices()) + " . ";
        // the label is the answer where the passage states it, not its copy in the list: the list is
        // the choice set, the passage the evidence (and the span RSS pretraining taught to find)
        out.add(item(e, choices + mc.passage(), choices.length(), mc.question(), mc.target(), mc.choices()));
      } else if (e instanceof TaskExample.Open o) {
        out.add(new Item(o, null, List.of())); // no input span: ClosedBook answers from its inventory
      } else {
        throw new IllegalArgumentException("unknown task example " + e);
      }
    }
    return out;
  }

  /** The item of one example; the label is the answer's first occurrence at or after char {@code from}. */
  private static Item item(
      TaskExample e, String context, int from, String question, String answer, List<String> choices) {
    List<Token> tokens = QaTokenizer.tokenize(context);
    DetectedAnswer found = DetectedAnswer.find(context, tokens, answer);
    int at = -1;
    for (int i = 0; found != null && i < found.charSpans().size() && at < 0; i++) {
      if (found.charSpans().get(i).start() >= from) {
        at = i;
      }
    }
    if (at < 0) {
      throw new IllegalStateException(
          "answer \"%s\" of %s is not a token-aligned span of its input after character %d"
              .formatted(answer, e.id(), from));
    }
    DetectedAnswer first =
        new DetectedAnswer(
            answer, List.of(found.charSpans().get(at)), List.of(found.tokenSpans().get(at)));
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

  /**
   * The format's score in percent: accuracy (classification, MC), SQuAD F1 (extractive) or exact
   * match (open).
   */
  static double score(TaskFormat f, List<Item> test, List<String> predictions) {
    if (f == TaskFormat.EXTRACTIVE || f == TaskFormat.OPEN) {
      SquadMetric.Score s =
          SquadMetric.score(predictions, test.stream().map(i -> List.of(i.task().target())).toList());
      return f == TaskFormat.OPEN ? s.exactMatch() : s.f1();
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
