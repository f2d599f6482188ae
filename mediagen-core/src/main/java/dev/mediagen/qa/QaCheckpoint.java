package dev.mediagen.qa;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mediagen.io.AtomicFiles;
import dev.mediagen.io.CheckpointFiles;
import dev.mediagen.io.Json;
import dev.mediagen.io.Safetensors;
import dev.mediagen.nn.Module;
import dev.mediagen.train.Weights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Splinter checkpoint directory (RSS-pretrained or fine-tuned), written atomically as the
 * project's other checkpoints:
 *
 * <pre>
 *   config.json              stage, encoder config, head, hashed-vocabulary buckets, recipe
 *   tokenizer.json           the word vocabulary ({@link QaTokenizer#toJson})
 *   model.safetensors        the weights
 *   train-state.safetensors  AdamW moments ("opt."); absent for an inference-only copy
 *   state.json               step, CPU/wall seconds, last loss
 * </pre>
 */
public final class QaCheckpoint {
  public static final String CONFIG = "config.json";
  public static final String TOKENIZER = "tokenizer.json";
  public static final String WEIGHTS = "model.safetensors";
  public static final String TRAIN_STATE = "train-state.safetensors";
  public static final String STATE = "state.json";
  public static final String FORMAT = "mediagen-qa-splinter-1";

  /** How the model was built; {@code stage} is "rss" or "finetune". */
  public record Config(
      String format,
      String stage,
      SplinterConfig model,
      SpanHeadKind head,
      int buckets,
      QaTrainConfig train) {}

  /** Progress of the run that wrote it. */
  public record State(long step, double cpuSeconds, double wallSeconds, double lastLoss) {}

  /** A loaded checkpoint; {@code optimizer} is null unless asked for. */
  public record Loaded(
      Config config,
      State state,
      HashedVocab vocab,
      Map<String, NDArray> weights,
      Map<String, NDArray> optimizer) {}

  private QaCheckpoint() {}

  public static void save(
      Path dir,
      Config config,
      State state,
      QaTokenizer tokenizer,
      Map<String, NDArray> weights,
      Map<String, NDArray> optimizer)
      throws IOException {
    Map<String, String> meta = Map.of("format", FORMAT, "step", Long.toString(state.step()));
    AtomicFiles.replaceDirectory(
        dir,
        tmp -> {
          Files.writeString(tmp.resolve(CONFIG), Json.toJson(config));
          Files.writeString(tmp.resolve(STATE), Json.toJson(state));
          Files.writeString(tmp.resolve(TOKENIZER), Json.toJson(tokenizer.toJson()));
          Safetensors.write(tmp.resolve(WEIGHTS), Weights.toTensors(weights, "", false), meta);
          if (optimizer != null) {
            Safetensors.write(
                tmp.resolve(TRAIN_STATE),
                new LinkedHashMap<>(Weights.toTensors(optimizer, "opt.", false)),
                meta);
          }
        });
  }

  /**
   * Writes an inference-only copy of a checkpoint for shipping: config, state and tokenizer as they
   * are, the weights in F16 (half the size; read back as F32), no optimizer moments.
   */
  public static void exportF16(Path from, Path to) throws IOException {
    Path dir = resolve(from);
    State state = Json.read(require(dir, STATE), State.class);
    readConfig(dir); // refuses another format
    require(dir, TOKENIZER);
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, NDArray> weights =
          Weights.fromTensors(Safetensors.read(require(dir, WEIGHTS)).tensors(), "", m);
      Map<String, String> meta = Map.of("format", FORMAT, "step", Long.toString(state.step()));
      AtomicFiles.replaceDirectory(
          to,
          tmp -> {
            for (String f : List.of(CONFIG, STATE, TOKENIZER)) {
              Files.copy(dir.resolve(f), tmp.resolve(f));
            }
            Safetensors.write(tmp.resolve(WEIGHTS), Weights.toTensors(weights, "", true), meta);
          });
    }
  }

  public static Config readConfig(Path dir) throws IOException {
    Config c = Json.read(require(dir, CONFIG), Config.class);
    if (!FORMAT.equals(c.format())) {
      throw new IOException(
          "checkpoint " + dir + " has format '" + c.format() + "', expected '" + FORMAT + "'");
    }
    return c;
  }

  public static Loaded load(Path dir, NDManager m, boolean withOptimizer) throws IOException {
    Config config = readConfig(dir);
    State state = Json.read(require(dir, STATE), State.class);
    HashedVocab vocab = new HashedVocab(QaTokenizer.load(require(dir, TOKENIZER)), config.buckets());
    if (vocab.size() != config.model().vocabSize()) {
      throw new IOException(
          "checkpoint %s: vocabulary has %d ids but the model expects %d"
              .formatted(dir, vocab.size(), config.model().vocabSize()));
    }
    Map<String, NDArray> weights =
        Weights.fromTensors(Safetensors.read(require(dir, WEIGHTS)).tensors(), "", m);
    Map<String, NDArray> opt = null;
    if (withOptimizer) {
      opt = Weights.fromTensors(Safetensors.read(require(dir, TRAIN_STATE)).tensors(), "opt.", m);
    }
    return new Loaded(config, state, vocab, weights, opt);
  }

  /** The checkpoint's model with its weights, on {@code m}. */
  public static SplinterModel loadModel(Loaded ck, NDManager m) {
    SplinterModel model = new SplinterModel(ck.config().model(), ck.config().head());
    model.initialize(m, 0);
    Weights.copyInto(ck.weights(), model);
    return model;
  }

  /**
   * Copies the encoder ({@code encoder.*}; and, when {@code withHead}, every other parameter) of
   * {@code source} into {@code model} — a {@link SplinterModel} or any module built on a {@link
   * SplinterEncoder} named {@code encoder}; the rest of {@code model} keeps its fresh
   * initialisation. Shapes must agree.
   *
   * @return the names copied
   */
  public static List<String> initFrom(
      Map<String, NDArray> source, Module model, boolean withHead) {
    List<String> copied = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    model
        .namedParameters()
        .forEach(
            (name, p) -> {
              if (!withHead && !name.startsWith("encoder.")) {
                return;
              }
              NDArray src = source.get(name);
              if (src == null) {
                problems.add("missing " + name);
              } else if (!src.getShape().equals(p.shape())) {
                problems.add(
                    "%s has shape %s, the model expects %s".formatted(name, src.getShape(), p.shape()));
              } else {
                src.copyTo(p.array());
                copied.add(name);
              }
            });
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "cannot initialise from the pretrained weights: "
              + String.join("; ", problems.subList(0, Math.min(8, problems.size()))));
    }
    return copied;
  }

  /** A run directory or a checkpoint directory, as the checkpoint directory. */
  public static Path resolve(Path p) throws NoSuchFileException {
    return CheckpointFiles.resolve(p, CONFIG, "a Splinter checkpoint");
  }

  private static Path require(Path dir, String name) throws NoSuchFileException {
    return CheckpointFiles.require(dir, name, "checkpoint");
  }
}
