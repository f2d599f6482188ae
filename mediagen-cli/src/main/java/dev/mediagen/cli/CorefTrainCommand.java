package dev.mediagen.cli;

import dev.mediagen.coref.CorefCheckpoint;
import dev.mediagen.coref.CorefData;
import dev.mediagen.coref.CorefDocument;
import dev.mediagen.coref.CorefTrainConfig;
import dev.mediagen.coref.LitbankSplit;
import dev.mediagen.coref.S2eConfig;
import dev.mediagen.coref.StateCache;
import dev.mediagen.coref.TrainCoref;
import dev.mediagen.coref.WordStates;
import dev.mediagen.coref.WordStatesConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
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

/**
 * {@code mediagen coref train}: trains s2e on the LitBank train split, with dev CoNLL F1, atomic
 * checkpoints in OUT/checkpoint, the best-on-dev weights in OUT/best, and exact resume.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train the s2e coreference model on the LitBank train split (dev split for model selection).",
      "Frozen MiniLM states are computed once per document and cached (--cache).",
      "Example: ./mediagen coref train --out runs/coref-s2e --minutes 30 ; later add --resume runs/coref-s2e"
    })
public final class CorefTrainCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--preset", defaultValue = "litbank", description = "litbank | smoke (default: ${DEFAULT-VALUE})")
  String preset;

  @Option(names = "--steps", defaultValue = "0", description = "stop after this many total steps; 0 = the preset's schedule")
  long steps;

  @Option(names = "--minutes", defaultValue = "0", description = "stop (and checkpoint) after this many minutes; 0 = no limit")
  double minutes;

  @Option(names = "--resume", paramLabel = "DIR", description = "run or checkpoint directory to continue exactly")
  Path resume;

  @Option(names = "--out", paramLabel = "DIR", description = "run directory (default: runs/coref-s2e, or the resumed run)")
  Path out;

  @Option(names = "--data", paramLabel = "DIR", description = "LitBank CoNLL directory (default: data/litbank/coref/conll)")
  Path data;

  @Option(names = "--cache", paramLabel = "DIR", description = "frozen-state cache (default: .cache/coref-states)")
  Path cache;

  @Option(names = "--string-features", description = "add exact- and head-match indicators to the pair score (an ablation; not in the paper, not in the shipped model)")
  boolean stringFeatures;

  /** The model and recipe of a preset. */
  record Preset(S2eConfig model, CorefTrainConfig train) {
    static Preset of(String name) {
      return switch (name) {
        case "litbank" -> new Preset(S2eConfig.litbank(), CorefTrainConfig.litbank());
        case "smoke" -> new Preset(
            new S2eConfig(WordStates.DIM, 64, 1, 2, 128, 128, 64, 0.1f, 30, 0.4f, 1f),
            new CorefTrainConfig(2021, 40, 3e-4f, 10, 0.01f, 1f, 0.9f, 512, 20, 20));
        default -> throw new IllegalArgumentException("unknown --preset '" + name + "', allowed: litbank, smoke");
      };
    }
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (minutes < 0) {
        throw new IllegalArgumentException("--minutes %s must be >= 0".formatted(minutes));
      }
      if (steps < 0) {
        throw new IllegalArgumentException("--steps %d must be >= 0".formatted(steps));
      }
      Preset p = Preset.of(preset);
      if (stringFeatures && resume == null) p = new Preset(p.model().withStringFeatures(true), p.train());
      WordStatesConfig states = WordStatesConfig.defaults();
      if (resume != null) {
        CorefCheckpoint.Config c = CorefCheckpoint.readConfig(CorefCheckpoint.resolve(resume));
        p = new Preset(c.model(), c.train());
        states = c.states();
        if (out == null) {
          out = resume.getFileName().toString().equals("checkpoint") ? resume.getParent() : resume;
        }
      }
      if (out == null) {
        out = Paths.home().resolve("runs").resolve("coref-s2e");
      }
      Path dataDir = data != null ? data : CorefCli.defaultData();
      List<CorefDocument> docs = CorefData.read(dataDir);
      LitbankSplit split = LitbankSplit.standard();
      List<CorefDocument> train = split.select(docs, "train");
      List<CorefDocument> dev = split.select(docs, "dev");
      if (train.isEmpty()) {
        throw new IllegalArgumentException("no document of --data " + dataDir + " is in the LitBank train split");
      }
      List<float[]> trainStates;
      List<float[]> devStates;
      try (StateCache cacheDir = new StateCache(cache != null ? cache : CorefCli.defaultCache(), states);
          ProgressBar bar = new ProgressBarBuilder().setTaskName("encode").setInitialMax(train.size() + dev.size())
              .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).build()) {
        trainStates = CorefData.states(train, cacheDir, i -> bar.stepTo(i));
        devStates = CorefData.states(dev, cacheDir, i -> bar.stepTo(train.size() + i));
      }
      long maxSteps = steps > 0 ? steps : p.train().totalSteps();
      var options = new TrainCoref.Options(out, resume, p.model(), p.train(), states,
          CorefData.examples(train, trainStates), dev, devStates, minutes, maxSteps);
      err.printf("mediagen: training s2e (%s) into %s%n", preset, out);
      err.flush();
      TrainCoref.Result r;
      try (Progress listener = new Progress(err)) {
        r = TrainCoref.run(options, listener);
      }
      spec.commandLine().getOut().printf(Locale.ROOT,
          "step %d  train loss %.4f  dev CoNLL F1 %.2f (best %.2f)  checkpoint %s  best %s%n",
          r.step(), r.lastLoss(), 100 * r.devF1(), 100 * r.bestDevF1(), r.checkpoint(), out.resolve("best"));
      spec.commandLine().getOut().flush();
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      err.println("mediagen coref train: " + e.getMessage());
      return 1;
    }
  }

  /** Draws the progress bar: step, smoothed loss, dev F1, it/s and ETA. */
  static final class Progress implements TrainCoref.Listener, AutoCloseable {
    private final PrintWriter err;
    private ProgressBar bar;
    private double smoothed = Double.NaN;
    private String dev = "-";

    Progress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void started(long step, long lastStep, String message) {
      err.println("mediagen: " + message + ", starting at step " + step + " of " + lastStep);
      err.flush();
      bar = new ProgressBarBuilder().setTaskName("train").setInitialMax(lastStep).startsFrom(step, Duration.ZERO)
          .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).showSpeed().build();
    }

    @Override
    public void step(long step, float loss, float lr, float gradNorm) {
      smoothed = Double.isNaN(smoothed) ? loss : 0.98 * smoothed + 0.02 * loss;
      bar.stepTo(step);
      bar.setExtraMessage(String.format(Locale.ROOT, " loss %.3f dev F1 %s lr %.1e", smoothed, dev, lr));
    }

    @Override
    public void validated(long step, double devF1) {
      dev = String.format(Locale.ROOT, "%.2f", 100 * devF1);
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }
}
