package dev.mediagen.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.mediagen.io.Json;
import dev.mediagen.video.EvalReport;
import dev.mediagen.video.EvalVideo;
import dev.mediagen.video.TrainVideo;
import dev.mediagen.video.VideoCheckpoint;
import dev.mediagen.video.VideoGenerator;
import dev.mediagen.world.SceneSampler;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mediagen eval ...}: evaluation jobs. */
@Command(name = "eval", description = "Evaluate a model.", subcommands = {EvalCommand.Video.class, EvalCommand.Curve.class})
final class EvalCommand {
  @Command(
      name = "video",
      mixinStandardHelpOptions = true,
      description = {
        "Generate every test prompt, read the samples with the checker and report per-attribute accuracy",
        "for seen and unseen (held-out) colour x shape combinations, plus the validation flow-matching loss.",
        "Example: ./mediagen eval video --json out/eval.json --report out/eval"
      })
  static final class Video implements Callable<Integer> {
    @Option(names = "--checkpoint", description = "checkpoint directory (default: models/t2v-small)")
    Path checkpoint;

    @Option(names = "--split", defaultValue = "test", description = "test (the only split with seen/unseen sections)")
    String split;

    @Option(names = "--json", required = true, description = "metrics file to write")
    Path json;

    @Option(names = "--report", description = "directory for the HTML report")
    Path report;

    @Option(names = "--images", defaultValue = "200", description = "test images per section (default: ${DEFAULT-VALUE})")
    int images;

    @Option(names = "--videos", defaultValue = "64", description = "test videos per section (default: ${DEFAULT-VALUE})")
    int videos;

    @Option(names = "--steps", defaultValue = "50", description = "ODE steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--schedule", defaultValue = "lq", description = "lq | linear (default: ${DEFAULT-VALUE})")
    String schedule;

    @Option(names = "--guidance", defaultValue = "4", description = "CFG scale (default: ${DEFAULT-VALUE})")
    float guidance;

    @Option(names = "--seed", defaultValue = "2024", description = "prompt and noise seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
      if (!split.equals("test")) throw new IllegalArgumentException("--split '%s': only 'test' is evaluated".formatted(split));
      Paths.requireWritable(json);
      Path ckpt = checkpoint == null ? Paths.defaultVideoCheckpoint() : checkpoint;
      Map<String, Object> out = run(ckpt, new EvalVideo.Options(images, videos, steps, schedule, guidance, seed), report, 24);
      Json.write(json, out);
      System.out.println(Json.toJson(out));
      if (report != null) System.err.println("mediagen: report at " + report.resolve("index.html").toAbsolutePath());
      return 0;
    }
  }

  @Command(
      name = "curve",
      mixinStandardHelpOptions = true,
      description = {
        "Learning-speed curve: evaluate every CPU-time snapshot of a run (train video --snapshot-cpu-minutes)",
        "and plot test-split accuracy against CPU-minutes.",
        "Example: ./mediagen eval curve --run runs/video-small --json out/curve.json --plot out/curve.png"
      })
  static final class Curve implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--run", required = true, description = "run directory with snapshots/")
    Path run;

    @Option(names = "--json", required = true, description = "results file")
    Path json;

    @Option(names = "--plot", description = "PNG plot")
    Path plot;

    @Option(names = "--images", defaultValue = "120", description = "test images per section (default: ${DEFAULT-VALUE})")
    int images;

    @Option(names = "--videos", defaultValue = "24", description = "test videos per section (default: ${DEFAULT-VALUE})")
    int videos;

