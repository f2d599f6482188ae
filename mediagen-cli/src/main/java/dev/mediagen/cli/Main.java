package dev.mediagen.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mediagen} command line: one entry point, one subcommand per job. */
@Command(
    name = "mediagen",
    mixinStandardHelpOptions = true,
    version = "mediagen 0.1.0",
    description = "Train, run and evaluate Movie Gen-style models on ShapesWorld.",
    subcommands = {CorefCommand.class})
public final class Main implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
