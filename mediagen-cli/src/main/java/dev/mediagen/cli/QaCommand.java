package dev.mediagen.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code mediagen qa ...}: Splinter few-shot extractive QA. */
@Command(
    name = "qa",
    mixinStandardHelpOptions = true,
    description = "Splinter QA: RSS pretraining, few-shot fine-tuning, evaluation, the few-shot study, data files.",
    subcommands = {
      QaPretrainCommand.class, QaFinetuneCommand.class, QaEvalCommand.class, QaFewShotCommand.class,
      QaDataCommand.class
    })
public final class QaCommand implements Runnable {

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
