package dev.mediagen.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mediagen.io.GifWriter;
import dev.mediagen.io.ImageFiles;
import dev.mediagen.io.Json;
import dev.mediagen.io.MediaWriter;
import dev.mediagen.nn.Tensors;
import dev.mediagen.video.ClipData;
import dev.mediagen.video.EvalTae;
import dev.mediagen.video.TaeCheckpoint;
import dev.mediagen.video.TaeTiling;
import dev.mediagen.video.TemporalAutoencoder;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Video;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mediagen tae ...}: use a temporal autoencoder. */
@Command(name = "tae", description = "Temporal autoencoder tools.", subcommands = {TaeCommand.Roundtrip.class, TaeCommand.Eval.class, TaeCommand.Tiling.class})
final class TaeCommand {
  static Path defaultCheckpoint() {
    return Paths.home().resolve("models").resolve("tae-small");
  }

  /** A TAE checkpoint's model (its EMA weights) and a sampler of the world it was trained on. */
  record Shipped(TemporalAutoencoder tae, SceneSampler sampler) {
    /** {@code checkpoint}, or the shipped models/tae-small when null. */
    static Shipped load(Path checkpoint, NDManager m) throws java.io.IOException {
      Path ck = dev.mediagen.video.VideoCheckpoint.resolve(checkpoint == null ? defaultCheckpoint() : checkpoint);
      TaeCheckpoint.Loaded l = TaeCheckpoint.load(ck, m, false);
      return new Shipped(TaeCheckpoint.model(l, m), new SceneSampler(l.config().world()));
    }
  }

  @Command(name = "roundtrip", mixinStandardHelpOptions = true,
      description = "Encode a .png/.gif with the TAE and decode it again (tiled in time for long clips).")
  static final class Roundtrip implements Callable<Integer> {
    @Parameters(index = "0", description = "input .png or .gif (ShapesWorld-sized frames, or an integer enlargement)")
    Path in;

    @Parameters(index = "1", description = "output .png, .gif or .mp4")
    Path out;

    @Option(names = "--checkpoint", description = "TAE checkpoint (default: models/tae-small)")
    Path checkpoint;

    @Option(names = "--tile", defaultValue = "8", description = "raw frames per encoding tile (default: ${DEFAULT-VALUE})")
    int tile;

    @Option(names = "--fps", defaultValue = "8", description = "frame rate of the written clip (default: ${DEFAULT-VALUE})")
    int fps;

    @Override
    public Integer call() throws Exception {
      if (!Files.isRegularFile(in)) throw new NoSuchFileException(in + " does not exist");
      Paths.requireWritable(out);
      try (NDManager m = NDManager.newBaseManager()) {
        TemporalAutoencoder tae = TaeCheckpoint.model(checkpoint == null ? defaultCheckpoint() : checkpoint, m);
        int canvas = TaeCheckpoint.load(dev.mediagen.video.VideoCheckpoint.resolve(checkpoint == null ? defaultCheckpoint() : checkpoint), m, false)
            .config().world().size();
        List<BufferedImage> frames = in.toString().toLowerCase().endsWith(".gif") ? GifWriter.readFrames(in) : List.of(ImageFiles.readImage(in));
        List<BufferedImage> reduced = new ArrayList<>();
        for (BufferedImage f : frames) reduced.add(CheckCommand.reduce(f, canvas));
        Video v = Video.of(reduced);
        int t = v.frames();
        tae.config().checkClip(t, v.height(), v.width());
        float[] pixels = new float[v.data().length];
        Video src = v;
        // (T, 3, H, W) in [0,1] → (1, 3, T, H, W) in [−1, 1]
        int plane = v.height() * v.width();
        for (int f = 0; f < t; f++) {
          for (int c = 0; c < 3; c++) {
            for (int i = 0; i < plane; i++) pixels[(c * t + f) * plane + i] = src.data()[(f * 3 + c) * plane + i] * 2 - 1;
          }
        }
        ParameterStore ps = new ParameterStore(m, false);
        NDArray x = Tensors.floats(m, pixels, new Shape(1, 3, t, v.height(), v.width()));
        NDArray z = t == 1 ? tae.encode(ps, x, false).mean() : TaeTiling.encode(tae, ps, x, Math.min(tile, t));
        int tl = (int) z.getShape().get(2);
        NDArray y = TaeTiling.decode(tae, ps, z, Math.min(4, tl), Math.min(4, tl) > 1 ? 1 : 0);
        Video rec = ClipData.toVideo(y.toFloatArray(), 0, t, v.height(), v.width());
        List<BufferedImage> outFrames = rec.images().stream().map(i -> ImageFiles.upscale(i, 4)).toList();
        MediaWriter.Written w = MediaWriter.write(outFrames, fps, out);
        if (w.fellBack()) System.err.println("mediagen: " + w.note());
        System.out.println(w.path());
      }
      return 0;
    }
  }

