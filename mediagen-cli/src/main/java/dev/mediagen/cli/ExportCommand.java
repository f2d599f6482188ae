package dev.mediagen.cli;

import ai.djl.ndarray.NDManager;
import dev.mediagen.io.Json;
import dev.mediagen.qa.QaCheckpoint;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mediagen export video|tae|qa}: a compact inference checkpoint for models/ with its manifest. */
@Command(name = "export", description = "Export checkpoints for shipping.", subcommands = {ExportCommand.Video.class, ExportCommand.Tae.class, ExportCommand.Edit.class, ExportCommand.Qa.class})
final class ExportCommand {
  /** The options every export shares. */
  static final class Shared {
    @Option(names = "--checkpoint", required = true, description = "run or checkpoint directory (for tae: the last stage)")
    Path checkpoint;

    @Option(names = "--out", required = true, description = "export directory, e.g. models/t2v-small")
    Path out;

    @Option(names = "--eval", description = "JSON to record as the metrics (an eval command's output)")
    Path eval;

    @Option(names = "--command", description = "the command(s) that reproduce the training run")
    String command;

    /** A manifest started with the model's description, the command and the seed. */
    Map<String, Object> manifest(String model, long seed) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("model", model);
      m.put("command", command == null ? "(not recorded)" : command);
      m.put("seed", seed);
      return m;
    }
  }

  /** The runs a checkpoint was {@code --init} from: their steps and CPU time go into the manifest. */
  static final class EarlierStages {
    @Option(names = "--earlier-stage", description = "run this one was --init from, earliest first (repeatable; their steps and CPU time are recorded)")
    List<Path> earlier = List.of();

    /** Every stage, earliest first, ending with {@code run}; each with its steps and CPU and wall seconds. */
    List<Map<String, Object>> stages(Path run, VideoCheckpoint.State last) throws IOException {
      List<Map<String, Object>> stages = new java.util.ArrayList<>();
      for (Path p : earlier) stages.add(stage(p, VideoCheckpoint.readState(VideoCheckpoint.resolve(p)))); // progress only
      stages.add(stage(run, last));
      return stages;
    }

    /** CPU seconds of all the stages. */
    static double cpuSeconds(List<Map<String, Object>> stages) {
      return stages.stream().mapToDouble(s -> (Double) s.get("cpu_seconds")).sum();
    }

    private static Map<String, Object> stage(Path run, VideoCheckpoint.State st) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("run", run.toString());
      s.put("steps", st.step());
      s.put("cpu_seconds", st.cpuSeconds());
      s.put("wall_seconds", st.wallSeconds());
      return s;
    }
  }

  @Command(
      name = "video",
      mixinStandardHelpOptions = true,
      description = {
        "Write the EMA weights of a training checkpoint as F16 safetensors plus config, tokenizer and state,",
        "and MANIFEST.json: the reproducing command, seed, steps, CPU time, metrics and sha256 of every file."
      })
  static final class Video implements Callable<Integer> {
    @Mixin Shared o;

    @Mixin EarlierStages earlier;

    @Override
    public Integer call() throws Exception {
      Path dir = VideoCheckpoint.resolve(o.checkpoint);
      try (NDManager m = NDManager.newBaseManager()) {
        VideoCheckpoint.Loaded ck = VideoCheckpoint.load(dir, m, false);
        VideoCheckpoint.save(o.out, ck.config(), ck.tokenizer(), ck.state(), ck.ema(), null, null, true);
        var model = ck.config().model();
        String what = model.denoiser().condChannels() > 0 ? "spatial upsampler x2 (Movie Gen §3.1.7, pixel space)"
            : model.latent() != null ? "text-to-video (Movie Gen-style denoiser on TAE latents)"
            : "text-to-video (Movie Gen-style denoiser, pixel space)";
        Map<String, Object> manifest = o.manifest(what, ck.config().train().seed());
        List<Map<String, Object>> stages = earlier.stages(o.checkpoint, ck.state());
        manifest.put("steps", ck.state().step());
        if (stages.size() > 1) manifest.put("stages", stages);
        manifest.put("cpu_seconds", EarlierStages.cpuSeconds(stages));
        manifest.put("wall_seconds", ck.state().wallSeconds());
        manifest.put("validation_fm_loss", ck.state().validationLoss().isEmpty() ? null
            : ck.state().validationLoss().get(ck.state().validationLoss().size() - 1)[1]);
        writeManifest(o.out, manifest, o.eval, List.of(VideoCheckpoint.CONFIG, VideoCheckpoint.TOKENIZER, VideoCheckpoint.WEIGHTS, VideoCheckpoint.STATE));
      }
      return 0;
    }
  }

  @Command(
      name = "tae",
      mixinStandardHelpOptions = true,
      description = {
        "Write the EMA weights of a TAE training checkpoint as F16 safetensors plus config and state, and MANIFEST.json:",
        "the reproducing command, seed, steps and CPU time of every stage, metrics and sha256 of every file.",
        "Example: ./mediagen export tae --checkpoint runs/tae-small-2 --earlier-stage runs/tae-small --eval out/tae-eval.json --out models/tae-small"
      })
  static final class Tae implements Callable<Integer> {
    @Mixin Shared o;

    @Mixin EarlierStages earlier;

    @Override
    public Integer call() throws Exception {
      try (NDManager m = NDManager.newBaseManager()) {
        var ck = dev.mediagen.video.TaeCheckpoint.load(VideoCheckpoint.resolve(o.checkpoint), m, false);
        List<Map<String, Object>> stages = earlier.stages(o.checkpoint, ck.state());
        dev.mediagen.video.TaeCheckpoint.save(o.out, ck.config(), ck.state(), ck.ema(), null, null, true);
        Map<String, Object> manifest = o.manifest("temporal autoencoder (Movie Gen TAE)", ck.config().train().seed());
        manifest.put("stages", stages);
        manifest.put("cpu_seconds", EarlierStages.cpuSeconds(stages));
        writeManifest(o.out, manifest, o.eval, List.of(VideoCheckpoint.CONFIG, VideoCheckpoint.WEIGHTS, VideoCheckpoint.STATE));
      }
      return 0;
    }
  }

  @Command(
      name = "edit",
      mixinStandardHelpOptions = true,
      description = {
        "Write the EMA weights of an Emu Edit training checkpoint as F16 safetensors plus config, tokenizer and state, and",
        "MANIFEST.json: the reproducing command, seed, steps and CPU time of every stage (the text-to-image init first), metrics, sha256.",
        "Example: ./mediagen export edit --checkpoint runs/edit-small --earlier-stage models/t2v-small --eval runs/edit-bench.json --out models/edit-small"
      })
  static final class Edit implements Callable<Integer> {
    @Mixin Shared o;

    @Mixin EarlierStages earlier;

    @Override
    public Integer call() throws Exception {
      try (NDManager m = NDManager.newBaseManager()) {
        var ck = dev.mediagen.edit.EditCheckpoint.load(o.checkpoint, m, false);
        List<Map<String, Object>> stages = earlier.stages(o.checkpoint, ck.state());
        dev.mediagen.edit.EditCheckpoint.save(o.out, ck.config(), ck.tokenizer(), ck.state(), ck.ema(), null, null, true);
        Map<String, Object> manifest = o.manifest("Emu Edit instruction editor (task embeddings, dual CFG) on the pixel-space denoiser",
            ck.config().train().seed());
        manifest.put("steps", ck.state().step());
        manifest.put("stages", stages);
        manifest.put("cpu_seconds", EarlierStages.cpuSeconds(stages));
        writeManifest(o.out, manifest, o.eval, List.of(VideoCheckpoint.CONFIG, VideoCheckpoint.TOKENIZER, VideoCheckpoint.WEIGHTS, VideoCheckpoint.STATE));
      }
      return 0;
    }
  }

  @Command(
      name = "qa",
      mixinStandardHelpOptions = true,
      description = {
        "Write a Splinter checkpoint (RSS-pretrained or fine-tuned) with F16 weights plus config, tokenizer and state,",
        "and MANIFEST.json: the reproducing command, seed, steps, CPU time, metrics and sha256 of every file.",
        "Example: ./mediagen export qa --checkpoint runs/qa-rss --eval runs/qa-fewshot/summary.json --out models/qa-rss"
      })
  static final class Qa implements Callable<Integer> {
    @Mixin Shared o;

    @Override
    public Integer call() throws Exception {
      Path dir = QaCheckpoint.resolve(o.checkpoint);
      var config = QaCheckpoint.readConfig(dir);
      var state = Json.read(dir.resolve(QaCheckpoint.STATE), QaCheckpoint.State.class);
      QaCheckpoint.exportF16(dir, o.out);
      Map<String, Object> manifest =
          o.manifest("Splinter encoder + QASS head (Ram et al. 2021), stage '" + config.stage() + "': " + config.model(), config.train().seed());
      manifest.put("steps", state.step());
      manifest.put("cpu_seconds", state.cpuSeconds());
      manifest.put("wall_seconds", state.wallSeconds());
      Path recipe = dir.getParent().resolve(QaPretrainCommand.DATA_RECIPE); // the run directory holds it
      if (Files.isRegularFile(recipe)) manifest.put("pretraining_data", Json.readTree(recipe));
      writeManifest(o.out, manifest, o.eval, List.of(QaCheckpoint.CONFIG, QaCheckpoint.TOKENIZER,
          QaCheckpoint.WEIGHTS, QaCheckpoint.STATE));
      return 0;
    }
  }

  /**
   * Completes an F16 export's {@code manifest} with the metrics ({@code eval}'s JSON, or null) and the sha256 of each
   * of {@code files} under {@code out}, writes it as {@code out/MANIFEST.json} and prints its path.
   */
  static void writeManifest(Path out, Map<String, Object> manifest, Path eval, List<String> files) throws IOException {
    manifest.put("metrics", eval == null ? null : Json.readTree(eval));
    manifest.put("parameters_f16", true);
    Map<String, String> sha = new LinkedHashMap<>();
    for (String f : files) sha.put(f, sha256(out.resolve(f)));
    manifest.put("sha256", sha);
    Json.write(out.resolve("MANIFEST.json"), manifest);
    System.out.println(out.resolve("MANIFEST.json"));
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
