package dev.mediagen.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.mediagen.coref.CorefCheckpoint;
import dev.mediagen.coref.CorefData;
import dev.mediagen.coref.CorefDocument;
import dev.mediagen.coref.EvalCoref;
import dev.mediagen.coref.LitbankSplit;
import dev.mediagen.coref.S2eCoref;
import dev.mediagen.coref.Scores;
import dev.mediagen.coref.StateCache;
import dev.mediagen.io.Json;
import java.io.IOException;
import java.io.PrintWriter;
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

/**
 * {@code mediagen coref eval}: the s2e checkpoint on a LitBank split, end to end and over gold
 * mentions, with the heuristic baselines under the same mentions (see {@link EvalCoref}).
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate an s2e checkpoint on a LitBank split with the heuristic baselines beside it.",
      "End to end, the baselines cluster the model's own predicted mentions; with --json the",
      "model's scorer JSON is at top level and the baselines under \"baselines\".",
      "Example: ./mediagen coref eval --split test --json out/coref-test.json"
    })
public final class CorefEvalCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--checkpoint", paramLabel = "DIR", description = "s2e checkpoint or run directory (default: models/coref-s2e)")
  Path checkpoint;

  @Option(names = "--data", paramLabel = "DIR", description = "LitBank CoNLL directory (default: data/litbank/coref/conll)")
  Path data;

  @Option(names = "--split", defaultValue = "test", paramLabel = "SPLIT", description = "train, dev or test (default: ${DEFAULT-VALUE})")
  String split;

  @Option(names = "--json", paramLabel = "FILE", description = "write the scores as JSON to FILE")
  Path json;

  @Option(names = "--cache", paramLabel = "DIR", description = "frozen-state cache (default: .cache/coref-states)")
  Path cache;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (!LitbankSplit.NAMES.contains(split)) {
        throw new IllegalArgumentException(
            "unknown --split '" + split + "', allowed: " + String.join(", ", LitbankSplit.NAMES));
      }
      Path ckpt = CorefCheckpoint.resolve(checkpoint != null ? checkpoint : CorefCli.defaultCheckpoint());
      CorefCheckpoint.Config config = CorefCheckpoint.readConfig(ckpt);
      Path dataDir = data != null ? data : CorefCli.defaultData();
      List<CorefDocument> gold = LitbankSplit.standard().select(CorefData.read(dataDir), split);
      if (gold.isEmpty()) {
        throw new IllegalArgumentException("no document of --data " + dataDir + " is in the LitBank " + split + " split");
      }
      if (json != null) {
        Paths.requireWritable(json);
      }
      EvalCoref report;
      try (StateCache states = new StateCache(cache != null ? cache : CorefCli.defaultCache(), config.states());
          NDManager root = NDManager.newBaseManager()) {
        List<float[]> s = CorefData.states(gold, states, i -> {});
        S2eCoref model = CorefCheckpoint.loadModel(ckpt, root);
        report = EvalCoref.run(model, new ParameterStore(root, false), root, gold, s);
      }
      out.printf(Locale.ROOT, "s2e %s on the LitBank %s split (%d documents), CoNLL F1, singletons kept%n",
          ckpt, split, gold.size());
      out.printf(Locale.ROOT, "%-34s %8s %8s %8s %8s%n", "system", "MUC", "B3", "CEAF-e", "CoNLL");
      row(out, "end to end: s2e", report.model());
      row(out, "  string match over s2e mentions", report.baselines().get("string_match"));
      row(out, "  singletons over s2e mentions", report.baselines().get("singletons"));
      row(out, "gold mentions: s2e linking", report.goldMentions().get("model"));
      row(out, "  string match over gold mentions", report.goldMentions().get("string_match"));
      row(out, "  singletons over gold mentions", report.goldMentions().get("singletons"));
      out.printf(Locale.ROOT, "mentions (end to end): P %.2f R %.2f F1 %.2f%n",
          100 * report.mentions().p(), 100 * report.mentions().r(), 100 * report.mentions().f1());
      out.flush();
      if (json != null) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("split", split);
        extra.put("checkpoint", ckpt.toString());
        Json.write(json, report.toJson(extra));
      }
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      err.println("mediagen coref eval: " + e.getMessage());
      return 1;
    }
  }

  private static void row(PrintWriter out, String name, Scores s) {
    out.printf(Locale.ROOT, "%-34s %8.2f %8.2f %8.2f %8.2f%n", name, 100 * s.muc().f1(), 100 * s.bcub().f1(),
        100 * s.ceafe().f1(), 100 * s.conllF1());
  }
}
