package dev.mediagen.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsStoreTest {

  private static final SweepGrid GRID =
      new SweepGrid(
          List.of(TaskFormat.EXTRACTIVE, TaskFormat.OPEN),
          List.of("tiny", "small"),
          List.of(32, 128),
          List.of(42, 43));

  /** Runs pending cells, "crashing" after {@code budget} of them; records what ran. */
  private static void run(ResultsStore store, int budget, List<String> ran) throws IOException {
    int done = 0;
    for (SweepCell cell : store.pending(GRID)) {
      if (done++ == budget) {
        throw new IllegalStateException("killed");
      }
      ran.add(cell.key());
      double score = cell.n() + cell.seed() + (cell.model().equals("small") ? 10 : 0);
      store.append(
          new CellResult(
              cell,
              cell.model().equals("small") ? 2000 : 1000,
              score,
              Map.of("f1", score, "em", Double.NaN)));
    }
  }

  @Test
  void killedSweepResumesWithoutRedoingFinishedCells(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("runs/sweep.jsonl");
    List<String> ran = new ArrayList<>();
    ResultsStore first = ResultsStore.open(file);
    assertThatThrownBy(() -> run(first, 5, ran)).hasMessage("killed");
    // the kill also tore the line being written
    Files.writeString(
        file,
        "{\"cell\":{\"format\":\"OPEN\",\"mo",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);

    ResultsStore second = ResultsStore.open(file);
    assertThat(second.tornLines()).isEqualTo(1);
    assertThat(second.results()).hasSize(5);
    assertThat(second.pending(GRID)).hasSize(GRID.cells().size() - 5);
    run(second, Integer.MAX_VALUE, ran);

    assertThat(ran).hasSize(GRID.cells().size()).doesNotHaveDuplicates();
    ResultsStore third = ResultsStore.open(file);
    assertThat(third.tornLines()).isZero();
    assertThat(third.pending(GRID)).isEmpty();
    assertThat(third.results()).hasSize(16);
    assertThat(Files.readAllLines(file)).hasSize(16);
    CellResult r = third.results().get(0);
    assertThat(r.cell()).isEqualTo(GRID.cells().get(0));
    assertThat(r.metrics().get("em")).isNaN();
    assertThat(r.score()).isEqualTo(32 + 42);
  }

  @Test
  void corruptCompleteLineIsAnErrorNamingFileAndLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("s.jsonl");
    ResultsStore store = ResultsStore.open(file);
    store.append(new CellResult(GRID.cells().get(0), 5, 1, Map.of()));
    // a complete line that does not parse is corruption, not a torn tail: never dropped silently
    Files.writeString(file, "garbage\n", StandardOpenOption.APPEND);
    assertThatThrownBy(() -> ResultsStore.open(file))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(file + ":2: unreadable result line");
  }

  @Test
  void refusesToStoreACellTwice(@TempDir Path dir) throws IOException {
    ResultsStore store = ResultsStore.open(dir.resolve("s.jsonl"));
    CellResult r = new CellResult(GRID.cells().get(0), 5, 1, Map.of());
    store.append(r);
    assertThatThrownBy(() -> store.append(r)).hasMessageContaining("already in");
  }
}
