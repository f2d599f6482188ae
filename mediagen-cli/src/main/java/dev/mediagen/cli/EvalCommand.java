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
@Command(name = "eval", description = "Evaluate a model.", subcommands = {EvalCommand.Video.class})
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
