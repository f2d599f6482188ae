package dev.mediagen.cli;

import ai.djl.ndarray.NDManager;
import dev.mediagen.io.AtomicFiles;
import dev.mediagen.io.Json;
import dev.mediagen.qa.MrqaDataset;
import dev.mediagen.qa.QaCheckpoint;
import dev.mediagen.qa.QaPredictor;
import dev.mediagen.qa.SplinterModel;
import dev.mediagen.qa.SquadMetric;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mediagen qa eval}: SQuAD EM/F1 of a fine-tuned (or, zero-shot, an RSS) checkpoint on an MRQA file. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Score a fine-tuned checkpoint (SQuAD EM/F1, n-best decoding over sliding windows) on an MRQA",
      "jsonl file or the generated test split; --predictions writes qid -> answer JSON. An RSS",
      "checkpoint is scored zero-shot (its pretrained QASS head, no fine-tuning).",
      "Example: ./mediagen qa eval --checkpoint runs/qa-128 --data dev.jsonl"
    })
public final class QaEvalCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--checkpoint", required = true, paramLabel = "DIR", description = "fine-tuned run or checkpoint (an RSS one: zero-shot)")
  Path checkpoint;

  @Option(names = "--data", paramLabel = "FILE", description = "MRQA jsonl file (default: the generated test split)")
  Path data;

  @Option(names = "--test", defaultValue = "300", description = "generated test questions when no --data (default: ${DEFAULT-VALUE})")
  int test;

  @Option(names = "--stride", defaultValue = "64", description = "window stride in tokens (default: ${DEFAULT-VALUE})")
  int stride;

  @Option(names = "--max-answer-length", defaultValue = "10", description = "longest answer in tokens (default: ${DEFAULT-VALUE})")
  int maxAnswer;

  @Option(names = "--predictions", paramLabel = "FILE", description = "write {qid: answer} JSON here")
  Path predictions;

  @Override
  public Integer call() throws IOException {
    if (stride < 1 || maxAnswer < 1) {
      throw new IllegalArgumentException("--stride %d and --max-answer-length %d must be >= 1".formatted(stride, maxAnswer));
    }
    MrqaDataset ds = QaCli.dataset(data, "test", test);
    try (NDManager m = NDManager.newBaseManager()) {
      QaCheckpoint.Loaded ck = QaCheckpoint.load(QaCheckpoint.resolve(checkpoint), m, false);
      // An RSS checkpoint is scored zero-shot: its QASS head already points [QUESTION] at a span.
      String mode = "finetune".equals(ck.config().stage()) ? "" : " (zero-shot: RSS checkpoint, no fine-tuning)";
      SplinterModel model = QaCheckpoint.loadModel(ck, m);
      List<MrqaDataset.Example> examples = ds.examples();
      QaPredictor.Settings settings = new QaPredictor.Settings(stride, 32, 20, 20, maxAnswer);
      List<QaPredictor.Prediction> p = QaPredictor.predict(model, ck.vocab(), examples, settings);
      SquadMetric.Score s = SquadMetric.score(p.stream().map(QaPredictor.Prediction::text).toList(),
          examples.stream().map(e -> e.question().answers()).toList());
      spec.commandLine().getOut().printf(Locale.ROOT, "%s %s%s: %d questions  EM %.2f  F1 %.2f%n",
          ds.dataset(), ds.split(), mode, s.count(), s.exactMatch(), s.f1());
      spec.commandLine().getOut().flush();
      if (predictions != null) {
        Map<String, String> json = new LinkedHashMap<>();
        p.forEach(x -> json.put(x.qid(), x.text()));
        AtomicFiles.writeString(predictions, Json.toJson(json));
      }
    }
    return 0;
  }
}
