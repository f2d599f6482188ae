package dev.mediagen.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SweepGridTest {

  @Test
  void paperGridEnumeratesEveryCellOnce() {
    SweepGrid g = SweepGrid.paper();
    List<SweepCell> cells = g.cells();
    assertThat(cells).hasSize(4 * 5 * 4 * 5);
    assertThat(cells).extracting(SweepCell::key).doesNotHaveDuplicates();
    assertThat(cells.get(0))
        .isEqualTo(new SweepCell(TaskFormat.CLASSIFICATION, "t5-v1_1-small", 32, 42));
    assertThat(cells.get(1).seed()).isEqualTo(43);
    assertThat(cells.get(0).key()).isEqualTo("CLASSIFICATION/t5-v1_1-small/32/42");
    assertThat(TaskFormat.EXTRACTIVE.selectOnDevExactMatch()).isTrue();
    assertThat(TaskFormat.OPEN.selectOnDevExactMatch()).isFalse();
  }

  @Test
  void rejectsEmptyAxesAndBadSizes() {
    assertThatThrownBy(() -> new SweepGrid(List.of(), List.of("s"), List.of(32), List.of(42)))
        .hasMessageContaining("got 0, 1, 1, 1");
    assertThatThrownBy(
            () -> new SweepGrid(List.of(TaskFormat.OPEN), List.of("s"), List.of(1), List.of(42)))
        .hasMessageContaining("must be >= 2 (train + dev), got 1");
    assertThatThrownBy(
            () ->
                new SweepGrid(List.of(TaskFormat.OPEN), List.of("s", "s"), List.of(8), List.of(42)))
        .hasMessageContaining("distinct");
  }
}
