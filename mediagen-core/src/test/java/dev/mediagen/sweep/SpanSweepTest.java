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
  void candidatesComeBeforeThePassage() {
    for (SpanSweep.Item it : SpanSweep.items(Formats.build(TaskFormat.MULTIPLE_CHOICE, "train", PASSAGES, 1))) {
      Span s = it.example().question().detectedAnswers().get(0).charSpans().get(0);
      int listEnd = String.join(" ; ", it.choices()).length();
      assertThat(s.end()).isLessThan(listEnd);
    }
    for (SpanSweep.Item it : SpanSweep.items(Formats.build(TaskFormat.CLASSIFICATION, "train", PASSAGES, 1))) {
      assertThat(it.example().question().detectedAnswers().get(0).charSpans().get(0).start()).isLessThan(10);
    }
  }

  @Test
  void openQaIsRefused() {
    assertThatThrownBy(() -> SpanSweep.items(Formats.build(TaskFormat.OPEN, "train", PASSAGES, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("open QA");
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
    SpanSweep.Settings s = new SpanSweep.Settings(16, 4, 192, 2, 2, 1e-3f);
    ResultsStore store = ResultsStore.open(tmp.resolve("results.jsonl"));
    SpanSweep.run(grid, s, store, SpanSweep.Listener.NONE);
    List<CellResult> results = store.results();
    assertThat(results).hasSize(2);
    assertThat(results).allSatisfy(r -> assertThat(r.score()).isBetween(0.0, 100.0));
    assertThat(results.get(1).params()).isGreaterThan(results.get(0).params()); // s > xs
    int[] trained = {0};
    SpanSweep.run(grid, s, ResultsStore.open(tmp.resolve("results.jsonl")), new SpanSweep.Listener() {
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
}
