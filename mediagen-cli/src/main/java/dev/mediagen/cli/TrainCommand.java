package dev.mediagen.cli;

import dev.mediagen.text.WordTokenizer;
import dev.mediagen.video.TrainVideo;
import dev.mediagen.video.VideoTrainConfig;
import dev.mediagen.video.VideoCheckpoint;
import dev.mediagen.world.Captioner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mediagen train ...}: training jobs, one subcommand per model. */
@Command(name = "train", description = "Train a model.", subcommands = {TrainCommand.Video.class, TrainCommand.Tae.class, TrainCommand.Edit.class, TrainFuseCommand.class})
final class TrainCommand {
  @Command(
      name = "video",
      mixinStandardHelpOptions = true,
      description = {
        "Train the text-to-video model (joint image + video flow matching) on ShapesWorld.",
        "Checkpoints go to OUT/checkpoint atomically; --resume continues a run exactly.",
        "Example: ./mediagen train video --preset small --minutes 60 --resume runs/video-small"
      })
  static final class Video implements Callable<Integer> {
    @Option(names = "--preset", defaultValue = "small", description = "tiny | small | latent (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--minutes", defaultValue = "0", description = "stop (and checkpoint) after this many minutes; 0 = no limit")
    double minutes;

    @Option(names = "--steps", defaultValue = "0", description = "stop after this many total steps; 0 = the preset's schedule")
    long steps;

    @Option(names = "--resume", description = "run or checkpoint directory to continue")
    Path resume;

    @Option(names = "--out", description = "run directory (default: runs/video-<preset>, or the resumed run)")
    Path out;

    @Option(names = "--snapshot-cpu-minutes", split = ",", description = "also save EMA snapshots when the run's CPU time passes these minutes (learning curves)")
    java.util.List<Double> snapshots = java.util.List.of();

    @Option(names = "--tae", description = "TAE checkpoint for the latent preset (default: models/tae-small)")
    Path tae;

    @Option(names = "--init", description = "start from this checkpoint's EMA weights (a curriculum stage; positional tables are resampled)")
    Path init;

    @Option(names = "--images-only", description = "text-to-image stage: no video batches (curriculum stage 1)")
    boolean imagesOnly;

    @Option(names = "--uniform-time", description = "share of training times drawn uniformly instead of logit-normal (overrides the recipe, also on --resume)")
    Double uniformTime;

    @Option(names = "--video-every", description = "every k-th step is a video step, 0 = images only (overrides the recipe, also on --resume)")
    Integer videoEvery;

    @Option(names = "--video-batch", description = "clips per video step (overrides the recipe; a new run or --init stage only)")
    Integer videoBatch;

    @Option(names = "--lr", description = "peak learning rate of a new run or --init stage (overrides the recipe's)")
    Float lr;

    @Option(names = "--schedule-steps", description = "length of the warm-up + cosine schedule of a new run or --init stage (overrides the recipe's)")
    Long scheduleSteps;

    @Option(names = "--warmup", description = "warm-up steps of a new run or --init stage (overrides the recipe's)")
    Integer warmup;

