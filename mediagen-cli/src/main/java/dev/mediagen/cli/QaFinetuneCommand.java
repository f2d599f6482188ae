package dev.mediagen.cli;

import ai.djl.ndarray.NDManager;
import dev.mediagen.qa.FewShotSampler;
import dev.mediagen.qa.FineTuneQa;
import dev.mediagen.qa.HashedVocab;
import dev.mediagen.qa.MrqaDataset;
import dev.mediagen.qa.QaCheckpoint;
import dev.mediagen.qa.QaPredictor;
import dev.mediagen.qa.QaSetup;
import dev.mediagen.qa.QaTrainConfig;
import dev.mediagen.qa.SpanHeadKind;
import dev.mediagen.qa.SplinterConfig;
import dev.mediagen.qa.SquadMetric;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mediagen qa finetune}: few-shot extractive QA from an RSS checkpoint (or from scratch). */
@Command(
    name = "finetune",
    mixinStandardHelpOptions = true,
    description = {
      "Fine-tune for extractive QA in Splinter's format on an MRQA file or a seeded few-shot subset of",
      "the generated train pool; saves OUT/checkpoint and prints EM/F1 on the generated test split.",
      "Example: ./mediagen qa finetune --pretrained runs/qa-rss --shots 128 --seed 42 --out runs/qa-128"
    })
public final class QaFinetuneCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--pretrained", paramLabel = "DIR", description = "RSS checkpoint (default: runs/qa-rss if it exists, else the shipped models/qa-rss)")
  Path pretrained;

  @Option(names = "--scratch", description = "start the encoder from scratch (the no-pretraining baseline)")
  boolean scratch;

  @Option(names = "--head", defaultValue = "qass", description = "qass | linear (default: ${DEFAULT-VALUE})")
  String head;

  @Option(names = "--fresh-head", description = "with qass: a new QASS head instead of the pretrained one")
  boolean freshHead;

  @Option(names = "--train", paramLabel = "FILE", description = "MRQA jsonl training file (default: --shots from the generated pool)")
  Path train;

  @Option(names = "--shots", defaultValue = "128", description = "few-shot size drawn from the generated pool (default: ${DEFAULT-VALUE})")
  int shots;

  @Option(names = "--seed", defaultValue = "42", description = "few-shot sample and run seed (default: ${DEFAULT-VALUE})")
  int seed;

  @Option(names = "--min-steps", defaultValue = "100", description = "steps: max(min-steps, 10 epochs) (default: ${DEFAULT-VALUE})")
  int minSteps;

  @Option(names = "--max-steps", defaultValue = "250", description = "at most this many steps (default: ${DEFAULT-VALUE})")
  int maxSteps;

  @Option(names = "--lr", defaultValue = "3e-4", description = "peak learning rate (default: ${DEFAULT-VALUE})")
  float lr;

  @Option(names = "--test", defaultValue = "300", description = "generated test questions to score (0: none) (default: ${DEFAULT-VALUE})")
  int test;

  @Option(names = "--out", paramLabel = "DIR", description = "run directory (default: runs/qa-finetune)")
  Path out;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    SpanHeadKind kind = switch (head) {
      case "qass" -> SpanHeadKind.QASS;
      case "linear" -> SpanHeadKind.LINEAR;
      default -> throw new IllegalArgumentException("unknown --head '" + head + "', allowed: qass, linear");
    };
    if (minSteps < 1 || maxSteps < minSteps) {
      throw new IllegalArgumentException(
          "--min-steps %d must be >= 1 and <= --max-steps %d".formatted(minSteps, maxSteps));
    }
    if (test < 0) {
      throw new IllegalArgumentException("--test %d must be >= 0".formatted(test));
    }
    MrqaDataset data = train != null
        ? QaCli.dataset(train, "train", 0)
        : FewShotSampler.sample(QaCli.dataset(null, "train", QaCli.TRAIN_POOL), shots, seed);
    Path from = QaCheckpoint.resolve(pretrained != null ? pretrained : QaCli.defaultPretrained());
    if (out == null) {
      out = Paths.home().resolve("runs").resolve("qa-finetune");
    }
    try (NDManager m = NDManager.newBaseManager()) {
      QaCheckpoint.Loaded ck = QaCheckpoint.load(from, m, false);
      HashedVocab vocab = ck.vocab();
      SplinterConfig config = ck.config().model();
      QaTrainConfig tc = QaTrainConfig.fewShot(seed, data.questionCount(), minSteps, maxSteps, lr);
      boolean pretrainedHead = kind == SpanHeadKind.QASS && !freshHead && !scratch;
      err.printf("mediagen: fine-tuning %s on %d questions (%s encoder%s), %d steps, into %s%n", head,
          data.questionCount(), scratch ? "fresh" : "RSS-pretrained",
          kind == SpanHeadKind.QASS ? (pretrainedHead ? ", pretrained QASS" : ", new QASS") : "", tc.steps(), out);
      var options = new FineTuneQa.Options(config, kind, vocab, scratch ? null : ck.weights(), pretrainedHead, tc,
          data.examples(), 64, out);
      var model = FineTuneQa.run(options, m, new QaCli.Progress(err, "finetune"));
      if (test > 0) {
        List<MrqaDataset.Example> testSet = QaCli.dataset(null, "test", test).examples();
        SquadMetric.Score s = QaPredictor.evaluate(model, vocab, testSet, QaPredictor.Settings.defaults(64));
        spec.commandLine().getOut().printf(Locale.ROOT, "test (%d generated questions): EM %.2f  F1 %.2f%n",
            s.count(), s.exactMatch(), s.f1());
      }
      spec.commandLine().getOut().printf("checkpoint %s%n", out.resolve("checkpoint"));
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
