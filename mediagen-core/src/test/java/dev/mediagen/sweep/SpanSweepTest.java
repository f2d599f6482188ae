package dev.mediagen.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mediagen.qa.EntitySplit;
import dev.mediagen.qa.FactPassage;
import dev.mediagen.qa.MrqaDataset;
import dev.mediagen.qa.QaDatasets;
import dev.mediagen.qa.Span;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The span-selection sweep: format conversion, scoring, and a two-step run that resumes. */
class SpanSweepTest {
  @TempDir Path tmp;

  private static final List<FactPassage> PASSAGES =
      QaDatasets.passages(SpanSweep.DATA_SEED, EntitySplit.TRAIN, 24);

  private static String answerText(MrqaDataset.Example e) {
    Span s = e.question().detectedAnswers().get(0).charSpans().get(0);
    return e.context().context().substring(s.start(), s.end() + 1);
  }

  @Test
  void everyFormatLabelsItsTargetAsASpanOfTheInput() {
    for (TaskFormat f : List.of(TaskFormat.CLASSIFICATION, TaskFormat.EXTRACTIVE, TaskFormat.MULTIPLE_CHOICE)) {
      List<SpanSweep.Item> items = SpanSweep.items(Formats.build(f, "train", PASSAGES, 1));
      assertThat(items).hasSize(24);
      for (SpanSweep.Item it : items) {
        assertThat(answerText(it.example())).isEqualTo(it.task().target());
      }
    }
  }

  @Test
  void candidatesComeBeforeThePassageAndTheLabelIsTheAnswerInThePassage() {
    for (SpanSweep.Item it : SpanSweep.items(Formats.build(TaskFormat.MULTIPLE_CHOICE, "train", PASSAGES, 1))) {
      Span s = it.example().question().detectedAnswers().get(0).charSpans().get(0);
      String list = String.join(" ; ", it.choices());
      assertThat(it.example().context().context()).startsWith(list + " . ");
      assertThat(s.start()).isGreaterThanOrEqualTo(list.length() + 3);
    }
    for (SpanSweep.Item it : SpanSweep.items(Formats.build(TaskFormat.CLASSIFICATION, "train", PASSAGES, 1))) {
      assertThat(it.example().question().detectedAnswers().get(0).charSpans().get(0).start()).isLessThan(10);
    }
  }

  @Test
  void openQaHasNoInputSpanAndIsScoredByExactMatch() {
    List<SpanSweep.Item> items = SpanSweep.items(Formats.build(TaskFormat.OPEN, "train", PASSAGES, 1));
    assertThat(items).isNotEmpty().allSatisfy(it -> assertThat(it.example()).isNull());
    List<SpanSweep.Item> two = items.subList(0, 2);
    // one exact answer and one partly overlapping answer: EM 50, where F1 would give more
    String partial = "x " + two.get(1).task().target();
    assertThat(SpanSweep.score(TaskFormat.OPEN, two, List.of(two.get(0).task().target(), partial)))
        .isEqualTo(50.0);
  }

  @Test
  void rankingMapsASpanToTheClosestCandidate() {
    List<String> choices = List.of("Mira Tolland", "Quessa", "1861", "a brass chess set");
    assertThat(SpanSweep.rank("Tolland", choices)).isEqualTo("Mira Tolland");
    assertThat(SpanSweep.rank("the brass chess", choices)).isEqualTo("a brass chess set");
    assertThat(SpanSweep.rank("", choices)).isEqualTo("Mira Tolland"); // no overlap: the first
  }

  @Test
  void nestedSamplesArePrefixesAndSeeded() {
    List<Integer> pool = java.util.stream.IntStream.range(0, 100).boxed().toList();
    List<Integer> small = SpanSweep.nested(pool, 8, 42);
    assertThat(SpanSweep.nested(pool, 32, 42).subList(0, 8)).isEqualTo(small);
    assertThat(SpanSweep.nested(pool, 8, 42)).isEqualTo(small);
    assertThat(SpanSweep.nested(pool, 8, 43)).isNotEqualTo(small);
  }

