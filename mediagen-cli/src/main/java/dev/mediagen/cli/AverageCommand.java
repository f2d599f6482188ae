package dev.mediagen.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mediagen.train.Weights;
import dev.mediagen.video.VideoCheckpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mediagen average}: Movie Gen's last curriculum step — average the weights of several fine-tunes. */
@Command(name = "average", mixinStandardHelpOptions = true,
    description = {
      "Average the EMA weights of several text-to-video checkpoints of the same model (Movie Gen averages",
      "several SFT runs). Writes an inference checkpoint with the first one's config and tokenizer."
    })
final class AverageCommand implements Callable<Integer> {
  @Parameters(arity = "2..*", description = "checkpoints to average")
  List<Path> checkpoints;

  @Option(names = "--out", required = true, description = "output checkpoint directory")
  Path out;

  @Override
  public Integer call() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      List<Map<String, NDArray>> sets = new ArrayList<>();
      VideoCheckpoint.Loaded first = null;
      for (Path p : checkpoints) {
        VideoCheckpoint.Loaded ck = VideoCheckpoint.load(VideoCheckpoint.resolve(p), m, false);
        if (first == null) first = ck;
        else if (!ck.config().model().equals(first.config().model())) {
          throw new IllegalArgumentException("cannot average %s: its model differs from %s's".formatted(p, checkpoints.get(0)));
        }
        sets.add(ck.ema());
      }
      VideoCheckpoint.save(out, first.config(), first.tokenizer(), first.state(), Weights.average(sets, m), null, null, false);
      System.out.println(out);
    }
    return 0;
  }
}
