package dev.mediagen.cli;

import dev.mediagen.io.AtomicFiles;
import dev.mediagen.sweep.CellResult;
import dev.mediagen.sweep.ResultsStore;
import dev.mediagen.sweep.SpanSweep;
import dev.mediagen.qa.TrainSpans;
import dev.mediagen.sweep.SweepGrid;
import dev.mediagen.sweep.SweepPretraining;
import dev.mediagen.sweep.SweepReport;
import dev.mediagen.sweep.TaskFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        "RSS-pretrain one span-selection encoder per model size (once, in OUT/pretrained; resumable),",
        "then per cell (format x size x n x seed) fine-tune it on the generated facts at each --lrs",
        "on a carved training set, keep the best on the carved dev set and score it on held-out test",
        "questions; resumable (OUT/results.jsonl); then writes the report. Formats: CLASSIFICATION,",
        "EXTRACTIVE, MULTIPLE_CHOICE (span selection over the input) and OPEN (closed-book: the question",
        "alone, answered from the world's answer inventory).",
        "Example: ./mediagen sweep run --sizes 32,128,512 --seeds 42 --out runs/sweep"
      })
  static final class Run implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--formats", defaultValue = "CLASSIFICATION,EXTRACTIVE,MULTIPLE_CHOICE,OPEN",
        description = "task formats (default: ${DEFAULT-VALUE})")
    String formats;

    @Option(names = "--models", defaultValue = "xs,s,m,l", description = "model sizes (default: ${DEFAULT-VALUE})")
    String models;

    @Option(names = "--sizes", defaultValue = "32,128,512,2048", description = "training-set sizes (default: ${DEFAULT-VALUE})")
    String sizes;

    @Option(names = "--seeds", defaultValue = "42,43,44",
        description = "seeds (default: ${DEFAULT-VALUE}; the paper's five, 42-46, take about 5/3 of the time)")
    String seeds;

    @Option(names = "--test", defaultValue = "200", description = "held-out test questions (default: ${DEFAULT-VALUE})")
    int test;

    @Option(names = "--min-steps", defaultValue = "100", description = "steps: max(min-steps, 10 epochs) (default: ${DEFAULT-VALUE})")
    int minSteps;

    @Option(names = "--max-steps", defaultValue = "250", description = "at most this many steps (default: ${DEFAULT-VALUE})")
    int maxSteps;

    @Option(names = "--lrs", defaultValue = "3e-4,1e-3",
        description = "learning rates searched per cell on the dev carve (default: ${DEFAULT-VALUE})")
    String lrs;

    @Option(names = "--pretrain-steps", defaultValue = "1500",
        description = "RSS pretraining steps per model size; 0 = encoders from scratch (default: ${DEFAULT-VALUE})")
    long pretrainSteps;

    @Option(names = "--pretrain-documents", defaultValue = "10000",
        description = "generated pretraining documents (default: ${DEFAULT-VALUE})")
    int pretrainDocuments;

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
      List<Float> rates = new ArrayList<>();
      for (String r : lrs.split(",")) {
        try {
          rates.add(Float.parseFloat(r.strip()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("--lrs '%s': '%s' is not a number".formatted(lrs, r));
        }
      }
      SpanSweep.Settings settings = new SpanSweep.Settings(QaCli.TRAIN_POOL, test, 192, minSteps, maxSteps,
          rates, new SweepPretraining.Settings(pretrainSteps, pretrainDocuments));
      if (out == null) {
        out = defaultOut();
      }
      Files.createDirectories(out);
      ResultsStore store = ResultsStore.open(out.resolve("results.jsonl"));
      SweepProgress progress = new SweepProgress(spec.commandLine().getErr());
      try (progress) {
        SpanSweep.run(grid, settings, store, out.resolve("pretrained"), progress);
      }
      report(out, spec.commandLine());
      return 0;
    }
  }

  /**
   * The sweep's progress: one bar per pretrained size, then one bar over the cells (created at the
   * first finished cell, so the two never draw at once).
   */
  static final class SweepProgress implements SpanSweep.Listener, AutoCloseable {
    private final PrintWriter err;
    private QaCli.Progress rss;
    private ProgressBar bar;
    private int cells;
    private int done;

    SweepProgress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void started(int cells, int done) {
      this.cells = cells;
      this.done = done;
      err.printf("mediagen: %d cells, %d already done%n", cells, done);
      err.flush();
    }

    @Override
    public TrainSpans.Listener pretraining(String size) {
      closeRss();
      rss = new QaCli.Progress(err, "rss " + size);
      return rss;
    }

    @Override
    public void pretrained(String size) {
      closeRss();
    }

    @Override
    public void finished(CellResult r, double cpu) {
      if (bar == null) {
        bar = new ProgressBarBuilder().setTaskName("sweep").setInitialMax(cells)
            .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).build();
        bar.stepTo(done);
      }
      bar.step();
      bar.setExtraMessage(String.format(Locale.ROOT, " %s %s n=%d seed=%d score %.1f (%.0f CPU-s)",
          r.cell().format(), r.cell().model(), r.cell().n(), r.cell().seed(), r.score(), cpu));
    }

    private void closeRss() {
      if (rss != null) {
        rss.close();
        rss = null;
      }
    }

    @Override
    public void close() {
      closeRss();
      if (bar != null) {
        bar.close();
      }
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
