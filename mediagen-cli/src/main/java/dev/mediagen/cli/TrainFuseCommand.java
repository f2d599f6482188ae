package dev.mediagen.cli;

import dev.mediagen.fuse.FuseCheckpoint;
import dev.mediagen.fuse.FuseModelConfig;
import dev.mediagen.fuse.FuseTrainConfig;
import dev.mediagen.fuse.TrainFuse;
import dev.mediagen.world.WorldConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mediagen train fuse}: X&amp;Fuse (token fusion) or its image-embedding baseline. */
@Command(name = "fuse", mixinStandardHelpOptions = true,
    description = {"Train an X&Fuse model: generation conditioned on a clean image fused as tokens (retrieved, a subject",
        "crop or the scene map, dropped in 30% of rows), by default fine-tuned from a text-to-video checkpoint.",
        "--baseline embedding trains the cross-attention-to-image-embedding baseline instead.",
        "Example: ./mediagen train fuse --init models/t2v-small --steps 600 --out runs/fuse-small"})
final class TrainFuseCommand implements Callable<Integer> {
  @Option(names = "--preset", defaultValue = "small", description = "tiny | small (default: ${DEFAULT-VALUE})")
  String preset;

  @Option(names = "--baseline", description = "embedding: the image as one pooled cross-attention token instead of fused tokens")
  String baseline;

  @Option(names = "--init", description = "text-to-video checkpoint to start from (small default: models/t2v-small; 'none' for scratch)")
  String init;

  @Option(names = "--minutes", defaultValue = "0", description = "stop (and checkpoint) after this many minutes; 0 = no limit")
  double minutes;

  @Option(names = "--steps", defaultValue = "0", description = "stop after this many total steps; 0 = the preset's schedule")
  long steps;

  @Option(names = "--schedule", defaultValue = "0", description = "length of the cosine learning-rate schedule in steps; 0 = the preset's (ignored on --resume)")
  long schedule;

  @Option(names = "--resume", description = "run or checkpoint directory to continue")
  Path resume;

  @Option(names = "--out", description = "run directory (default: runs/fuse-<preset>[-embedding])")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (minutes < 0) throw new IllegalArgumentException("--minutes %s must be >= 0".formatted(minutes));
    if (schedule < 0) throw new IllegalArgumentException("--schedule %d must be >= 0".formatted(schedule));
    if (steps < 0) throw new IllegalArgumentException("--steps %d must be >= 0".formatted(steps));
    boolean tiny = switch (preset) {
      case "tiny" -> true;
      case "small" -> false;
      default -> throw new IllegalArgumentException("unknown preset '%s'; allowed: [tiny, small]".formatted(preset));
    };
    FuseModelConfig.Conditioning c = baseline == null ? FuseModelConfig.Conditioning.TOKENS : switch (baseline) {
      case "embedding" -> FuseModelConfig.Conditioning.EMBEDDING;
      default -> throw new IllegalArgumentException("unknown --baseline '%s'; allowed: [embedding]".formatted(baseline));
    };
    FuseModelConfig model = tiny ? FuseModelConfig.tiny(c) : FuseModelConfig.small(c);
    WorldConfig world = tiny ? WorldConfig.tiny() : WorldConfig.defaults();
    FuseTrainConfig train = tiny ? FuseTrainConfig.tiny() : FuseTrainConfig.small();
    if (schedule > 0) train = train.withTotalSteps(schedule);
    Path initDir = init == null ? (tiny ? null : Paths.home().resolve("models").resolve("t2v-small"))
        : init.equals("none") ? null : Path.of(init);
    if (initDir != null && !Files.exists(initDir)) throw new java.nio.file.NoSuchFileException("--init checkpoint " + initDir + " does not exist");
    if (resume != null) {
      FuseCheckpoint.Config saved = FuseCheckpoint.readConfig(resume);
      train = saved.train();
      initDir = null;
      if (out == null) out = resume.getFileName().toString().equals("checkpoint") ? resume.getParent() : resume;
    }
    if (out == null) out = Path.of("runs", "fuse-" + preset + (c == FuseModelConfig.Conditioning.EMBEDDING ? "-embedding" : ""));
    TrainFuse.Result r;
    try (LossProgress progress = new LossProgress("fuse")) {
      r = TrainFuse.run(new TrainFuse.Options(out, resume, model, world, train, minutes,
          steps > 0 ? steps : train.totalSteps(), initDir), progress);
    }
    System.out.printf("step %d  loss %.4f  cpu %.0f s  checkpoint %s%n", r.step(), r.lastLoss(), r.cpuSeconds(), r.checkpoint());
    return 0;
  }
}
