package dev.mediagen.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultsAggregatorTest {

  private static CellResult r(
      TaskFormat f, String model, long params, int n, int seed, double score) {
    return new CellResult(new SweepCell(f, model, n, seed), params, score, Map.of());
  }

  @Test
  void meanAndSampleStdOverSeeds() {
    List<ResultsAggregator.Summary> s =
        ResultsAggregator.summarize(
            List.of(
                r(TaskFormat.EXTRACTIVE, "big", 1000, 32, 42, 50),
                r(TaskFormat.EXTRACTIVE, "small", 10, 32, 42, 1),
                r(TaskFormat.EXTRACTIVE, "small", 10, 32, 43, 2),
                r(TaskFormat.EXTRACTIVE, "small", 10, 32, 44, 3),
                r(TaskFormat.CLASSIFICATION, "small", 10, 128, 42, 70),
                r(TaskFormat.CLASSIFICATION, "small", 10, 128, 43, 80)));
    assertThat(s).hasSize(3);
    // ordered by format, params, n
    assertThat(s.get(0))
        .isEqualTo(
            new ResultsAggregator.Summary(
                TaskFormat.CLASSIFICATION, "small", 10, 128, 75, Math.sqrt(50), 2));
    assertThat(s.get(1).mean()).isEqualTo(2);
    assertThat(s.get(1).std()).isCloseTo(1, within(1e-12)); // sqrt(((1-2)^2 + 0 + (3-2)^2) / 2)
    assertThat(s.get(1).seeds()).isEqualTo(3);
    assertThat(s.get(2))
        .isEqualTo(new ResultsAggregator.Summary(TaskFormat.EXTRACTIVE, "big", 1000, 32, 50, 0, 1));
  }
}
