package dev.mediagen.cli;

import dev.mediagen.coref.CorefCheckpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mediagen coref export}: an inference-only F16 copy of an s2e checkpoint (for shipping). */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write an inference-only copy of an s2e checkpoint with F16 weights (no optimizer state).",
      "Example: ./mediagen coref export --checkpoint runs/coref-s2e/best --out models/coref-s2e"
    })
public final class CorefExportCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--checkpoint", required = true, paramLabel = "DIR", description = "s2e checkpoint or run directory")
  Path checkpoint;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory to write (replaced atomically)")
  Path out;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      CorefCheckpoint.exportF16(checkpoint, out);
      spec.commandLine().getOut().println("exported " + CorefCheckpoint.resolve(checkpoint) + " -> " + out + " (F16)");
      spec.commandLine().getOut().flush();
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      err.println("mediagen coref export: " + e.getMessage());
      return 1;
    }
  }
}
