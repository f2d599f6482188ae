package dev.mediagen.cli;

import ai.djl.ndarray.NDManager;
import dev.mediagen.io.AtomicFiles;
import dev.mediagen.io.ImageFiles;
import dev.mediagen.io.MediaWriter;
import dev.mediagen.text.Prompts;
import dev.mediagen.video.SamplingOptions;
import dev.mediagen.video.TextToVideoConfig;
import dev.mediagen.video.VideoGenerator;
import dev.mediagen.world.Video;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mediagen bench generate}: the wall time of one text-to-video generation end to end as {@code
 * generate} does it — prompt → text encoders → ODE sampling with guidance (one batched forward per step) →
 * TAE decoding for a latent checkpoint → GIF file — in a warm process, one clip at a time.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {
      "Time end-to-end generation (prompt -> file) of one clip, after one untimed warm-up generation.",
      "Example: ./mediagen bench generate --checkpoint runs/video-latent --frames 16 --iterations 5"
    })
final class BenchGenerateCommand implements Callable<Integer> {
  @Option(names = "--checkpoint", description = "text-to-video checkpoint (default: models/t2v-small)")
  Path checkpoint;

  @Option(names = "--frames", description = "frames per clip (default: the checkpoint's clip length)")
  Integer frames;

  @Option(names = "--steps", defaultValue = "50", description = "ODE steps (default: ${DEFAULT-VALUE})")
  int steps;

  @Option(names = "--iterations", defaultValue = "5", description = "timed generations (default: ${DEFAULT-VALUE})")
  int iterations;

  @Option(names = "--prompt", defaultValue = "a large red circle on the left moving right on a black background",
      description = "prompt (default: ${DEFAULT-VALUE})")
  String prompt;

  @Option(names = "--out", description = "directory for the written clips (default: a temporary one, deleted)")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (iterations < 1 || iterations > 1000) throw new IllegalArgumentException("--iterations %d must be in [1, 1000]".formatted(iterations));
    Path ckpt = checkpoint == null ? Paths.defaultVideoCheckpoint() : checkpoint;
    Path dir = out != null ? Files.createDirectories(out) : Files.createTempDirectory("mediagen-bench");
    long t0 = System.nanoTime();
    try (NDManager m = NDManager.newBaseManager();
        VideoGenerator gen = VideoGenerator.load(ckpt, m, 1)) {
      double loadMs = (System.nanoTime() - t0) / 1e6;
      TextToVideoConfig c = gen.config().model();
      int f = frames != null ? frames : c.maxFrames();
      int fps = c.fps().get(c.fps().size() - 1);
      String p = Prompts.validate(prompt, c.text().maxWords() - 3);
      double[] ms = new double[iterations];
      for (int i = -1; i < iterations; i++) {
        long s = System.nanoTime();
        Video v = gen.generate(List.of(p), SamplingOptions.defaults(c.sizes().get(0), f, fps, i + 1).withSteps(steps, "lq"), null).get(0);
        MediaWriter.write(v.images().stream().map(x -> ImageFiles.upscale(x, 4)).toList(), fps, dir.resolve("clip-" + (i + 1) + ".gif"));
        if (i >= 0) ms[i] = (System.nanoTime() - s) / 1e6;
      }
      double[] sorted = ms.clone();
      Arrays.sort(sorted);
      System.out.printf(Locale.ROOT, "checkpoint=%s latent=%b size=%d frames=%d steps=%d load_ms=%.0f runs_ms=%s%n",
          ckpt, c.latent() != null, c.sizes().get(0), f, steps, loadMs, format(ms));
      System.out.printf(Locale.ROOT, "median_ms=%.1f min_ms=%.1f%n", sorted[iterations / 2], sorted[0]);
    } finally {
      if (out == null) AtomicFiles.deleteRecursively(dir);
    }
    return 0;
  }

  private static String format(double[] ms) {
    List<String> s = new ArrayList<>();
    for (double x : ms) s.add(String.format(Locale.ROOT, "%.0f", x));
    return String.join(",", s);
  }
}