    @Override
    public Integer call() throws Exception {
      if (videoEvery != null && videoEvery < 0) throw new IllegalArgumentException("--video-every %d must be >= 0".formatted(videoEvery));
      if (minutes < 0) throw new IllegalArgumentException("--minutes %s must be >= 0".formatted(minutes));
      if (steps < 0) throw new IllegalArgumentException("--steps %d must be >= 0".formatted(steps));
      Presets p = Presets.of(preset, WordTokenizer.fromWords(Captioner.vocabulary(Presets.of(preset, 8).world())).size());
      if (resume == null && preset.equals("latent")) {
        if (tae == null) tae = Paths.home().resolve("models").resolve("tae-small");
        p = p.withLatentScale(LatentScale.estimate(tae, p.world()));
        System.err.printf("mediagen: latent scale %.4f estimated from %s%n", p.model().latent().scale(), tae);
      }
      if (resume != null) {
        VideoCheckpoint.Config c = VideoCheckpoint.readConfig(VideoCheckpoint.resolve(resume));
        p = new Presets(c.model(), c.world(), c.train());
        if (out == null) out = resume.getFileName().toString().equals("checkpoint") ? resume.getParent() : resume;
      }
      if (out == null) out = Path.of("runs", "video-" + preset);
      if (imagesOnly && resume == null) p = new Presets(p.model(), p.world(), p.train().withVideoEvery(0));
      if (uniformTime != null) p = new Presets(p.model(), p.world(), p.train().withUniformTime(uniformTime));
      if (videoEvery != null) p = new Presets(p.model(), p.world(), p.train().withVideoEvery(videoEvery));
      if ((videoBatch != null || lr != null || scheduleSteps != null || warmup != null) && resume != null) {
        throw new IllegalArgumentException("--video-batch, --lr, --schedule-steps and --warmup shape a new run or --init stage; a resumed run keeps its own");
      }
      if (videoBatch != null) p = new Presets(p.model(), p.world(), p.train().withVideoBatch(videoBatch));
      if (lr != null || scheduleSteps != null || warmup != null) {
        VideoTrainConfig t = p.train();
        p = new Presets(p.model(), p.world(), t.withSchedule(lr != null ? lr : t.lr(), warmup != null ? warmup : t.warmup(),
            scheduleSteps != null ? scheduleSteps : t.totalSteps()));
      }
      long maxSteps = steps > 0 ? steps : p.train().totalSteps();
      var options = new TrainVideo.Options(out, resume, p.model(), p.world(), p.train(), minutes, maxSteps, snapshots, tae, init);
      System.err.printf("mediagen: training text-to-video (%s) into %s%n", preset, out);
      ProgressListener listener = new ProgressListener();
      TrainVideo.Result r;
      try {
        r = TrainVideo.run(options, listener);
      } finally {
        listener.close();
      }
      System.out.printf("step %d  train loss %.4f  validation FM loss %.4f  checkpoint %s%n",
          r.step(), r.lastLoss(), r.validationLoss(), r.checkpoint());
      return 0;
    }
  }

  @Command(
      name = "tae",
      mixinStandardHelpOptions = true,
      description = {
        "Train the temporal autoencoder (Movie Gen TAE) on ShapesWorld images and clips (1:3).",
        "Example: ./mediagen train tae --preset small --minutes 60 --resume runs/tae-small"
      })
  static final class Tae implements Callable<Integer> {
    @Option(names = "--preset", defaultValue = "small", description = "tiny | small (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--minutes", defaultValue = "0", description = "stop (and checkpoint) after this many minutes; 0 = no limit")
    double minutes;

    @Option(names = "--steps", defaultValue = "0", description = "stop after this many total steps; 0 = the preset's schedule")
    long steps;

    @Option(names = "--no-opl", description = "train without the outlier penalty loss (the ablation)")
    boolean noOpl;

    @Option(names = "--resume", description = "run or checkpoint directory to continue")
    Path resume;

    @Option(names = "--init", description = "start a new stage from this run's EMA weights (same model shape)")
    Path init;

    @Option(names = "--lr", description = "peak learning rate of a new run or --init stage (overrides the preset's)")
    Float lr;

    @Option(names = "--schedule-steps", description = "length of the warm-up + cosine schedule of a new run or --init stage (overrides the preset's)")
    Long scheduleSteps;

    @Option(names = "--out", description = "run directory (default: runs/tae-<preset>)")
    Path out;

