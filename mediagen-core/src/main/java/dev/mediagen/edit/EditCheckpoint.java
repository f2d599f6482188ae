package dev.mediagen.edit;

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

/** An Emu Edit checkpoint directory, laid out like {@link VideoCheckpoint}. */
public final class EditCheckpoint {
  /** How an edit model was made. */
  public record Config(int format, EditModelConfig model, WorldConfig world, EditTrainConfig train) {}

  /** A loaded checkpoint; {@code weights}/{@code optimizer} are null for inference exports. */
  public record Loaded(Config config, WordTokenizer tokenizer, VideoCheckpoint.State state, Map<String, NDArray> ema,
      Map<String, NDArray> weights, Map<String, NDArray> optimizer) {}

  private EditCheckpoint() {}

  public static void save(Path dir, Config config, WordTokenizer tok, VideoCheckpoint.State state, Map<String, NDArray> ema,
      Map<String, NDArray> weights, Map<String, NDArray> optimizer, boolean f16) throws IOException {
    Map<String, String> meta = Map.of("format", "mediagen-edit-1", "step", Long.toString(state.step()));
    AtomicFiles.replaceDirectory(dir, tmp -> {
      Files.writeString(tmp.resolve(VideoCheckpoint.CONFIG), Json.toJson(config));
      Files.writeString(tmp.resolve(VideoCheckpoint.TOKENIZER), tok.toJson());
      Files.writeString(tmp.resolve(VideoCheckpoint.STATE), Json.toJson(state));
      Safetensors.write(tmp.resolve(VideoCheckpoint.WEIGHTS), Weights.toTensors(ema, "", f16), meta);
      if (weights != null) {
        Weights.writeTrainState(tmp.resolve(VideoCheckpoint.TRAIN_STATE), weights, optimizer, meta);
      }
    });
  }

  public static Loaded load(Path dir, NDManager m, boolean withTrainState) throws IOException {
    dir = VideoCheckpoint.resolve(dir);
    Config config;
    try {
      config = Json.read(file(dir, VideoCheckpoint.CONFIG), Config.class);
    } catch (IOException | RuntimeException e) {
      throw new IOException("corrupt edit checkpoint config in " + dir + ": " + e.getMessage(), e);
    }
    WordTokenizer tok = WordTokenizer.fromJson(Files.readString(file(dir, VideoCheckpoint.TOKENIZER)));
    VideoCheckpoint.State state = Json.read(file(dir, VideoCheckpoint.STATE), VideoCheckpoint.State.class);
    Map<String, NDArray> ema = Weights.fromTensors(Safetensors.read(file(dir, VideoCheckpoint.WEIGHTS)).tensors(), "", m);
    Map<String, NDArray> w = null, opt = null;
    if (withTrainState) {
      Weights.TrainState ts = Weights.readTrainState(file(dir, VideoCheckpoint.TRAIN_STATE), m);
      w = ts.weights();
      opt = ts.optimizer();
    }
    return new Loaded(config, tok, state, ema, w, opt);
  }

  private static Path file(Path dir, String name) throws NoSuchFileException {
    return CheckpointFiles.require(dir, name, "edit checkpoint");
  }
}
