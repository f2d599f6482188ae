package dev.mediagen.cli;

import ai.djl.ndarray.NDManager;
import dev.mediagen.io.AtomicFiles;
import dev.mediagen.io.Json;
import dev.mediagen.qa.FewShotReport;
import dev.mediagen.qa.FewShotStudy;
import dev.mediagen.qa.MrqaDataset;
import dev.mediagen.qa.QaCheckpoint;
import dev.mediagen.qa.QaPredictor;
import dev.mediagen.sweep.CellResult;
import dev.mediagen.sweep.ResultsStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mediagen qa fewshot}: the few-shot comparison of Splinter, no pretraining and the linear head. */
@Command(
    name = "fewshot",
    mixinStandardHelpOptions = true,
    description = {
      "Few-shot study: for each size and seed, fine-tune each variant on the seeded subset of the",
      "generated train pool and score it on the held-out test split; resumable (OUT/results.jsonl);",
      "writes OUT/summary.md, OUT/summary.json (means over seeds) and OUT/fewshot-f1.png.",
      "Example: ./mediagen qa fewshot --pretrained runs/qa-rss --out runs/qa-fewshot"
    })
public final class QaFewShotCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--pretrained", paramLabel = "DIR", description = "RSS checkpoint (default: runs/qa-rss if it exists, else the shipped models/qa-rss)")
  Path pretrained;

  @Option(names = "--sizes", defaultValue = "16,128,1024", description = "training-set sizes (default: ${DEFAULT-VALUE})")
  String sizes;

  @Option(names = "--seeds", defaultValue = "42,43,44,45,46", description = "seeds (default: ${DEFAULT-VALUE})")
  String seeds;

  @Option(names = "--variants", defaultValue = "splinter,qass-scratch,splinter-linear",
      description = "any of splinter, qass-scratch, splinter-linear (default: ${DEFAULT-VALUE})")
  String variants;

  @Option(names = "--min-steps", defaultValue = "100", description = "steps: max(min-steps, 10 epochs) (default: ${DEFAULT-VALUE})")
  int minSteps;

  @Option(names = "--max-steps", defaultValue = "250", description = "at most this many steps (default: ${DEFAULT-VALUE})")
  int maxSteps;

  @Option(names = "--lr", defaultValue = "3e-4", description = "peak learning rate, all variants (default: ${DEFAULT-VALUE})")
  float lr;

  @Option(names = "--test", defaultValue = "300", description = "held-out test questions (default: ${DEFAULT-VALUE})")
  int test;

  @Option(names = "--out", paramLabel = "DIR", description = "results directory (default: runs/qa-fewshot)")
  Path out;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (minSteps < 1 || maxSteps < minSteps) {
      throw new IllegalArgumentException("--min-steps %d must be >= 1 and <= --max-steps %d".formatted(minSteps, maxSteps));
    }
    List<Integer> sizeList = QaCli.ints(sizes, "--sizes");
    for (int n : sizeList) {
      if (n > QaCli.TRAIN_POOL) {
        throw new IllegalArgumentException("--sizes entry %d exceeds the train pool of %d".formatted(n, QaCli.TRAIN_POOL));
      }
    }
    List<FewShotStudy.Variant> vs = Arrays.stream(variants.split(",")).map(String::strip).map(FewShotStudy.Variant::of).toList();
    var plan = new FewShotStudy.Plan(vs, sizeList, QaCli.ints(seeds, "--seeds"), minSteps, maxSteps, lr,
        QaPredictor.Settings.defaults(64));
    if (out == null) {
      out = Paths.home().resolve("runs").resolve("qa-fewshot");
    }
    Files.createDirectories(out);
    ResultsStore store = ResultsStore.open(out.resolve("results.jsonl"));
    MrqaDataset pool = QaCli.dataset(null, "train", QaCli.TRAIN_POOL);
    List<MrqaDataset.Example> testSet = QaCli.dataset(null, "test", test).examples();
    try (NDManager m = NDManager.newBaseManager()) {
      QaCheckpoint.Loaded ck = QaCheckpoint.load(
          QaCheckpoint.resolve(pretrained != null ? pretrained : QaCli.defaultPretrained()), m, false);
      ProgressBar[] bar = new ProgressBar[1];
      try {
        FewShotStudy.run(plan, ck, pool, testSet, store, new FewShotStudy.Listener() {
          @Override
          public void started(int cells, int done) {
            bar[0] = new ProgressBarBuilder().setTaskName("fewshot").setInitialMax(cells).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(1000).build();
            bar[0].stepTo(done);
          }

          @Override
          public void finished(CellResult r, double cpu) {
            bar[0].step();
            bar[0].setExtraMessage(String.format(Locale.ROOT, " %s n=%d seed=%d F1 %.1f (%.0f CPU-s)",
                r.cell().model(), r.cell().n(), r.cell().seed(), r.score(), cpu));
          }
        });
      } finally {
        if (bar[0] != null) {
          bar[0].close();
        }
      }
    }
    String table = FewShotReport.markdown(store.results());
    AtomicFiles.writeString(out.resolve("summary.md"), table);
    AtomicFiles.writeString(out.resolve("summary.json"), Json.toJson(FewShotReport.summary(store.results())));
    FewShotReport.plot(store.results(), out.resolve("fewshot-f1.png"));
    spec.commandLine().getOut().print(table);
    spec.commandLine().getOut().printf("results %s%n", out);
    spec.commandLine().getOut().flush();
    err.flush();
    return 0;
  }
}
