package dev.mediagen.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mediagen.io.AtomicFiles;
import dev.mediagen.io.CheckpointFiles;
import dev.mediagen.io.Json;
import dev.mediagen.io.Safetensors;
import dev.mediagen.train.Weights;
import dev.mediagen.world.WorldConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** A temporal-autoencoder checkpoint directory, laid out like {@link VideoCheckpoint} without a tokenizer. */
public final class TaeCheckpoint {
  /** How a TAE was made. */
  public record Config(int format, TaeConfig model, WorldConfig world, TaeTrainConfig train) {}

  /** A loaded checkpoint; {@code weights}/{@code optimizer} are null for inference exports. */
  public record Loaded(Config config, VideoCheckpoint.State state, Map<String, NDArray> ema, Map<String, NDArray> weights,
      Map<String, NDArray> optimizer) {}

  private TaeCheckpoint() {}

  public static void save(Path dir, Config config, VideoCheckpoint.State state, Map<String, NDArray> ema,
      Map<String, NDArray> weights, Map<String, NDArray> optimizer, boolean f16) throws IOException {
    Map<String, String> meta = Map.of("format", "mediagen-tae-1", "step", Long.toString(state.step()));
    AtomicFiles.replaceDirectory(dir, tmp -> {
      Files.writeString(tmp.resolve(VideoCheckpoint.CONFIG), Json.toJson(config));
      Files.writeString(tmp.resolve(VideoCheckpoint.STATE), Json.toJson(state));
      Safetensors.write(tmp.resolve(VideoCheckpoint.WEIGHTS), Weights.toTensors(ema, "", f16), meta);
      if (weights != null) {
        Weights.writeTrainState(tmp.resolve(VideoCheckpoint.TRAIN_STATE), weights, optimizer, meta);
      }
    });
  }

  public static Loaded load(Path dir, NDManager m, boolean withTrainState) throws IOException {
    Path c = file(dir, VideoCheckpoint.CONFIG);
    Config config;
    try {
      config = Json.read(c, Config.class);
    } catch (IOException | RuntimeException e) {
      throw new IOException("corrupt TAE checkpoint config " + c + ": " + e.getMessage(), e);
    }
    VideoCheckpoint.State state = Json.read(file(dir, VideoCheckpoint.STATE), VideoCheckpoint.State.class);
    Map<String, NDArray> ema = Weights.fromTensors(Safetensors.read(file(dir, VideoCheckpoint.WEIGHTS)).tensors(), "", m);
    Map<String, NDArray> w = null, opt = null;
    if (withTrainState) {
      Weights.TrainState ts = Weights.readTrainState(file(dir, VideoCheckpoint.TRAIN_STATE), m);
      w = ts.weights();
      opt = ts.optimizer();
    }
    return new Loaded(config, state, ema, w, opt);
  }

  /** A TAE with a checkpoint's EMA weights on {@code m}. */
  public static TemporalAutoencoder model(Path dir, NDManager m) throws IOException {
    return model(load(VideoCheckpoint.resolve(dir), m, false), m);
  }

  /** The model of a loaded checkpoint, with its EMA weights. */
  public static TemporalAutoencoder model(Loaded l, NDManager m) {
    TemporalAutoencoder tae = new TemporalAutoencoder(l.config().model());
    tae.initialize(m, 0);
    Weights.copyInto(l.ema(), tae);
    return tae;
  }

  private static Path file(Path dir, String name) throws NoSuchFileException {
    return CheckpointFiles.require(dir, name, "TAE checkpoint");
  }
}