    @Override
    public Integer call() throws Exception {
      var model = switch (preset) {
        case "tiny" -> dev.mediagen.video.TaeConfig.tiny();
        case "small" -> dev.mediagen.video.TaeConfig.small();
        default -> throw new IllegalArgumentException("unknown preset '%s'; allowed: [tiny, small]".formatted(preset));
      };
      if (noOpl) {
        model = new dev.mediagen.video.TaeConfig(model.channels(), model.spatialDown(), model.temporalDown(),
            model.latentChannels(), model.groups(), model.attention(), model.klWeight(), model.edgeWeight(), 0f, model.oplR());
      }
      var world = preset.equals("tiny") ? dev.mediagen.world.WorldConfig.tiny() : dev.mediagen.world.WorldConfig.defaults();
      var train = preset.equals("tiny") ? dev.mediagen.video.TaeTrainConfig.tiny() : dev.mediagen.video.TaeTrainConfig.small();
      if (resume != null && (lr != null || scheduleSteps != null || init != null)) {
        throw new IllegalArgumentException("--init, --lr and --schedule-steps shape a new run or stage; a resumed run keeps its own");
      }
      if (lr != null || scheduleSteps != null) { // the recipe checks both (lr in (0, 1), at least 1 step)
        train = train.withSchedule(lr != null ? lr : train.lr(), scheduleSteps != null ? scheduleSteps : train.totalSteps());
      }
      if (resume != null) {
        dev.mediagen.video.TaeCheckpoint.Config c;
        try (var m = ai.djl.ndarray.NDManager.newBaseManager()) {
          c = dev.mediagen.video.TaeCheckpoint.load(dev.mediagen.video.VideoCheckpoint.resolve(resume), m, false).config();
        }
        model = c.model();
        world = c.world();
        train = c.train();
        if (out == null) out = resume.getFileName().toString().equals("checkpoint") ? resume.getParent() : resume;
      }
      if (out == null) out = Path.of("runs", "tae-" + preset + (noOpl ? "-noopl" : ""));
      long maxSteps = steps > 0 ? steps : train.totalSteps();
      ProgressBar[] bar = {null};
      double[] smooth = {Double.NaN};
      var r = dev.mediagen.video.TrainTae.run(
          new dev.mediagen.video.TrainTae.Options(out, resume, model, world, train, minutes, maxSteps, init),
          new dev.mediagen.video.TrainTae.Listener() {
            @Override
            public void started(long step, long lastStep, String message) {
              System.err.println("mediagen: " + message + ", starting at step " + step + " of " + lastStep);
              bar[0] = new ProgressBarBuilder().setTaskName("tae").setInitialMax(lastStep).startsFrom(step, java.time.Duration.ZERO)
                  .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).showSpeed().build();
            }

            @Override
            public void step(long step, float loss, float rec, float opl, boolean video) {
              smooth[0] = Double.isNaN(smooth[0]) ? rec : 0.98 * smooth[0] + 0.02 * rec;
              bar[0].stepTo(step);
              bar[0].setExtraMessage(String.format(" L1 %.4f opl %.3f", smooth[0], opl));
            }
          });
      if (bar[0] != null) bar[0].close();
      System.out.printf("step %d  loss %.4f  checkpoint %s%n", r.step(), r.lastLoss(), r.checkpoint());
      return 0;
    }
  }

  @Command(name = "edit", mixinStandardHelpOptions = true,
      description = {"Train the Emu Edit model (multi-task instruction editing on ShapesWorld).",
          "Example: ./mediagen train edit --preset small --minutes 60 --resume runs/edit-small"})
  static final class Edit implements Callable<Integer> {
    @Option(names = "--preset", defaultValue = "small", description = "tiny | small (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--minutes", defaultValue = "0", description = "stop (and checkpoint) after this many minutes; 0 = no limit")
    double minutes;

    @Option(names = "--steps", defaultValue = "0", description = "stop after this many total steps; 0 = the preset's schedule")
    long steps;

    @Option(names = "--resume", description = "run or checkpoint directory to continue")
    Path resume;

    @Option(names = "--out", description = "run directory (default: runs/edit-<preset>)")
    Path out;

    @Option(names = "--init", description = "start from this pixel-space text-to-video checkpoint (e.g. models/t2v-small), as Emu Edit starts from Emu")
    Path init;

    @Option(names = "--lr", defaultValue = "0", description = "peak learning rate; 0 = the preset's")
    float lr;

    @Option(names = "--warmup", defaultValue = "-1", description = "warm-up steps; -1 = the preset's")
    int warmup;

    @Option(names = "--schedule-steps", defaultValue = "0", description = "cosine schedule length; 0 = the preset's")
    long scheduleSteps;

    @Option(names = "--tasks", split = ",", description = "train on these tasks only (e.g. local: a single-task expert); default: every training task")
    List<String> tasks;

    @Override
    public Integer call() throws Exception {
      boolean tiny = switch (preset) {
        case "tiny" -> true;
        case "small" -> false;
        default -> throw new IllegalArgumentException("unknown preset '%s'; allowed: [tiny, small]".formatted(preset));
      };
      var model = tiny ? dev.mediagen.edit.EditModelConfig.tiny() : dev.mediagen.edit.EditModelConfig.small();
      var world = tiny ? dev.mediagen.world.WorldConfig.tiny() : dev.mediagen.world.WorldConfig.defaults();
      var train = tiny ? dev.mediagen.edit.EditTrainConfig.tiny() : dev.mediagen.edit.EditTrainConfig.small();
      if (lr < 0 || warmup < -1 || scheduleSteps < 0) {
        throw new IllegalArgumentException("--lr %s, --warmup %d and --schedule-steps %d must be >= 0".formatted(lr, warmup, scheduleSteps));
      }
      train = train.withSchedule(lr > 0 ? lr : train.lr(), warmup >= 0 ? warmup : train.warmup(),
          scheduleSteps > 0 ? scheduleSteps : train.totalSteps()).withTasks(tasks == null ? List.of() : tasks);
      if (resume != null) {
        try (var m = ai.djl.ndarray.NDManager.newBaseManager()) {
          var c = dev.mediagen.edit.EditCheckpoint.load(resume, m, false).config();
          model = c.model();
          world = c.world();
          train = c.train();
        }
        if (out == null) out = resume.getFileName().toString().equals("checkpoint") ? resume.getParent() : resume;
      }
      if (out == null) out = Path.of("runs", "edit-" + preset);
      dev.mediagen.edit.TrainEdit.Result r;
      try (LossProgress progress = new LossProgress("edit")) {
        r = dev.mediagen.edit.TrainEdit.run(new dev.mediagen.edit.TrainEdit.Options(out, resume, model, world, train, minutes,
            steps > 0 ? steps : train.totalSteps(), init), progress);
      }
      System.out.printf("step %d  loss %.4f  checkpoint %s%n", r.step(), r.lastLoss(), r.checkpoint());
      return 0;
    }
  }

  /** Draws the progress bar: step, loss, it/s and ETA. */
  static final class ProgressListener implements TrainVideo.Listener, AutoCloseable {
    private ProgressBar bar;
    private double smoothed = Double.NaN;
    private String val = "-";

    @Override
    public void started(long step, long lastStep, String message) {
      System.err.println("mediagen: " + message + ", starting at step " + step + " of " + lastStep);
      bar = new ProgressBarBuilder().setTaskName("train").setInitialMax(lastStep).startsFrom(step, java.time.Duration.ZERO)
          .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).showSpeed().build();
    }

    @Override
    public void step(long step, float loss, float lr, float gradNorm, boolean video) {
      smoothed = Double.isNaN(smoothed) ? loss : 0.98 * smoothed + 0.02 * loss;
      bar.stepTo(step);
      bar.setExtraMessage(String.format(" loss %.4f val %s lr %.1e", smoothed, val, lr));
    }

    @Override
    public void message(String message) {
      System.err.println("mediagen: " + message);
    }

    @Override
    public void validated(long step, double loss) {
      val = String.format("%.4f", loss);
    }

    @Override
    public void close() {
      if (bar != null) bar.close();
    }
  }
}
