package dev.mediagen.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mediagen.sweep.CellResult;
import dev.mediagen.sweep.SweepCell;
import dev.mediagen.sweep.TaskFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The few-shot study's aggregation: mean ± sample std over seeds, the gain over the baseline. */
class FewShotReportTest {
  @TempDir Path tmp;

  private static CellResult cell(String variant, int n, int seed, double f1, double em) {
    return new CellResult(
        new SweepCell(TaskFormat.EXTRACTIVE, variant, n, seed), 1000, f1, Map.of("f1", f1, "em", em));
  }

  private static final List<CellResult> RESULTS =
      List.of(
          cell("splinter", 16, 42, 40, 30),
          cell("splinter", 16, 43, 60, 50),
          cell("qass-scratch", 16, 42, 10, 5),
          cell("qass-scratch", 16, 43, 20, 5),
          cell("splinter", 128, 42, 80, 70));

  @Test
  void statsAreMeanAndSampleStdOverSeeds() {
    Map<String, Map<Integer, double[]>> f1 = FewShotReport.stats(RESULTS, "f1");
    assertThat(f1.get("splinter").get(16)).containsExactly(50, Math.sqrt(200), 2);
    assertThat(f1.get("splinter").get(128)).containsExactly(80, 0, 1);
    assertThat(f1.get("qass-scratch").get(16)).containsExactly(15, Math.sqrt(50), 2);
  }

  @Test
  void markdownShowsTheGainOverNoPretraining() {
    String md = FewShotReport.markdown(RESULTS);
    assertThat(md).contains("| splinter | 16 | 2 | 50.0 ± 14.1 | 40.0 ± 14.1 | +35.0 |");
    assertThat(md).contains("| qass-scratch | 16 | 2 | 15.0 ± 7.1 | 5.0 ± 0.0 | +0.0 |");
    // no baseline at 128: no gain
    assertThat(md).contains("| splinter | 128 | 1 | 80.0 ± 0.0 | 70.0 ± 0.0 | – |");
  }

  @Test
  void plotIsWritten() throws IOException {
    Path png = tmp.resolve("f1.png");
    FewShotReport.plot(RESULTS, png);
    assertThat(png).isNotEmptyFile();
  }

  @Test
  void unknownVariantIsNamed() {
    assertThat(FewShotStudy.Variant.of("splinter")).isEqualTo(FewShotStudy.Variant.SPLINTER);
    assertThatThrownBy(() -> FewShotStudy.Variant.of("bert"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'bert'");
  }
}
