package dev.mediagen.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Tensors;
import dev.mediagen.train.Seeds;
import dev.mediagen.video.ClipData;
import dev.mediagen.video.TaeCheckpoint;
import dev.mediagen.video.TemporalAutoencoder;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Split;
import dev.mediagen.world.WorldConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The latent scale of a TAE: 1 / std of its latent means over training clips (as Stable Diffusion's 0.18215). */
final class LatentScale {
  private LatentScale() {}

  static float estimate(Path tae, WorldConfig world) throws IOException {
    try (NDManager m = NDManager.newBaseManager(); Tensors.Scope noGrad = Tensors.noGrad()) {
      TemporalAutoencoder model = TaeCheckpoint.model(tae, m);
      SceneSampler sampler = new SceneSampler(world);
      var rng = Seeds.rng(1, Seeds.DATA, 0);
      List<Scene> scenes = new ArrayList<>();
      for (int i = 0; i < 32; i++) scenes.add(sampler.sample(rng, Split.TRAIN, true));
      Scene f = scenes.get(0);
      NDArray x = Tensors.floats(m, ClipData.pixels(scenes), new Shape(scenes.size(), 3, f.frames(), f.height(), f.width()));
      NDArray z = model.encode(new ParameterStore(m, false), x, false).mean();
      float std = (float) Math.sqrt(z.sub(z.mean()).square().mean().getFloat());
      return 1f / std;
    }
  }
}
