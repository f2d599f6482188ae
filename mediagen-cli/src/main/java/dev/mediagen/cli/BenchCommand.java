package dev.mediagen.cli;

import dev.mediagen.video.TrainStepBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mediagen bench ...}: the Java side of the benchmarks under bench/. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {
      "Pairwise benchmark (Movie Gen Bench analogue): net win rate of A over B judged by the checker,",
      "overall and per tag, with bootstrap 95% intervals. A setting is CKPT[@steps=N,schedule=lq|linear,guidance=G].",
      "Example: ./mediagen bench --a models/t2v-small@steps=50,schedule=lq --b models/t2v-small@steps=250,schedule=linear --json out/bench.json",
      "Subcommands time training steps against Python peers (bench/ scripts)."
    },
    subcommands = {BenchCommand.TrainStep.class, BenchGenerateCommand.class})
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--a", description = "first checkpoint or setting")
  String a;

  @Option(names = "--b", description = "second checkpoint or setting")
  String b;

  @Option(names = "--prompts", defaultValue = "96", description = "benchmark prompts (default: ${DEFAULT-VALUE})")
  int prompts;

  @Option(names = "--seed", defaultValue = "7", description = "prompt, noise and bootstrap seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--json", description = "results file to write")
  java.nio.file.Path json;

  /** A parsed setting: checkpoint path and sampling overrides. */
  record Setting(java.nio.file.Path checkpoint, int steps, String schedule, float guidance) {
    static Setting parse(String spec) {
      String[] parts = spec.split("@", 2);
      int steps = 50;
      String schedule = "lq";
      float guidance = 4f;
      if (parts.length == 2) {
        for (String kv : parts[1].split(",")) {
          String[] p = kv.split("=", 2);
          if (p.length != 2) throw new IllegalArgumentException("setting '%s': expected key=value, got '%s'".formatted(spec, kv));
          switch (p[0]) {
            case "steps" -> steps = Integer.parseInt(p[1]);
            case "schedule" -> schedule = p[1];
            case "guidance" -> guidance = Float.parseFloat(p[1]);
            default -> throw new IllegalArgumentException("setting '%s': unknown key '%s'; allowed: steps, schedule, guidance".formatted(spec, p[0]));
          }
        }
      }
      return new Setting(java.nio.file.Path.of(parts[0]), steps, schedule, guidance);
    }
  }

  @Override
  public Integer call() throws Exception {
    if (a == null || b == null) throw new IllegalArgumentException("--a and --b are both required (or use a subcommand, e.g. train-step)");
    if (prompts < 4) throw new IllegalArgumentException("--prompts %d must be >= 4".formatted(prompts));
    Setting sa = Setting.parse(a), sb = Setting.parse(b);
    try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager();
        dev.mediagen.video.VideoGenerator ga = dev.mediagen.video.VideoGenerator.load(sa.checkpoint(), m, 32);
        dev.mediagen.video.VideoGenerator gb = sa.checkpoint().equals(sb.checkpoint()) ? null
            : dev.mediagen.video.VideoGenerator.load(sb.checkpoint(), m, 32)) {
      var list = dev.mediagen.video.PairwiseBench.prompts(new dev.mediagen.world.SceneSampler(ga.config().world()), prompts, seed);
      var r = dev.mediagen.video.PairwiseBench.run(
          new dev.mediagen.video.PairwiseBench.Contender(a, ga, sa.steps(), sa.schedule(), sa.guidance()),
          new dev.mediagen.video.PairwiseBench.Contender(b, gb == null ? ga : gb, sb.steps(), sb.schedule(), sb.guidance()),
          list, seed);
      if (json != null) dev.mediagen.io.Json.write(json, r);
      System.out.printf("net win rate of A over B: %+.1f [%+.1f, %+.1f] over %d prompts (%d wins, %d losses, %d ties)%n",
          r.overall().netWin(), r.overall().low(), r.overall().high(), r.overall().prompts(), r.overall().wins(),
          r.overall().losses(), r.overall().ties());
      r.byTag().forEach((t, v) -> System.out.printf("  %-14s %+6.1f [%+.1f, %+.1f]  n=%d%n", t, v.netWin(), v.low(), v.high(), v.prompts()));
    }
    return 0;
  }
  @Command(name = "train-step", mixinStandardHelpOptions = true,
      description = "Time the reference denoiser training step and measure the sgemm peak.")
  static final class TrainStep implements Callable<Integer> {
    @Option(names = "--iterations", defaultValue = "10", description = "timed steps (default: ${DEFAULT-VALUE})")
    int iterations;

    @Override
    public Integer call() {
      if (iterations < 1) throw new IllegalArgumentException("--iterations %d must be >= 1".formatted(iterations));
      TrainStepBenchmark.Result r = TrainStepBenchmark.run(iterations);
      System.out.printf("java_params=%d java_gflop_per_step=%.1f sgemm_gflops=%.1f%n", r.parameters(), r.flopsPerStep() / 1e9, r.sgemmGflops());
      System.out.printf("java_ms=%.1f java_mfu=%.3f%n", r.medianMs(), r.mfu());
      return 0;
    }
  }
}