  @Command(name = "eval", mixinStandardHelpOptions = true,
      description = "Round-trip metrics on held-out clips: PSNR, checker attributes preserved, worst patch error, latent outliers.")
  static final class Eval implements Callable<Integer> {
    @Option(names = "--checkpoint", description = "TAE checkpoint (default: models/tae-small)")
    Path checkpoint;

    @Option(names = "--clips", defaultValue = "64", description = "held-out clips (default: ${DEFAULT-VALUE})")
    int clips;

    @Option(names = "--frames", defaultValue = "16", description = "frames per clip (default: ${DEFAULT-VALUE})")
    int frames;

    @Option(names = "--json", description = "metrics file to write")
    Path json;

    @Override
    public Integer call() throws Exception {
      try (NDManager m = NDManager.newBaseManager()) {
        Shipped t = Shipped.load(checkpoint, m);
        EvalTae.Result r = EvalTae.run(t.tae(), t.sampler(), clips, frames, 31, 8);
        if (json != null) Json.write(json, r);
        System.out.println(Json.toJson(r));
      }
      return 0;
    }
  }

  @Command(name = "tiling", mixinStandardHelpOptions = true,
      description = {
        "One measurement of bench/tae-tiling: decode a held-out clip's latents whole or in overlapping temporal tiles;",
        "prints one JSON line (decode peak memory, time, PSNR, MSE on the seam frames and elsewhere). Run one per JVM.",
        "Example: ./mediagen tae tiling --frames 128 --mode tiled"
      })
  static final class Tiling implements Callable<Integer> {
    @Option(names = "--checkpoint", description = "TAE checkpoint (default: models/tae-small)")
    Path checkpoint;

    @Option(names = "--frames", defaultValue = "16", description = "clip length, a multiple of 8 up to 256 (default: ${DEFAULT-VALUE})")
    int frames;

    @Option(names = "--mode", defaultValue = "tiled", description = "tiled | untiled (default: ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--tile", defaultValue = "4", description = "latent frames per decoded tile (default: ${DEFAULT-VALUE})")
    int tile;

    @Option(names = "--overlap", defaultValue = "1", description = "latent frames shared by neighbouring tiles (default: ${DEFAULT-VALUE})")
    int overlap;

    @Option(names = "--seed", defaultValue = "7", description = "which held-out clip (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
      if (!mode.equals("tiled") && !mode.equals("untiled")) {
        throw new IllegalArgumentException("--mode must be tiled or untiled, got '" + mode + "'");
      }
      if (frames < 8 || frames > 256 || frames % 8 != 0) { // 256: the longest Scene
        throw new IllegalArgumentException("--frames must be a multiple of 8 in [8, 256], got " + frames);
      }
      try (NDManager m = NDManager.newBaseManager()) {
        Shipped t = Shipped.load(checkpoint, m);
        var r = dev.mediagen.video.TilingBench.run(t.tae(), t.sampler(), frames, mode.equals("tiled"), tile, overlap, seed);
        System.out.println(Json.toJsonLine(r));
      }
      return 0;
    }
  }
}
