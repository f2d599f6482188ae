package dev.mediagen.coref;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mediagen.io.AtomicFiles;
import dev.mediagen.io.CheckpointFiles;
import dev.mediagen.io.Json;
import dev.mediagen.io.Safetensors;
import dev.mediagen.train.Weights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An s2e checkpoint directory, written atomically (a temp directory swapped in), as the project's
 * other checkpoints:
 *
 * <pre>
 *   config.json              model, frozen-encoder windows and training recipe
 *   model.safetensors        the evaluation weights (EMA when the run keeps one; F16 when shipped)
 *   train-state.safetensors  raw weights ("w.") and AdamW moments ("opt."); absent when shipped
 *   state.json               step, CPU/wall seconds, last loss, dev CoNLL F1 history, best step
 * </pre>
 */
public final class CorefCheckpoint {
  public static final String CONFIG = "config.json";
  public static final String WEIGHTS = "model.safetensors";
  public static final String TRAIN_STATE = "train-state.safetensors";
  public static final String STATE = "state.json";
  static final String FORMAT = "mediagen-coref-s2e-1";

  /** How the checkpoint's model was built and trained. */
  public record Config(String format, S2eConfig model, WordStatesConfig states, CorefTrainConfig train) {}

  /**
   * Progress of the run that wrote it.
   *
   * @param dev (step, dev CoNLL F1) pairs
   */
  public record State(
      long step, double cpuSeconds, double wallSeconds, double lastLoss, List<double[]> dev,
      double bestDevF1, long bestStep) {
    public State {
      dev = List.copyOf(dev);
    }

    State withDev(long atStep, double f1) {
      List<double[]> d = new ArrayList<>(dev);
      d.add(new double[] {atStep, f1});
      boolean better = !(f1 <= bestDevF1);
      return new State(step, cpuSeconds, wallSeconds, lastLoss, d, better ? f1 : bestDevF1, better ? atStep : bestStep);
    }
  }

  /** A loaded checkpoint; {@code raw} and {@code optimizer} are null unless asked for and present. */
  public record Loaded(
      Config config, State state, Map<String, NDArray> weights, Map<String, NDArray> raw,
      Map<String, NDArray> optimizer) {}

  private CorefCheckpoint() {}

  /** Writes a checkpoint; {@code raw}/{@code optimizer} null gives an inference-only export. */
  public static void save(
      Path dir, Config config, State state, Map<String, NDArray> weights, Map<String, NDArray> raw,
      Map<String, NDArray> optimizer, boolean f16) throws IOException {
    Map<String, String> meta = Map.of("format", FORMAT, "step", Long.toString(state.step()));
    AtomicFiles.replaceDirectory(dir, tmp -> {
      Files.writeString(tmp.resolve(CONFIG), Json.toJson(config));
      Files.writeString(tmp.resolve(STATE), Json.toJson(state));
      Safetensors.write(tmp.resolve(WEIGHTS), Weights.toTensors(weights, "", f16), meta);
      if (raw != null) {
        Weights.writeTrainState(tmp.resolve(TRAIN_STATE), raw, optimizer, meta);
      }
    });
  }

  /**
   * Writes an inference-only copy of a checkpoint: its evaluation weights in F16 (half the size;
   * what {@code models/coref-s2e} ships), config and state, no optimizer.
   */
  public static void exportF16(Path from, Path to) throws IOException {
    try (NDManager m = NDManager.newBaseManager()) {
      Loaded ck = load(resolve(from), m, false);
      save(to, ck.config(), ck.state(), ck.weights(), null, null, true);
    }
  }

  /** Reads config.json only. */
  public static Config readConfig(Path dir) throws IOException {
    Config c = Json.read(require(dir, CONFIG), Config.class);
    if (!FORMAT.equals(c.format())) {
      throw new IOException("checkpoint " + dir + " has format '" + c.format() + "', expected '" + FORMAT + "'");
    }
    return c;
  }

  /** Loads a checkpoint; {@code withTrainState} also reads raw weights and optimizer moments. */
  public static Loaded load(Path dir, NDManager m, boolean withTrainState) throws IOException {
    Config config = readConfig(dir);
    State state = Json.read(require(dir, STATE), State.class);
    Map<String, NDArray> weights = Weights.fromTensors(Safetensors.read(require(dir, WEIGHTS)).tensors(), "", m);
    Map<String, NDArray> raw = null;
    Map<String, NDArray> opt = null;
    if (withTrainState) {
      Weights.TrainState ts = Weights.readTrainState(require(dir, TRAIN_STATE), m);
      raw = ts.weights();
      opt = ts.optimizer();
    }
    return new Loaded(config, state, weights, raw, opt);
  }

  /** A model with a checkpoint's evaluation weights, on {@code m}. */
  public static S2eCoref loadModel(Path dir, NDManager m) throws IOException {
    Loaded ck = load(resolve(dir), m, false);
    S2eCoref model = new S2eCoref(ck.config().model());
    model.initialize(m, 0);
    Weights.copyInto(ck.weights(), model);
    return model;
  }

  /** A run directory or a checkpoint directory, as the checkpoint directory. */
  public static Path resolve(Path p) throws NoSuchFileException {
    return CheckpointFiles.resolve(p, CONFIG, "an s2e checkpoint");
  }

  private static Path require(Path dir, String name) throws NoSuchFileException {
    return CheckpointFiles.require(dir, name, "checkpoint");
  }
}