    @Option(names = "--steps", defaultValue = "50", description = "ODE steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Override
    public Integer call() throws Exception {
      java.util.List<Path> snaps;
      try (var s = java.nio.file.Files.list(run.resolve("snapshots"))) {
        snaps = s.filter(java.nio.file.Files::isDirectory).sorted().toList();
      } catch (java.nio.file.NoSuchFileException e) {
        throw new java.nio.file.NoSuchFileException(run.resolve("snapshots") + " does not exist (train with --snapshot-cpu-minutes)");
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      Map<String, double[][]> series = new LinkedHashMap<>();
      java.util.List<Map<String, Object>> points = new java.util.ArrayList<>();
      Map<String, Map<String, Object>> earlier = earlierPoints();
      for (Path snap : snaps) {
        Map<String, Object> r = earlier.get(snap.toString());
        if (r != null) {
          spec.commandLine().getErr().printf("mediagen: %s already in %s with these settings, reused%n", snap.getFileName(), json);
          for (String section : java.util.List.of("seen", "unseen")) {
            r.put(section, Json.mapper().convertValue(r.get(section), EvalVideo.Section.class));
          }
        } else {
          r = run(snap, new EvalVideo.Options(images, videos, steps, "lq", 4f, 2024), null, 0);
        }
        double minutes = VideoCheckpoint.readState(snap).cpuSeconds() / 60;
        r.put("cpu_minutes", minutes);
        points.add(r);
        for (String section : java.util.List.of("seen", "unseen")) {
          EvalVideo.Section s = (EvalVideo.Section) r.get(section);
          s.headline().forEach((k, v) -> {
            double[][] xy = series.computeIfAbsent(section + " " + k, x -> new double[2][0]);
            xy[0] = java.util.Arrays.copyOf(xy[0], xy[0].length + 1);
            xy[1] = java.util.Arrays.copyOf(xy[1], xy[1].length + 1);
            xy[0][xy[0].length - 1] = minutes;
            xy[1][xy[1].length - 1] = v;
          });
        }
        spec.commandLine().getErr().printf("mediagen: %s at %.0f CPU-minutes done%n", snap.getFileName(), minutes);
        spec.commandLine().getErr().flush();
      }
      doc.put("run", run.toString());
      doc.put("points", points);
      Json.write(json, doc);
      if (plot != null) dev.mediagen.io.Plots.lines("Test-split accuracy vs training CPU-minutes", "CPU-minutes", "accuracy", series, true, plot);
      System.out.println(Json.toJson(doc));
      return 0;
    }

    /**
     * Points of an earlier run of this command on the same --json file, by checkpoint, that used the same images,
     * videos and steps: a resumed curve only evaluates the snapshots it has not seen.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> earlierPoints() throws java.io.IOException {
      Map<String, Map<String, Object>> out = new LinkedHashMap<>();
      if (!java.nio.file.Files.exists(json)) return out;
      Map<String, Object> old = Json.read(json, Map.class);
      if (!(old.get("points") instanceof java.util.List<?> list)) return out;
      for (Object o : list) {
        Map<String, Object> p = (Map<String, Object>) o;
        Map<String, Object> seen = (Map<String, Object>) p.get("seen");
        Map<String, Object> sampling = (Map<String, Object>) p.get("sampling");
        boolean same = seen != null && sampling != null && ((Number) seen.get("images")).intValue() == images
            && ((Number) seen.get("videos")).intValue() == videos && ((Number) sampling.get("steps")).intValue() == steps;
        if (same) out.put((String) p.get("checkpoint"), new LinkedHashMap<>(p));
      }
      return out;
    }
  }

  /** Runs an evaluation and returns the JSON document (also used by quickstart). */
  static Map<String, Object> run(Path ckpt, EvalVideo.Options o, Path report, int gallery) throws Exception {
    long t0 = System.nanoTime();
    try (NDManager m = NDManager.newBaseManager();
        VideoGenerator gen = VideoGenerator.load(ckpt, m, 32)) {
      VideoCheckpoint.Config c = gen.config();
      SceneSampler sampler = new SceneSampler(c.world());
      long solverSteps = (long) o.steps() * 2 * (chunks(o.images(), 32) + chunks(o.videos(), 32) * c.world().fps().size());
      EvalVideo.Result r;
      try (ProgressBar bar = new ProgressBarBuilder().setTaskName("eval").setInitialMax(solverSteps)
          .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).build()) {
        r = EvalVideo.run(gen, sampler, o, i -> bar.step());
      }
      double val = TrainVideo.validationLoss(gen.model(), new ParameterStore(m, false), m, sampler, c.train(), gen.prompts(), gen.space());
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("checkpoint", ckpt.toString());
      doc.put("step", gen.state().step());
      doc.put("seen", r.seen());
      doc.put("unseen", r.unseen());
      doc.put("validation_fm_loss", val);
      doc.put("sampling", Map.of("steps", o.steps(), "schedule", o.schedule(), "guidance", o.guidance(), "seed", o.seed(), "solver", "euler"));
      doc.put("seconds", (System.nanoTime() - t0) / 1e9);
      if (report != null) {
        Map<String, Object> facts = new LinkedHashMap<>(doc);
        facts.remove("seen");
        facts.remove("unseen");
        EvalReport.write(report, "mediagen text-to-video evaluation", r, facts, gallery);
      }
      return doc;
    }
  }

  private static long chunks(int n, int size) {
    return (n + size - 1) / size;
  }
}
