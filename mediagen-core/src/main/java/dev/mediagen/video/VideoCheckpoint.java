package dev.mediagen.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mediagen.io.AtomicFiles;
import dev.mediagen.io.CheckpointFiles;
import dev.mediagen.io.Json;
import dev.mediagen.io.Safetensors;
import dev.mediagen.text.WordTokenizer;
import dev.mediagen.train.Weights;
import dev.mediagen.world.WorldConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A text-to-video checkpoint directory, written atomically (a temp directory swapped in):
 *
 * <pre>
 *   config.json              model, world and training recipe
 *   tokenizer.json           the trainable encoder's word vocabulary
 *   model.safetensors        EMA weights — what generation uses (F16 in shipped exports)
 *   train-state.safetensors  raw weights and AdamW moments (absent in shipped exports)
 *   state.json               step, CPU/wall time, losses
 * </pre>
 */
public final class VideoCheckpoint {
  public static final String CONFIG = "config.json";
  public static final String TOKENIZER = "tokenizer.json";
  public static final String WEIGHTS = "model.safetensors";
  public static final String TRAIN_STATE = "train-state.safetensors";
  public static final String STATE = "state.json";

  /** What a checkpoint says about how it was made. */
  public record Config(int format, TextToVideoConfig model, WorldConfig world, VideoTrainConfig train) {}

  /** Progress of the run that wrote it. */
  public record State(long step, double cpuSeconds, double wallSeconds, List<double[]> validationLoss, double lastLoss) {
    public State {
      validationLoss = List.copyOf(validationLoss);
    }
  }

  /** A loaded checkpoint (arrays on the caller's manager). */
  public record Loaded(
      Config config, WordTokenizer tokenizer, State state, Map<String, NDArray> ema,
      Map<String, NDArray> weights, Map<String, NDArray> optimizer) {
    public boolean resumable() {
      return weights != null;
    }
  }

  private VideoCheckpoint() {}

  /** Writes a checkpoint; {@code weights}/{@code optimizer} null gives an inference-only export. */
  public static void save(
      Path dir, Config config, WordTokenizer tokenizer, State state, Map<String, NDArray> ema,
      Map<String, NDArray> weights, Map<String, NDArray> optimizer, boolean f16) throws IOException {
    save(dir, config, tokenizer, state, ema, weights, optimizer, f16, null);
  }

  /** As above; {@code extra} writes more files into the checkpoint (a latent model's {@code tae/}). */
  public static void save(
      Path dir, Config config, WordTokenizer tokenizer, State state, Map<String, NDArray> ema,
      Map<String, NDArray> weights, Map<String, NDArray> optimizer, boolean f16,
      dev.mediagen.io.IoConsumer<Path> extra) throws IOException {
    Map<String, String> meta = Map.of("format", "mediagen-t2v-1", "step", Long.toString(state.step()));
    AtomicFiles.replaceDirectory(dir, tmp -> {
      Files.writeString(tmp.resolve(CONFIG), Json.toJson(config));
      Files.writeString(tmp.resolve(TOKENIZER), tokenizer.toJson());
      Files.writeString(tmp.resolve(STATE), Json.toJson(state));
      Safetensors.write(tmp.resolve(WEIGHTS), Weights.toTensors(ema, "", f16), meta);
      if (weights != null) {
        Weights.writeTrainState(tmp.resolve(TRAIN_STATE), weights, optimizer, meta);
      }
      if (extra != null) extra.accept(tmp);
    });
  }

  /** Reads the config only (cheap; for compatibility checks and reports). */
  public static Config readConfig(Path dir) throws IOException {
    Path f = require(dir, CONFIG);
    try {
      return Json.read(f, Config.class);
    } catch (IOException | RuntimeException e) {
      throw new IOException("corrupt checkpoint config " + f + ": " + e.getMessage(), e);
    }
  }

  /** Reads the run's progress only (step, CPU time, losses). */
  public static State readState(Path dir) throws IOException {
    return Json.read(require(dir, STATE), State.class);
  }

  /** Loads a checkpoint; {@code withTrainState} also reads raw weights and optimizer moments. */
  public static Loaded load(Path dir, NDManager m, boolean withTrainState) throws IOException {
    Config config = readConfig(dir);
    WordTokenizer tok = WordTokenizer.fromJson(Files.readString(require(dir, TOKENIZER)));
    State state = Json.read(require(dir, STATE), State.class);
    Map<String, NDArray> ema = Weights.fromTensors(Safetensors.read(require(dir, WEIGHTS)).tensors(), "", m);
    Map<String, NDArray> weights = null, opt = null;
    if (withTrainState) {
      Weights.TrainState ts = Weights.readTrainState(require(dir, TRAIN_STATE), m);
      weights = ts.weights();
      opt = ts.optimizer();
    }
    return new Loaded(config, tok, state, ema, weights, opt);
  }

  /** Resolves a run directory or a checkpoint directory to the checkpoint directory. */
  public static Path resolve(Path p) throws NoSuchFileException {
    return CheckpointFiles.resolve(p, CONFIG, "a checkpoint");
  }

  private static Path require(Path dir, String name) throws NoSuchFileException {
    return CheckpointFiles.require(dir, name, "checkpoint");
  }

  static List<double[]> append(List<double[]> list, double[] item) {
    List<double[]> out = new ArrayList<>(list);
    out.add(item);
    return out;
  }
}
