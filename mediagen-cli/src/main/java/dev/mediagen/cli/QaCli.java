package dev.mediagen.cli;

import dev.mediagen.qa.MrqaDataset;
import dev.mediagen.qa.MrqaReader;
import dev.mediagen.qa.QaSetup;
import dev.mediagen.qa.TrainSpans;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** What the {@code qa} subcommands share: default paths, data loading, the progress bar. */
final class QaCli {
  /** Questions in the generated train pool the few-shot subsets are drawn from. */
  static final int TRAIN_POOL = 2048;

  private QaCli() {}

  static Path defaultLitbank() {
    return Paths.home().resolve("data").resolve("litbank").resolve("coref").resolve("conll");
  }

  /** runs/qa-rss (what {@code qa pretrain} writes by default) when it exists, else the shipped models/qa-rss. */
  static Path defaultPretrained() {
    Path own = Paths.home().resolve("runs").resolve("qa-rss");
    return Files.isDirectory(own) ? own : Paths.home().resolve("models").resolve("qa-rss");
  }

  /** An MRQA file, or the generated split {@code split} of {@code count} questions. */
  static MrqaDataset dataset(Path file, String split, int count) throws IOException {
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("MRQA file " + file + " does not exist");
      }
      return MrqaReader.read(file);
    }
    if (count < 1) {
      throw new IllegalArgumentException("question count %d must be >= 1".formatted(count));
    }
    return switch (split) {
      case "train" -> QaSetup.qaSplits(count, 0, 0).train();
      case "dev" -> QaSetup.qaSplits(0, count, 0).dev();
      case "test" -> QaSetup.qaSplits(0, 0, count).test();
      default -> throw new IllegalArgumentException("unknown split '" + split + "', allowed: train, dev, test");
    };
  }

  /** Parses "16,128,1024" into positive integers. */
  static List<Integer> ints(String csv, String option) {
    List<Integer> out = new ArrayList<>();
    for (String s : csv.split(",")) {
      try {
        int v = Integer.parseInt(s.strip());
        if (v < 1) {
          throw new NumberFormatException();
        }
        out.add(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "%s '%s': every entry must be an integer >= 1, got '%s'".formatted(option, csv, s));
      }
    }
    return out;
  }

  /** Draws a progress bar: step, smoothed loss, lr, it/s and ETA. */
  static final class Progress implements TrainSpans.Listener, AutoCloseable {
    private final PrintWriter err;
    private final String task;
    private ProgressBar bar;
    private double smoothed = Double.NaN;

    Progress(PrintWriter err, String task) {
      this.err = err;
      this.task = task;
    }

    @Override
    public void started(long step, long lastStep, String message) {
      err.println("mediagen: " + message + ", starting at step " + step + " of " + lastStep);
      err.flush();
      bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(lastStep).startsFrom(step, Duration.ZERO)
          .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).showSpeed().build();
    }

    @Override
    public void step(long step, float loss, float lr, float gradNorm) {
      smoothed = Double.isNaN(smoothed) ? loss : 0.98 * smoothed + 0.02 * loss;
      bar.stepTo(step);
      bar.setExtraMessage(String.format(Locale.ROOT, " loss %.3f lr %.1e", smoothed, lr));
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }
}
