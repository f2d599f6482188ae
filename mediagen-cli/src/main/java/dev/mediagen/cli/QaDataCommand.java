package dev.mediagen.cli;

import dev.mediagen.qa.FewShotSampler;
import dev.mediagen.qa.MrqaWriter;
import dev.mediagen.qa.QaDatasets;
import dev.mediagen.qa.QaSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mediagen qa data}: writes the generated QA dataset and its few-shot subsets as MRQA jsonl. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = {
      "Write the generated fact QA dataset in MRQA jsonl: train pool, dev, test, and Splinter-style",
      "few-shot subsets FactWorld-train-seed-S-num-examples-N.jsonl (sizes 16/128/1024, seeds 42-46).",
      "Example: ./mediagen qa data --out data/qa"
    })
public final class QaDataCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
  Path out;

  @Option(names = "--dev", defaultValue = "300", description = "dev questions (default: ${DEFAULT-VALUE})")
  int dev;

  @Option(names = "--test", defaultValue = "300", description = "test questions (default: ${DEFAULT-VALUE})")
  int test;

  @Override
  public Integer call() throws IOException {
    if (dev < 0 || test < 0) {
      throw new IllegalArgumentException("--dev %d and --test %d must be >= 0".formatted(dev, test));
    }
    Files.createDirectories(out);
    QaDatasets.Splits s = QaSetup.qaSplits(QaCli.TRAIN_POOL, dev, test);
    MrqaWriter.write(out.resolve("FactWorld-train.jsonl"), s.train());
    MrqaWriter.write(out.resolve("FactWorld-dev.jsonl"), s.dev());
    MrqaWriter.write(out.resolve("FactWorld-test.jsonl"), s.test());
    var files = FewShotSampler.writeAll(s.train(), QaDatasets.DATASET, out, FewShotSampler.SIZES, FewShotSampler.SEEDS);
    spec.commandLine().getOut().printf("wrote train (%d), dev (%d), test (%d) and %d few-shot files to %s%n",
        s.train().questionCount(), s.dev().questionCount(), s.test().questionCount(), files.size(), out);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
