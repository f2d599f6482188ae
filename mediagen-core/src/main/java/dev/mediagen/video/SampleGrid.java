package dev.mediagen.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mediagen.io.Grids;
import dev.mediagen.io.ImageFiles;
import dev.mediagen.train.Ema;
import dev.mediagen.train.Seeds;
import dev.mediagen.train.Weights;
import dev.mediagen.world.Captioner;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Split;
import dev.mediagen.world.WorldConfig;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Periodic training previews: the EMA model's images for fixed validation prompts, as one PNG grid. */
final class SampleGrid {
  private static final int COUNT = 8;

  private SampleGrid() {}

  static void write(
      Path dir, long step, TextToVideo model, Ema ema, PromptEncoder prompts, NDManager root, WorldConfig world,
      ClipSpace space) throws IOException {
    List<Scene> scenes = new SceneSampler(world).testSet(Split.VALIDATION, COUNT, 99);
    List<String> captions = scenes.stream().map(Captioner::canonical).toList();
    try (NDManager m = root.newSubManager()) {
      Map<String, NDArray> raw = Weights.snapshot(model, m);
      Weights.copyInto(ema.weights(), model);
      try {
        VideoGenerator gen = new VideoGenerator(model, prompts, m, COUNT, null, null, space);
        SamplingOptions o = SamplingOptions.defaults(world.size(), 1, world.fps().get(0), Seeds.derive(1, Seeds.SAMPLE, 0)).withSteps(25, "lq");
        List<BufferedImage> tiles = gen.generate(captions, o, null).stream().map(v -> v.frame(0)).toList();
        ImageFiles.writePng(Grids.grid(tiles, 4, 2, 4, Color.DARK_GRAY), dir.resolve("step-%07d.png".formatted(step)));
      } finally {
        Weights.copyInto(raw, model);
      }
    }
  }
}
