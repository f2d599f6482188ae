package dev.mediagen.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A smoke RSS pretraining whose loss falls, and exact resume from a checkpoint. */
class PretrainRssTest {

  static final HashedVocab VOCAB = new HashedVocab(QaCorpus.worldTokenizer(), 64);
  static final SplinterConfig MODEL = SplinterConfig.tiny().withVocab(VOCAB.size()).withMaxLength(192);

  static List<SpanInput> data(int documents) {
    return QaCorpus.rssInputs(PretrainingDocuments.generate(3, documents, 0.5), VOCAB, 192, 5);
  }

  @Test
  void lossFallsOnATinyRssSet(@TempDir Path dir) throws Exception {
    List<SpanInput> data = data(24);
    List<Float> losses = new ArrayList<>();
    QaTrainConfig tc = new QaTrainConfig(1, 60, 8, 3e-3f, 5, 0f, 1f, 0);
    PretrainRss.Result r =
        PretrainRss.run(
            new PretrainRss.Options(dir, null, MODEL, VOCAB, tc, data, 0, 0),
            new TrainSpans.Listener() {
              @Override
              public void step(long step, float loss, float lr, float gradNorm) {
                losses.add(loss);
              }
            });
    assertThat(r.step()).isEqualTo(60);
    double first = losses.subList(0, 10).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
    double last = losses.subList(50, 60).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
    // chance is ln(~120 tokens) ≈ 4.8; the head must learn to point at the kept spans
    assertThat(first).isGreaterThan(4.0);
    assertThat(last).isLessThan(first - 0.8);
    try (NDManager m = NDManager.newBaseManager()) {
      QaCheckpoint.Loaded ck = QaCheckpoint.load(r.checkpoint(), m, false);
      assertThat(ck.config().stage()).isEqualTo("rss");
      double acc = QaPredictor.spanAccuracy(QaCheckpoint.loadModel(ck, m), data, 16);
      assertThat(acc).isGreaterThan(0.05); // chance ≈ 1/N² ≈ 1e-4
    }
  }

  @Test
  void aResumedRunEndsWithTheWeightsOfAnUninterruptedOne(@TempDir Path dir) throws Exception {
    List<SpanInput> data = data(8);
    QaTrainConfig tc = new QaTrainConfig(4, 12, 4, 3e-3f, 2, 0.01f, 1f, 0);
    Path whole = dir.resolve("whole");
    Path split = dir.resolve("split");
    PretrainRss.run(new PretrainRss.Options(whole, null, MODEL, VOCAB, tc, data, 0, 0), TrainSpans.Listener.NONE);
    PretrainRss.run(new PretrainRss.Options(split, null, MODEL, VOCAB, tc, data, 0, 5), TrainSpans.Listener.NONE);
    PretrainRss.Result r =
        PretrainRss.run(new PretrainRss.Options(split, split, MODEL, VOCAB, tc, data, 0, 0), TrainSpans.Listener.NONE);
    assertThat(r.step()).isEqualTo(12);
    assertThat(Files.readAllBytes(split.resolve("checkpoint").resolve(QaCheckpoint.WEIGHTS)))
        .isEqualTo(Files.readAllBytes(whole.resolve("checkpoint").resolve(QaCheckpoint.WEIGHTS)));
    QaTrainConfig other = tc.withSeed(5);
    assertThatThrownBy(
            () -> PretrainRss.run(new PretrainRss.Options(split, split, MODEL, VOCAB, other, data, 0, 0),
                TrainSpans.Listener.NONE))
        .hasMessageContaining("recipe");
  }
}
