package dev.mediagen.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.mediagen.world.Renderer;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Split;
import dev.mediagen.world.Video;
import dev.mediagen.world.WorldConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainFuseTest {
  static TrainFuse.Options options(Path out, Path resume, long steps) {
    return new TrainFuse.Options(out, resume, FuseModelConfig.tiny(FuseModelConfig.Conditioning.TOKENS), WorldConfig.tiny(),
        FuseTrainConfig.tiny(), 0, steps, null);
  }

  static TrainFuse.Listener listener(List<Float> out) {
    return new TrainFuse.Listener() {
      @Override
      public void step(long step, float loss) {
        out.add(loss);
      }
    };
  }

  @Test
  void lossFallsResumesExactlyAndGeneratesWithAndWithoutImages(@TempDir Path dir) throws Exception {
    List<Float> full = new ArrayList<>(), a = new ArrayList<>(), b = new ArrayList<>();
    TrainFuse.run(options(dir.resolve("full"), null, 30), listener(full));
    double first = full.subList(0, 5).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
    double last = full.subList(25, 30).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
    assertThat(last).as("losses %s", full).isLessThan(0.8 * first);
    TrainFuse.run(options(dir.resolve("split"), null, 3), listener(a));
    TrainFuse.run(options(dir.resolve("split"), dir.resolve("split"), 6), listener(b));
    assertThat(a).containsExactlyElementsOf(full.subList(0, 3));
    assertThat(b).containsExactlyElementsOf(full.subList(3, 6));
    try (NDManager m = NDManager.newBaseManager();
        FuseGenerator gen = FuseGenerator.load(dir.resolve("full"), m)) {
      assertThat(gen.bank().size()).isEqualTo(FuseTrainConfig.tiny().bankSize());
      Scene s = new SceneSampler(WorldConfig.tiny()).testSet(Split.TEST_SEEN, 1, 2).get(0);
      FuseGenerator.Options o = new FuseGenerator.Options(3, 2f, 1.5f, 1);
      List<Video> withMap = gen.generate(List.of("a caption", "another"), List.of(Conditions.sceneMap(s), Renderer.render(s)), o);
      assertThat(withMap).hasSize(2).allMatch(v -> v.width() == 16 && v.frames() == 1);
      Video alone = gen.generate(List.of("a caption"), List.of(Conditions.sceneMap(s)), o).get(0);
      double diff = 0;
      for (int i = 0; i < alone.data().length; i++) diff += Math.abs(alone.data()[i] - withMap.get(0).data()[i]);
      assertThat(diff / alone.data().length).isLessThan(1e-3); // per-sample noise streams
      assertThat(gen.generate(List.of("text only"), null, o)).hasSize(1);
      assertThat(gen.retrieve("one object on a black background", null)).isPresent();
      assertThatThrownBy(() -> gen.generate(List.of("x"), List.of(new Video(1, 8, 8, new float[3 * 64])), o))
          .hasMessageContaining("a conditioning image must be one 16x16 frame, got 1 frame(s) of 8x8");
      assertThatThrownBy(() -> gen.generate(List.of("x", "y"), List.of(Renderer.render(s)), o)).hasMessageContaining("1 conditioning images for 2 captions");
    }
  }
}
