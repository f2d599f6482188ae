package dev.mediagen.cli;

import dev.mediagen.coref.ConllWriter;
import dev.mediagen.coref.CorefBaselines;
import dev.mediagen.coref.CorefDocument;
import dev.mediagen.coref.CorefScorer;
import dev.mediagen.coref.LitbankSplit;
import dev.mediagen.coref.Scores;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mediagen coref baseline}: a heuristic baseline over the key's gold mentions (see {@link
 * CorefBaselines}), scored against the key and optionally written as CoNLL.
 */
@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    description = "Run a heuristic coreference baseline over the gold mentions and score it.")
public final class CorefBaselineCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--key",
      required = true,
      paramLabel = "KEY",
      description =
          "Gold CoNLL file, or a directory of *.conll files (e.g. data/litbank/coref/conll).")
  Path key;

  @Option(
      names = "--method",
      required = true,
      paramLabel = "METHOD",
      description =
          "singletons (every gold mention alone) or string-match (identical lower-cased text).")
  String method;

  @Option(
      names = "--split",
      paramLabel = "SPLIT",
      defaultValue = "all",
      description =
          "all, or a part of the LitBank split: train, dev, test (default: ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--no-singletons", description = "Score without one-mention clusters.")
  boolean noSingletons;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the prediction as CoNLL to FILE.")
  Path outFile;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the scores as JSON to FILE.")
  Path json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      UnaryOperator<CorefDocument> baseline =
          switch (method) {
            case "singletons" -> CorefBaselines::allSingletons;
            case "string-match" -> CorefBaselines::exactStringMatch;
            default ->
                throw new IllegalArgumentException(
                    "unknown --method '" + method + "', allowed: singletons, string-match");
          };
      if (!split.equals("all") && !LitbankSplit.NAMES.contains(split)) {
        throw new IllegalArgumentException(
            "unknown --split '"
                + split
                + "', allowed: all, "
                + String.join(", ", LitbankSplit.NAMES));
      }
      List<CorefDocument> gold = CorefCli.readDocuments(key, "--key");
      if (!split.equals("all")) {
        gold = LitbankSplit.standard().select(gold, split);
        if (gold.isEmpty()) {
          throw new IllegalArgumentException(
              "no document of --key " + key + " is in the LitBank " + split + " split");
        }
      }
      List<CorefDocument> predicted = gold.stream().map(baseline).toList();
      Scores scores = CorefScorer.score(gold, predicted, !noSingletons);
      out.printf(
          "%s baseline on %d documents (%s), singletons %s%n",
          method, gold.size(), split, noSingletons ? "dropped" : "kept");
      CorefCli.printTable(scores, out);
      if (outFile != null) {
        ConllWriter.write(predicted, outFile);
      }
      if (json != null) {
        CorefCli.writeJson(scores, json);
      }
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      err.println("mediagen coref baseline: " + e.getMessage());
      return 1;
    }
  }
}
