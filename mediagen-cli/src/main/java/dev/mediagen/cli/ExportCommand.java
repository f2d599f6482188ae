package dev.mediagen.cli;

import ai.djl.ndarray.NDManager;
import dev.mediagen.io.Json;
import dev.mediagen.video.VideoCheckpoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mediagen export video}: a compact inference checkpoint for models/ with its manifest. */
@Command(name = "export", description = "Export checkpoints for shipping.", subcommands = {ExportCommand.Video.class})
final class ExportCommand {
  @Command(
      name = "video",
      mixinStandardHelpOptions = true,
      description = {
        "Write the EMA weights of a training checkpoint as F16 safetensors plus config, tokenizer and state,",
        "and MANIFEST.json: the reproducing command, seed, steps, CPU time, metrics and sha256 of every file."
      })
  static final class Video implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true, description = "run or checkpoint directory")
    Path checkpoint;

    @Option(names = "--out", required = true, description = "export directory, e.g. models/t2v-small")
    Path out;

    @Option(names = "--eval", description = "eval JSON to record as the metrics")
    Path eval;

    @Option(names = "--command", description = "the command that reproduces the training run")
    String command;

    @Override
    public Integer call() throws Exception {
      Path dir = VideoCheckpoint.resolve(checkpoint);
      try (NDManager m = NDManager.newBaseManager()) {
        VideoCheckpoint.Loaded ck = VideoCheckpoint.load(dir, m, false);
        VideoCheckpoint.save(out, ck.config(), ck.tokenizer(), ck.state(), ck.ema(), null, null, true);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("model", "text-to-video (Movie Gen-style denoiser, pixel space)");
        manifest.put("command", command == null ? "(not recorded)" : command);
        manifest.put("seed", ck.config().train().seed());
        manifest.put("steps", ck.state().step());
        manifest.put("cpu_seconds", ck.state().cpuSeconds());
        manifest.put("wall_seconds", ck.state().wallSeconds());
        manifest.put("validation_fm_loss", ck.state().validationLoss().isEmpty() ? null
            : ck.state().validationLoss().get(ck.state().validationLoss().size() - 1)[1]);
        manifest.put("metrics", eval == null ? null : Json.readTree(eval));
        manifest.put("parameters_f16", true);
        Map<String, String> sha = new LinkedHashMap<>();
        for (String f : List.of(VideoCheckpoint.CONFIG, VideoCheckpoint.TOKENIZER, VideoCheckpoint.WEIGHTS, VideoCheckpoint.STATE)) {
          sha.put(f, sha256(out.resolve(f)));
        }
        manifest.put("sha256", sha);
        Json.write(out.resolve("MANIFEST.json"), manifest);
        System.out.println(out.resolve("MANIFEST.json"));
      }
      return 0;
    }
  }

  static String sha256(Path f) throws IOException {
    try (InputStream in = Files.newInputStream(f)) {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) d.update(buf, 0, n);
      return HexFormat.of().formatHex(d.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
