package dev.mediagen.cli;

import ai.djl.ndarray.NDManager;
import dev.mediagen.io.GifWriter;
import dev.mediagen.io.ImageFiles;
import dev.mediagen.io.Json;
import dev.mediagen.io.MediaWriter;
import dev.mediagen.video.EvalUpsample;
import dev.mediagen.video.SamplingOptions;
import dev.mediagen.video.VideoGenerator;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Video;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mediagen upsample IN OUT}: ×2 spatial video-to-video upsampling. */
@Command(name = "upsample", mixinStandardHelpOptions = true,
    description = {
      "Upsample a .png/.gif clip ×2 with the spatial upsampler (Movie Gen §3.1.7): the bilinear upsampling",
      "conditions the denoiser; long clips are denoised in overlapping temporal windows (MultiDiffusion).",
      "Example: ./mediagen upsample clip.gif clip-64.gif"
    },
    subcommands = {UpsampleCommand.Eval.class})
final class UpsampleCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", description = "input .png or .gif")
  Path in;

  @Parameters(index = "1", arity = "0..1", description = "output .png, .gif or .mp4")
  Path out;

  @Option(names = "--checkpoint", description = "upsampler checkpoint (default: models/upsampler-small)")
  Path checkpoint;

  @Option(names = "--prompt", defaultValue = "", description = "optional caption of the clip")
  String prompt;

  @Option(names = "--window", defaultValue = "0", description = "frames per temporal window (default: 0 = the checkpoint's clip length)")
  int window;

  @Option(names = "--stride", defaultValue = "0", description = "frames between windows (default: 0 = half a window)")
  int stride;

  @Option(names = "--steps", defaultValue = "" + STEPS, description = "ODE steps (default: ${DEFAULT-VALUE})")
  int steps;

  @Option(names = "--samples", defaultValue = "1", description = "write the mean of this many samples, 1..64: less grain, higher PSNR, less sampled detail (default: ${DEFAULT-VALUE})")
  int samples;

  @Option(names = "--fps", defaultValue = "8", description = "frame rate (default: ${DEFAULT-VALUE})")
  int fps;

  @Option(names = "--seed", defaultValue = "0", description = "noise seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--guidance", defaultValue = "" + GUIDANCE, description = "classifier-free guidance scale on the caption (default: ${DEFAULT-VALUE})")
  float guidance;

  @Option(names = "--scale", defaultValue = "1", description = "upscale factor of the written frames (nearest), 1..16 (default: ${DEFAULT-VALUE})")
  int scale;

  /** Caption guidance of the upsampler; the low-resolution clip itself is never dropped. */
  static final float GUIDANCE = 1.5f;

  /** ODE steps of the upsampler: chosen on held-out clips (seed 11) for PSNR; more steps add grain (docs/RESULTS.md). */
  static final int STEPS = 5;

  /** Samples averaged per clip by {@code upsample eval}, chosen with {@link #STEPS}. */
  static final int EVAL_SAMPLES = 8;

  static Path defaultCheckpoint() {
    return Paths.home().resolve("models").resolve("upsampler-small");
  }

  @Override
  public Integer call() throws Exception {
    if (in == null || out == null) throw new IllegalArgumentException("upsample needs IN and OUT files (or the eval subcommand)");
    if (!Files.isRegularFile(in)) throw new NoSuchFileException(in + " does not exist");
    if (scale < 1 || scale > 16) throw new IllegalArgumentException("--scale %d must be in [1, 16]".formatted(scale));
    if (window < 0 || stride < 0) throw new IllegalArgumentException("--window %d and --stride %d must be >= 0 (0: the default)".formatted(window, stride));
    Paths.requireWritable(out);
    List<BufferedImage> frames = in.toString().toLowerCase().endsWith(".gif") ? GifWriter.readFrames(in) : List.of(ImageFiles.readImage(in));
    Video v = upsample(checkpoint, frames, prompt, fps, steps, guidance, samples, seed, window, stride, true);
    MediaWriter.Written w = MediaWriter.write(v.images().stream().map(i -> ImageFiles.upscale(i, scale)).toList(), fps, out);
    if (w.fellBack()) System.err.println("mediagen: " + w.note());
    System.out.println(w.path());
    return 0;
  }

  /**
   * Upsamples a clip ×2 with an upsampler checkpoint ({@code null}: the shipped one). With {@code reduce},
   * frames of another size are first reduced (area average) to half the upsampler's output size; without, such
   * frames are an error. Clips longer than {@code window} frames ({@code 0}: the checkpoint's clip length) run in
   * overlapping temporal windows {@code stride} frames apart ({@code 0}: half a window). With {@code samples} above 1
   * the result is the pixel-wise mean of that many samples ({@link VideoGenerator#upsampleMean}).
   */
  static Video upsample(Path checkpoint, List<BufferedImage> frames, String prompt, int fps, int steps, float guidance,
      int samples, long seed, int window, int stride, boolean reduce) throws IOException {
    try (NDManager m = NDManager.newBaseManager();
        VideoGenerator up = VideoGenerator.load(checkpoint == null ? defaultCheckpoint() : checkpoint, m, 8)) {
      int target = up.config().model().sizes().get(0);
      int width = frames.get(0).getWidth();
      if (!reduce && (width != target / 2 || frames.get(0).getHeight() != target / 2)) {
        throw new IllegalArgumentException("the upsampler turns %d px clips into %d px; this clip is %dx%d px"
            .formatted(target / 2, target, width, frames.get(0).getHeight()));
      }
      List<BufferedImage> low = new ArrayList<>();
      for (BufferedImage f : frames) low.add(reduce ? CheckCommand.reduce(f, target / 2) : f);
      return up.upsampleMean(List.of(Video.of(low)), List.of(prompt),
          new SamplingOptions(target, low.size(), fps, steps, guidance, "lq", dev.mediagen.flow.OdeSolver.Method.EULER, seed),
          Math.min(window, low.size()), stride, samples).get(0);
    }
  }

  @Command(name = "eval", mixinStandardHelpOptions = true,
      description = "PSNR of the upsampler and of bicubic interpolation against ground-truth high-resolution renders.")
  static final class Eval implements Callable<Integer> {
    @Option(names = "--checkpoint", description = "upsampler checkpoint (default: models/upsampler-small)")
    Path checkpoint;

    @Option(names = "--clips", defaultValue = "32", description = "held-out clips (default: ${DEFAULT-VALUE})")
    int clips;

    @Option(names = "--steps", defaultValue = "" + STEPS, description = "ODE steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--guidance", defaultValue = "" + GUIDANCE, description = "classifier-free guidance scale on the caption (default: ${DEFAULT-VALUE})")
    float guidance;

    @Option(names = "--seed", defaultValue = "5", description = "scene and noise seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--samples", defaultValue = "" + EVAL_SAMPLES, description = "score the mean of this many samples per clip, 1..64 (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--json", description = "metrics file to write")
    Path json;

    @Option(names = "--grid", description = "PNG of first frames: low resolution, bicubic, model, truth for the first 6 clips")
    Path grid;

    @Override
    public Integer call() throws Exception {
      try (NDManager m = NDManager.newBaseManager();
          VideoGenerator up = VideoGenerator.load(checkpoint == null ? defaultCheckpoint() : checkpoint, m, 8)) {
        EvalUpsample.Outcome o = EvalUpsample.run(up, new SceneSampler(up.config().world()), clips, 0, 0, steps, guidance, samples, seed);
        EvalUpsample.Result r = o.result();
        if (json != null) Json.write(json, r);
        if (grid != null) ImageFiles.writePng(o.comparison(6, 2), grid);
        System.out.println(Json.toJson(r));
      }
      return 0;
    }
  }
}
