package dev.mediagen.cli;

import dev.mediagen.coref.CorefAlignment;
import dev.mediagen.coref.CorefDocument;
import dev.mediagen.coref.CorefScorer;
import dev.mediagen.coref.Scores;
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

/**
 * {@code mediagen coref score}: MUC, B³, CEAF-e and CoNLL F1 of a response against a key, with the
 * reference scorer's (v8.01) semantics; see {@link CorefScorer}.
 */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Score a coreference response against a key (CoNLL-2012 files, or directories of them).",
      "Key and response must hold the same documents with the same tokens."
    })
public final class CorefScoreCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--key",
      required = true,
      paramLabel = "KEY",
      description = "Gold CoNLL file, or a directory of *.conll files.")
  Path key;

  @Option(
      names = "--response",
      required = true,
      paramLabel = "RESPONSE",
      description = "System CoNLL file, or a directory of *.conll files.")
  Path response;

  @Option(
      names = "--no-singletons",
      description = "Drop one-mention clusters from key and response before scoring.")
  boolean noSingletons;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Also write the scores (fractions) as JSON to FILE.")
  Path json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      long t0 = System.nanoTime();
      List<CorefDocument> keyDocs = CorefCli.readDocuments(key, "--key");
      List<CorefDocument> responseDocs = CorefCli.readDocuments(response, "--response");
      long t1 = System.nanoTime();
      CorefAlignment.requireAligned(
          keyDocs, key.toString(), responseDocs, response.toString(), true);
      Scores scores = CorefScorer.score(keyDocs, responseDocs, !noSingletons);
      long t2 = System.nanoTime();
      CorefCli.printTable(scores, out);
      err.printf(
          Locale.ROOT,
          "%d documents, singletons %s; read in %d ms, scored in %d ms%n",
          keyDocs.size(),
          noSingletons ? "dropped" : "kept",
          (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000);
      if (json != null) {
        CorefCli.writeJson(scores, json);
      }
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      err.println("mediagen coref score: " + e.getMessage());
      return 1;
    }
  }
}
