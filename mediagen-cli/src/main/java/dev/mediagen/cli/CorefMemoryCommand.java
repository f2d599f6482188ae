package dev.mediagen.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediagen.coref.CorefData;
import dev.mediagen.coref.CorefDocument;
import dev.mediagen.coref.CorefMemoryBench;
import dev.mediagen.coref.S2eConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mediagen coref memory}: one line of the s2e-vs-span-representation memory benchmark (peak
 * resident memory and time of a training step on a T-token document), as JSON on stdout. Run it in
 * a fresh JVM per configuration, as {@code bench/coref-memory} does; see {@link CorefMemoryBench}.
 */
@Command(
    name = "memory",
    mixinStandardHelpOptions = true,
    description = {
      "Measure peak memory and time of one training step of s2e or the span-representation baseline.",
      "Prints one JSON line. Use bench/coref-memory, which runs each configuration in a fresh JVM."
    })
public final class CorefMemoryCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "s2e or span")
  String model;

  @Option(names = "--tokens", required = true, paramLabel = "T", description = "document length in tokens, 2..100000")
  int tokens;

  @Option(names = "--steps", defaultValue = "3", description = "training steps to run, 2..100 (default: ${DEFAULT-VALUE})")
  int steps;

  @Option(names = "--data", paramLabel = "DIR", description = "LitBank CoNLL directory, for sentence lengths (default: data/litbank/coref/conll)")
  Path data;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (!model.equals("s2e") && !model.equals("span")) {
        throw new IllegalArgumentException("unknown model '" + model + "', allowed: s2e, span");
      }
      List<CorefDocument> docs = CorefData.read(data != null ? data : CorefCli.defaultData());
      int[] lengths = docs.stream().flatMap(d -> d.sentences().stream()).mapToInt(List::size).toArray();
      CorefMemoryBench r = CorefMemoryBench.measure(model, tokens, S2eConfig.litbank(), lengths, steps);
      spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(r)); // one line
      spec.commandLine().getOut().flush();
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      err.println("mediagen coref memory: " + e.getMessage());
      return 1;
    }
  }
}
