package dev.mediagen.sweep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mediagen.qa.FineTuneQa;
import dev.mediagen.qa.HashedVocab;
import dev.mediagen.qa.QaPredictor;
import dev.mediagen.qa.QaTrainConfig;
import dev.mediagen.qa.SpanHeadKind;
import dev.mediagen.qa.SpanInput;
import dev.mediagen.qa.SplinterConfig;
import dev.mediagen.qa.SplinterModel;
import dev.mediagen.qa.TrainSpans;
import dev.mediagen.train.CpuClock;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** One cell of a {@link SpanSweep}: the learning-rate search on the dev carve, then the test score. */
final class CellRun {
  private CellRun() {}

  /**
   * One cell: fine-tune once per learning rate on the training carve, keep the one with the best
   * dev score (the first on ties) and report its test score; dev and test scores of the choice and
   * the CPU time of the whole search go to the metrics. {@code inventory} is open QA's (null for
   * the other formats).
   */
  static CellResult run(
      SweepCell cell,
      SplinterConfig config,
      HashedVocab vocab,
      ClosedBook.Inventory inventory,
      Map<String, NDArray> pretrained,
      List<SpanSweep.Item> shots,
      List<SpanSweep.Item> test,
      SpanSweep.Settings s,
      NDManager root)
      throws IOException {
    CpuClock clock = new CpuClock();
    int nTrain = SpanSweep.devCarve(cell.n());
    List<SpanSweep.Item> train = shots.subList(0, nTrain);
    List<SpanSweep.Item> dev = shots.subList(nTrain, shots.size());
    double bestDev = Double.NEGATIVE_INFINITY;
    double bestTest = Double.NaN;
    float bestLr = Float.NaN;
    long steps = 0;
    long params = 0;
    for (float lr : s.lrs()) {
      QaTrainConfig tc = QaTrainConfig.fewShot(cell.seed(), nTrain, s.minSteps(), s.maxSteps(), lr);
      try (NDManager m = root.newSubManager()) {
        Predictor model =
            cell.format() == TaskFormat.OPEN
                ? closedBook(config, vocab, inventory, pretrained, tc, train, m)
                : spanSelector(config, vocab, pretrained, tc, train, m);
        double devScore = SpanSweep.score(cell.format(), dev, model.predict(dev));
        if (devScore > bestDev) {
          bestDev = devScore;
          bestTest = SpanSweep.score(cell.format(), test, model.predict(test));
          bestLr = lr;
          steps = tc.steps();
        }
        params = model.parameters();
      }
    }
    return new CellResult(
        cell,
        params,
        bestTest,
        Map.of(
            "lr", (double) bestLr,
            "dev_score", bestDev,
            "steps", (double) steps,
            "pretrain_steps", (double) (pretrained == null ? 0 : s.pretraining().steps()),
            "cpu_seconds", clock.cpuSeconds()));
  }

  /** A fine-tuned model of one cell: its answers to items and its size. */
  private interface Predictor {
    List<String> predict(List<SpanSweep.Item> items);

    long parameters();
  }

  private static Predictor spanSelector(
      SplinterConfig config,
      HashedVocab vocab,
      Map<String, NDArray> pretrained,
      QaTrainConfig tc,
      List<SpanSweep.Item> train,
      NDManager m)
      throws IOException {
    SplinterModel model =
        FineTuneQa.run(
            new FineTuneQa.Options(
                config, SpanHeadKind.QASS, vocab, pretrained, pretrained != null, tc,
                train.stream().map(SpanSweep.Item::example).toList(), 64, null),
            m,
            TrainSpans.Listener.NONE);
    return new Predictor() {
      @Override
      public List<String> predict(List<SpanSweep.Item> items) {
        return QaPredictor.predict(
                model, vocab, items.stream().map(SpanSweep.Item::example).toList(), QaPredictor.Settings.defaults(64))
            .stream()
            .map(QaPredictor.Prediction::text)
            .toList();
      }

      @Override
      public long parameters() {
        return model.parameterCount();
      }
    };
  }

  private static Predictor closedBook(
      SplinterConfig config,
      HashedVocab vocab,
      ClosedBook.Inventory inventory,
      Map<String, NDArray> pretrained,
      QaTrainConfig tc,
      List<SpanSweep.Item> train,
      NDManager m) {
    List<SpanInput> inputs =
        train.stream().map(i -> ClosedBook.input(((TaskExample.Open) i.task()).question(), vocab)).toList();
    int[] labels = train.stream().mapToInt(i -> inventory.indexOf(i.task().target())).toArray();
    ClosedBook model =
        ClosedBook.train(config, inventory.answers().size(), pretrained, tc, inputs, labels, m);
    return new Predictor() {
      @Override
      public List<String> predict(List<SpanSweep.Item> items) {
        return ClosedBook.predict(
            model,
            inventory,
            items.stream().map(i -> ClosedBook.input(((TaskExample.Open) i.task()).question(), vocab)).toList(),
            m);
      }

      @Override
      public long parameters() {
        return model.parameterCount();
      }
    };
  }
}
