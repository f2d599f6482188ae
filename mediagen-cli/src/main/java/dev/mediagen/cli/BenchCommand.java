package dev.mediagen.cli;

import dev.mediagen.video.TrainStepBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mediagen bench ...}: the Java side of the benchmarks under bench/. */
@Command(name = "bench", description = "Benchmarks (bench/ scripts compare them with Python peers).",
    subcommands = {BenchCommand.TrainStep.class})
final class BenchCommand {
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
