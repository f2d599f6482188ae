package dev.mediagen.cli;

import dev.mediagen.io.AtomicFiles;
import dev.mediagen.sweep.CellResult;
import dev.mediagen.sweep.ResultsStore;
import dev.mediagen.sweep.SpanSweep;
import dev.mediagen.sweep.SweepGrid;
import dev.mediagen.sweep.SweepReport;
import dev.mediagen.sweep.TaskFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mediagen sweep run|report}: the params-vs-examples study (scaled down, span selection). */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = "Params vs examples: model sizes x training-set sizes x seeds x task formats.",
    subcommands = {SweepCommand.Run.class, SweepCommand.Report.class})
public final class SweepCommand implements Runnable {

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static Path defaultOut() {
    return Paths.home().resolve("runs").resolve("sweep");
  }

  /** Writes OUT/summary.md and the per-format plots; prints the summary. */
  static void report(Path out, CommandLine cl) throws IOException {
    List<CellResult> results = ResultsStore.open(out.resolve("results.jsonl")).results();
    if (results.isEmpty()) {
      throw new IllegalArgumentException("no results in " + out.resolve("results.jsonl"));
    }
    String md = SweepReport.markdown(results);
    AtomicFiles.writeString(out.resolve("summary.md"), md);
    List<Path> pngs = SweepReport.plots(results, out, "sweep");
    cl.getOut().print(md);
    pngs.forEach(p -> cl.getOut().println("plot " + p));
    cl.getOut().flush();
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = {
        "Train one span-selection encoder from scratch per cell (format x size x n x seed) on the",
        "generated facts and score it on held-out test questions; resumable (OUT/results.jsonl);",
        "then writes the report. Formats: CLASSIFICATION, EXTRACTIVE, MULTIPLE_CHOICE (OPEN needs a",
        "generator and is not supported by this runner).",
        "Example: ./mediagen sweep run --sizes 32,128,512 --seeds 42 --out runs/sweep"
      })
  static final class Run implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--formats", defaultValue = "CLASSIFICATION,EXTRACTIVE,MULTIPLE_CHOICE",
        description = "task formats (default: ${DEFAULT-VALUE})")
    String formats;

    @Option(names = "--models", defaultValue = "xs,s,m,l", description = "model sizes (default: ${DEFAULT-VALUE})")
    String models;

    @Option(names = "--sizes", defaultValue = "32,128,512,2048", description = "training-set sizes (default: ${DEFAULT-VALUE})")
    String sizes;

    @Option(names = "--seeds", defaultValue = "42,43,44,45,46", description = "seeds (default: ${DEFAULT-VALUE})")
    String seeds;

    @Option(names = "--test", defaultValue = "200", description = "held-out test questions (default: ${DEFAULT-VALUE})")
    int test;

    @Option(names = "--min-steps", defaultValue = "100", description = "steps: max(min-steps, 10 epochs) (default: ${DEFAULT-VALUE})")
    int minSteps;

    @Option(names = "--max-steps", defaultValue = "250", description = "at most this many steps (default: ${DEFAULT-VALUE})")
    int maxSteps;

    @Option(names = "--lr", defaultValue = "1e-3", description = "peak learning rate (default: ${DEFAULT-VALUE})")
    float lr;

    @Option(names = "--out", paramLabel = "DIR", description = "results directory (default: runs/sweep)")
    Path out;

    @Override
    public Integer call() throws IOException {
      List<TaskFormat> fs = Arrays.stream(formats.split(",")).map(String::strip).map(f -> {
        try {
          return TaskFormat.valueOf(f.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "unknown format '%s', allowed: %s".formatted(f, Arrays.toString(TaskFormat.values())));
        }
      }).toList();
      SweepGrid grid = new SweepGrid(fs, Arrays.stream(models.split(",")).map(String::strip).toList(),
          QaCli.ints(sizes, "--sizes"), QaCli.ints(seeds, "--seeds"));
      SpanSweep.Settings settings = new SpanSweep.Settings(QaCli.TRAIN_POOL, test, 192, minSteps, maxSteps, lr);
      if (out == null) {
        out = defaultOut();
      }
      Files.createDirectories(out);
      ResultsStore store = ResultsStore.open(out.resolve("results.jsonl"));
      ProgressBar[] bar = new ProgressBar[1];
      try {
        SpanSweep.run(grid, settings, store, new SpanSweep.Listener() {
          @Override
          public void started(int cells, int done) {
            bar[0] = new ProgressBarBuilder().setTaskName("sweep").setInitialMax(cells)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).build();
            bar[0].stepTo(done);
          }

          @Override
          public void finished(CellResult r, double cpu) {
            bar[0].step();
            bar[0].setExtraMessage(String.format(Locale.ROOT, " %s %s n=%d seed=%d score %.1f (%.0f CPU-s)",
                r.cell().format(), r.cell().model(), r.cell().n(), r.cell().seed(), r.score(), cpu));
          }
        });
      } finally {
        if (bar[0] != null) {
          bar[0].close();
        }
      }
      report(out, spec.commandLine());
      return 0;
    }
  }

  @Command(
      name = "report",
      mixinStandardHelpOptions = true,
      description = {"Aggregate a sweep's results: table, fit per format (b/a), plots.",
        "Example: ./mediagen sweep report --out runs/sweep"})
  static final class Report implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "results directory (default: runs/sweep)")
    Path out;

    @Override
    public Integer call() throws IOException {
      report(out != null ? out : defaultOut(), spec.commandLine());
      return 0;
    }
  }
}
