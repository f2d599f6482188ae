package dev.mediagen.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code mediagen coref ...}: s2e coreference and its evaluation on CoNLL-2012 files. */
@Command(
    name = "coref",
    mixinStandardHelpOptions = true,
    description = "Coreference (s2e): train, evaluate and run the model; score CoNLL-2012 files; baselines.",
    subcommands = {
      CorefScoreCommand.class, CorefBaselineCommand.class, CorefTrainCommand.class, CorefEvalCommand.class,
      CorefPredictCommand.class, CorefExportCommand.class, CorefMemoryCommand.class
    })
public final class CorefCommand implements Runnable {

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
