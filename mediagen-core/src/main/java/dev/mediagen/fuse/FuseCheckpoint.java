package dev.mediagen.fuse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mediagen.io.AtomicFiles;
import dev.mediagen.io.CheckpointFiles;
import dev.mediagen.io.Json;
import dev.mediagen.io.Safetensors;
import dev.mediagen.text.WordTokenizer;
import dev.mediagen.train.Weights;
import dev.mediagen.video.VideoCheckpoint;
import dev.mediagen.world.WorldConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * An X&amp;Fuse checkpoint directory, laid out like {@link VideoCheckpoint} plus the retrieval bank
 * ({@code bank.json}, {@code bank.safetensors}) the model was trained with and retrieves from.
 */
public final class FuseCheckpoint {
  /**
   * How a fuse model was made.
   *
   * @param init the text-to-video checkpoint it was initialised from (null: from scratch)
   */
  public record Config(int format, FuseModelConfig model, WorldConfig world, FuseTrainConfig train, String init) {}

  /** A loaded checkpoint; {@code weights}/{@code optimizer} are null unless asked for. */
  public record Loaded(Config config, WordTokenizer tokenizer, VideoCheckpoint.State state, Map<String, NDArray> ema,
      Map<String, NDArray> weights, Map<String, NDArray> optimizer, RetrievalBank bank) {}

  private FuseCheckpoint() {}

  public static void save(Path dir, Config config, WordTokenizer tok, VideoCheckpoint.State state, Map<String, NDArray> ema,
      Map<String, NDArray> weights, Map<String, NDArray> optimizer, RetrievalBank bank) throws IOException {
    Map<String, String> meta = Map.of("format", "mediagen-fuse-1", "step", Long.toString(state.step()));
    AtomicFiles.replaceDirectory(dir, tmp -> {
      Files.writeString(tmp.resolve(VideoCheckpoint.CONFIG), Json.toJson(config));
      Files.writeString(tmp.resolve(VideoCheckpoint.TOKENIZER), tok.toJson());
      Files.writeString(tmp.resolve(VideoCheckpoint.STATE), Json.toJson(state));
      Safetensors.write(tmp.resolve(VideoCheckpoint.WEIGHTS), Weights.toTensors(ema, "", false), meta);
      if (weights != null) {
        Weights.writeTrainState(tmp.resolve(VideoCheckpoint.TRAIN_STATE), weights, optimizer, meta);
      }
      bank.writeTo(tmp);
    });
  }

  /** Reads the config only. */
  public static Config readConfig(Path dir) throws IOException {
    Path f = file(VideoCheckpoint.resolve(dir), VideoCheckpoint.CONFIG);
    try {
      return Json.read(f, Config.class);
    } catch (IOException | RuntimeException e) {
      throw new IOException("corrupt fuse checkpoint config " + f + ": " + e.getMessage(), e);
    }
  }

  public static Loaded load(Path dir, NDManager m, boolean withTrainState) throws IOException {
    dir = VideoCheckpoint.resolve(dir);
    Config config = readConfig(dir);
    if (config.model() == null) throw new IOException("checkpoint " + dir + " is not an X&Fuse checkpoint (no fuse model in its config)");
    WordTokenizer tok = WordTokenizer.fromJson(Files.readString(file(dir, VideoCheckpoint.TOKENIZER)));
    VideoCheckpoint.State state = Json.read(file(dir, VideoCheckpoint.STATE), VideoCheckpoint.State.class);
    Map<String, NDArray> ema = Weights.fromTensors(Safetensors.read(file(dir, VideoCheckpoint.WEIGHTS)).tensors(), "", m);
    Map<String, NDArray> w = null, opt = null;
    if (withTrainState) {
      Weights.TrainState ts = Weights.readTrainState(file(dir, VideoCheckpoint.TRAIN_STATE), m);
      w = ts.weights();
      opt = ts.optimizer();
    }
    return new Loaded(config, tok, state, ema, w, opt, RetrievalBank.read(dir));
  }

  private static Path file(Path dir, String name) throws NoSuchFileException {
    return CheckpointFiles.require(dir, name, "fuse checkpoint");
  }
}