  @Test
  void tinyRunStoresEveryCellAndResumes() throws IOException {
    SweepGrid grid = new SweepGrid(List.of(TaskFormat.CLASSIFICATION), List.of("xs", "s"), List.of(4), List.of(42));
    SpanSweep.Settings s =
        new SpanSweep.Settings(16, 4, 192, 2, 2, List.of(1e-3f), new SweepPretraining.Settings(0, 1));
    ResultsStore store = ResultsStore.open(tmp.resolve("results.jsonl"));
    SpanSweep.run(grid, s, store, null, SpanSweep.Listener.NONE);
    List<CellResult> results = store.results();
    assertThat(results).hasSize(2);
    assertThat(results).allSatisfy(r -> assertThat(r.score()).isBetween(0.0, 100.0));
    assertThat(results.get(1).params()).isGreaterThan(results.get(0).params()); // s > xs
    int[] trained = {0};
    SpanSweep.run(grid, s, ResultsStore.open(tmp.resolve("results.jsonl")), null, new SpanSweep.Listener() {
      @Override
      public void finished(CellResult r, double cpu) {
        trained[0]++;
      }
    });
    assertThat(trained[0]).isZero();
    String md = SweepReport.markdown(results);
    assertThat(md).contains("| CLASSIFICATION | xs |").contains("b/a");
    assertThat(SweepReport.plots(results, tmp, "sweep")).singleElement()
        .satisfies(p -> assertThat(p).isNotEmptyFile());
  }

  @Test
  void devCarveIsThePapersSplit() {
    assertThat(SpanSweep.devCarve(32)).isEqualTo(24); // ⌊3·32/4⌋
    assertThat(SpanSweep.devCarve(512)).isEqualTo(384);
    assertThat(SpanSweep.devCarve(2048)).isEqualTo(1648); // n − 400 > ⌊3n/4⌋ = 1536
    assertThat(SpanSweep.devCarve(2)).isEqualTo(1); // at least one dev example
    assertThatThrownBy(() -> SpanSweep.devCarve(1)).hasMessageContaining("got 1");
  }

  @Test
  void pretrainsEachSizeOnceSearchesTheLearningRatesAndReusesTheEncoders() throws IOException {
    SweepGrid grid =
        new SweepGrid(List.of(TaskFormat.EXTRACTIVE, TaskFormat.OPEN), List.of("xs"), List.of(4), List.of(42));
    SpanSweep.Settings s =
        new SpanSweep.Settings(16, 4, 192, 2, 2, List.of(3e-4f, 1e-3f), new SweepPretraining.Settings(3, 4));
    List<String> pretrained = new java.util.ArrayList<>();
    SpanSweep.Listener counting = new SpanSweep.Listener() {
      @Override
      public dev.mediagen.qa.TrainSpans.Listener pretraining(String size) {
        pretrained.add(size);
        return dev.mediagen.qa.TrainSpans.Listener.NONE;
      }
    };
    Path dir = tmp.resolve("pretrained");
    SpanSweep.run(grid, s, ResultsStore.open(tmp.resolve("results.jsonl")), dir, counting);
    assertThat(pretrained).containsExactly("xs");
    assertThat(dir.resolve("xs/checkpoint/model.safetensors")).isNotEmptyFile();
    CellResult r = ResultsStore.open(tmp.resolve("results.jsonl")).results().get(0);
    assertThat(r.metrics().get("lr")).isIn((double) 3e-4f, (double) 1e-3f);
    assertThat(r.metrics()).containsEntry("pretrain_steps", 3.0).containsKey("dev_score");
    // a new cell of the same size reads the finished encoder instead of pretraining again
    SweepGrid more =
        new SweepGrid(List.of(TaskFormat.EXTRACTIVE, TaskFormat.OPEN), List.of("xs"), List.of(4), List.of(42, 43));
    SpanSweep.run(more, s, ResultsStore.open(tmp.resolve("results.jsonl")), dir, counting);
    assertThat(pretrained).containsExactly("xs");
    List<CellResult> all = ResultsStore.open(tmp.resolve("results.jsonl")).results();
    assertThat(all).hasSize(4);
    assertThat(all).filteredOn(x -> x.cell().format() == TaskFormat.OPEN).hasSize(2)
        .allSatisfy(x -> assertThat(x.score()).isBetween(0.0, 100.0));
  }
}
