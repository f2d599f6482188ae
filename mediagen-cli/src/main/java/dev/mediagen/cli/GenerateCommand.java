package dev.mediagen.cli;

import ai.djl.ndarray.NDManager;
import dev.mediagen.flow.OdeSolver;
import dev.mediagen.io.ImageFiles;
import dev.mediagen.io.MediaWriter;
import dev.mediagen.text.Prompts;
import dev.mediagen.video.SamplingOptions;
import dev.mediagen.video.TextToVideoConfig;
import dev.mediagen.video.VideoGenerator;
import dev.mediagen.world.Video;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import dev.mediagen.pickscore.PickScore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mediagen generate}: text → image (.png) or video (.gif / .mp4). */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generate an image or a video from a prompt with a text-to-video checkpoint.",
      "The output's extension picks the format: .png (1 frame), .gif or .mp4 (ffmpeg; GIF if it is missing).",
      "Example: ./mediagen generate --prompt \"a large red circle in the top left moving right\" --frames 8 --out clip.gif"
    })
final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--prompt", required = true, description = "what to generate")
  String prompt;

  @Option(names = "--out", required = true, description = "output file (.png, .gif or .mp4)")
  Path out;

  @Option(names = "--frames", description = "frames (default: 1 for .png, else the checkpoint's clip length)")
  Integer frames;

  @Option(names = "--fps", description = "frame rate stated to the model (default: the checkpoint's highest)")
  Integer fps;

  @Option(names = "--size", description = "frame size in pixels (default: the checkpoint's)")
  Integer size;

  @Option(names = "--steps", defaultValue = "50", description = "ODE steps (default: ${DEFAULT-VALUE})")
  int steps;

  @Option(names = "--guidance", defaultValue = "4", description = "classifier-free guidance scale (default: ${DEFAULT-VALUE})")
  float guidance;

  @Option(names = "--seed", defaultValue = "0", description = "noise seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--schedule", defaultValue = "lq", description = "lq | linear (default: ${DEFAULT-VALUE})")
  String schedule;

  @Option(names = "--solver", defaultValue = "euler", description = "euler | midpoint (default: ${DEFAULT-VALUE})")
  String solver;

  @Option(names = "--scale", defaultValue = "4", description = "upscale factor of the written frames, 1..16 (default: ${DEFAULT-VALUE})")
  int scale;

  @Option(names = "--checkpoint", description = "checkpoint directory (default: models/t2v-small; with --fuse: runs/fuse-small)")
  Path checkpoint;

  @Option(names = "--upsample", arity = "0..1", fallbackValue = "", paramLabel = "DIR",
      description = "then upsample ×2 with the spatial upsampler (Movie Gen §3.1.7; its own 5 steps, same seed); DIR: its checkpoint (default: models/upsampler-small)")
  String upsample;

  @Option(names = "--fuse", description = "X&Fuse: condition on an image fused as tokens: retrieve (from the checkpoint's bank by the prompt) | crop:FILE (an object crop) | scene:FILE (a layout map); writes a .png")
  String fuse;

  @Option(names = "--image-guidance", defaultValue = "1.5", description = "with --fuse: image guidance scale (default: ${DEFAULT-VALUE})")
  float imageGuidance;

  @Option(names = "--best-of", defaultValue = "1", description = "generate N samples (seeds seed..seed+N-1) and keep the one PickScore prefers (default: ${DEFAULT-VALUE})")
  int bestOf;

  @Option(names = "--pickscore", description = "PickScore model for --best-of (default: runs/pickscore/pickscore.safetensors; train one with 'pickscore train')")
  Path pickscore;

  @Override
  public Integer call() throws Exception {
    if (scale < 1 || scale > 16) throw new IllegalArgumentException("--scale %d must be in [1, 16]".formatted(scale));
    String ext = out.getFileName().toString().toLowerCase();
    if (MediaWriter.EXTENSIONS.stream().noneMatch(ext::endsWith)) {
      throw new IllegalArgumentException("--out %s must end with one of %s".formatted(out, MediaWriter.EXTENSIONS));
    }
    Paths.requireWritable(out);
    if (fuse != null) {
      if (bestOf != 1) throw new IllegalArgumentException("--best-of %d: not available with --fuse".formatted(bestOf));
      if (upsample != null) throw new IllegalArgumentException("--upsample: not available with --fuse");
      return FuseCommand.generate(this);
    }
    Path ckpt = checkpoint == null ? Paths.defaultVideoCheckpoint() : checkpoint;
    try (NDManager m = NDManager.newBaseManager();
        VideoGenerator gen = VideoGenerator.load(ckpt, m, 16)) {
      TextToVideoConfig c = gen.config().model();
      String p = Prompts.validate(prompt, c.text().maxWords() - 3);
      int f = frames != null ? frames : ext.endsWith(".png") ? 1 : c.maxFrames();
      if (ext.endsWith(".png") && f != 1) throw new IllegalArgumentException("--frames %d: a .png holds exactly 1 frame; use .gif or .mp4".formatted(f));
      int rate = fps != null ? fps : c.fps().get(c.fps().size() - 1);
      int s = size != null ? size : c.sizes().get(0);
      OdeSolver.Method method = switch (solver) {
        case "euler" -> OdeSolver.Method.EULER;
        case "midpoint" -> OdeSolver.Method.MIDPOINT;
        default -> throw new IllegalArgumentException("--solver '%s' must be euler or midpoint".formatted(solver));
      };
      Video v;
      if (bestOf == 1) {
        v = gen.generate(List.of(p), new SamplingOptions(s, f, rate, steps, guidance, schedule, method, seed), null).get(0);
      } else {
        if (bestOf < 1 || bestOf > 256) throw new IllegalArgumentException("--best-of %d must be in [1, 256]".formatted(bestOf));
        Path model = pickscore != null ? pickscore : Paths.home().resolve("runs/pickscore/pickscore.safetensors");
        if (!java.nio.file.Files.isRegularFile(model)) {
          throw new IllegalArgumentException("--best-of needs a PickScore model: %s does not exist (train one with 'mediagen pickscore train')".formatted(model));
        }
        try (PickScore scorer = PickScore.load(model)) {
          if (scorer.config().size() != s) {
            throw new IllegalArgumentException("--size %d: the PickScore model scores %dx%d images".formatted(s, scorer.config().size(), scorer.config().size()));
          }
          List<Video> samples = new ArrayList<>();
          for (int i = 0; i < bestOf; i++) samples.add(gen.generate(List.of(p), new SamplingOptions(s, f, rate, steps, guidance, schedule, method, seed + i), null).get(0));
          // PickScore judges images: the first frame of each sample stands for it
          List<Video> firsts = samples.stream().map(x -> Video.of(List.of(x.frame(0)))).toList();
          float[] scores = scorer.scores(java.util.Collections.nCopies(bestOf, p), firsts);
          int best = 0;
          for (int i = 1; i < bestOf; i++) if (scores[i] > scores[best]) best = i;
          System.err.printf("mediagen: best of %d by PickScore: seed %d (score %.3f; scores %s)%n", bestOf, seed + best, scores[best],
              java.util.Arrays.toString(scores));
          v = samples.get(best);
        }
      }
      if (upsample != null) {
        v = UpsampleCommand.upsample(upsample.isEmpty() ? null : Path.of(upsample), v.images(), p, rate,
            UpsampleCommand.STEPS, UpsampleCommand.GUIDANCE, 1, seed, 0, 0, false);
      }
      List<BufferedImage> images = v.images().stream().map(i -> ImageFiles.upscale(i, scale)).toList();
      MediaWriter.Written w = MediaWriter.write(images, rate, out);
      if (w.fellBack()) System.err.println("mediagen: " + w.note());
      System.out.println(w.path());
    }
    return 0;
  }
}
