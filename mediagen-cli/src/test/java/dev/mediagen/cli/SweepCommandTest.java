package dev.mediagen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sweep run|report} end to end on a two-cell grid with a few steps (the wiring, not the learning). */
class SweepCommandTest {
  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CliRun.into(new CommandLine(new Main()), out, err, args);
  }

  @Test
  void runPretrainsSearchesAndReports() throws IOException {
    Path dir = tmp.resolve("sweep");
    int code = run("sweep", "run", "--formats", "extractive,open", "--models", "xs", "--sizes", "4",
        "--seeds", "42", "--test", "4", "--min-steps", "2", "--max-steps", "2", "--lrs", "3e-4,1e-3",
        "--pretrain-steps", "2", "--pretrain-documents", "4", "--out", dir.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(dir.resolve("pretrained/xs/checkpoint/model.safetensors")).isNotEmptyFile();
    assertThat(Files.readString(dir.resolve("summary.md"))).contains("| EXTRACTIVE | xs |").contains("| OPEN | xs |");
    assertThat(dir.resolve("sweep-open.png")).isNotEmptyFile();
    assertThat(run("sweep", "report", "--out", dir.toString())).as(err.toString()).isZero();
  }

  @Test
  void aBadLearningRateIsNamed() {
    int code = run("sweep", "run", "--lrs", "3e-4,fast", "--out", tmp.resolve("bad").toString());
    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("'fast' is not a number");
  }
}
