package dev.mediagen.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mediagen} command line: one entry point, one subcommand per job. */
@Command(
    name = "mediagen",
    mixinStandardHelpOptions = true,
    subcommands = {
      QuickstartCommand.class, TrainCommand.class, GenerateCommand.class, EvalCommand.class, CheckCommand.class,
      TaeCommand.class, UpsampleCommand.class, EditCommand.class, AverageCommand.class, ExportCommand.class, CorefCommand.class, QaCommand.class, SweepCommand.class, BenchCommand.class,
      ArenaCommand.class, PickScoreCommand.class, FuseCommand.class
    },
    version = "mediagen 0.1.0",
    description = "Train, run and evaluate Movie Gen-style models on ShapesWorld; the Pick-a-Pic arena and PickScore.")
public final class Main implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** The configured command line (tests call it without exiting the JVM). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
      // bad input and I/O problems are reported as one clear line; MEDIAGEN_DEBUG=1 shows the trace
      if (System.getenv("MEDIAGEN_DEBUG") != null) ex.printStackTrace();
      String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
      cmd.getErr().println("mediagen: error: " + msg);
      return ex instanceof IllegalArgumentException ? 2 : 1;
    });
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
