package dev.mediagen.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mediagen.eval.FeatureEncoder;
import dev.mediagen.world.WorldConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation plumbing end to end at toy size: every row present, finite, in range; inversion leaves the model alone. */
class FuseEvalTest {
  static Path train(Path dir, FuseModelConfig.Conditioning c, long steps) throws Exception {
    TrainFuse.run(new TrainFuse.Options(dir, null, FuseModelConfig.tiny(c), WorldConfig.tiny(), FuseTrainConfig.tiny(), 0, steps, null),
        new TrainFuse.Listener() {});
    return dir;
  }

  @Test
  void fidRowsCropBenchAndInversionRunAtToySize(@TempDir Path dir) throws Exception {
    WorldConfig world = WorldConfig.tiny();
    Path fused = train(dir.resolve("fused"), FuseModelConfig.Conditioning.TOKENS, 3);
    Path base = train(dir.resolve("base"), FuseModelConfig.Conditioning.EMBEDDING, 2);
    try (NDManager m = NDManager.newBaseManager();
        FuseGenerator gen = FuseGenerator.load(fused, m);
        FuseGenerator baseGen = FuseGenerator.load(base, m);
        FeatureEncoder enc = FeatureEncoder.train(world, 2, 1, null)) {
      Map<String, Integer> seen = new HashMap<>();
      List<FuseEval.Row> rows = FuseEval.run(gen, baseGen, enc, world, new FuseEval.Options(4, 2, 2f, 1.5f, 3),
          (name, s) -> seen.merge(name, 1, Integer::sum));
      assertThat(rows).extracting(FuseEval.Row::condition).containsExactly("real", "none", "embedding", "retrieve", "scene");
      assertThat(seen).containsOnlyKeys("none", "embedding", "retrieve", "scene").allSatisfy((k, n) -> assertThat(n).isEqualTo(4));
      for (FuseEval.Row r : rows) {
        assertThat(r.images()).isEqualTo(4);
        assertThat(r.fid()).as(r.condition()).isFinite().isGreaterThan(-1e-3);
        for (double a : new double[] {r.colour(), r.shape(), r.size(), r.texture(), r.position(), r.count(), r.background(), r.overall()}) {
          assertThat(a).as(r.condition()).isBetween(0.0, 1.0);
        }
      }
      assertThat(rows.get(3).meanRetrievalScore()).isBetween(-1.0, 1.0);

      List<CropBench.Subject> subjects = CropBench.subjects(world, 1, 2, 2, 5);
      assertThat(subjects.get(0).train()).hasSize(2).allMatch(s -> s.objects().size() == 1 && s.objects().get(0).colour() == subjects.get(0).object().colour());
      List<CropBench.Row> crop = CropBench.run(gen, subjects, new FuseGenerator.Options(2, 2f, 1.5f, 1), 2, 1e-2f, m);
      assertThat(crop).hasSize(4).extracting(CropBench.Row::method).startsWith("crop&fuse", "inversion-2");
      for (CropBench.Row r : crop) {
        assertThat(r.samples()).isEqualTo(2);
        assertThat(r.wallSecondsPerSubject()).isPositive();
        assertThat(r.appearance()).isBetween(0.0, Math.min(r.colour(), r.shape()));
      }

      // inversion trains v* only: every model weight and its gradient flag come back unchanged
      List<float[]> before = new ArrayList<>();
      List<Boolean> grads = new ArrayList<>();
      gen.model().namedParameters().values().forEach(p -> {
        before.add(p.array().toFloatArray());
        grads.add(p.array().hasGradient());
      });
      try (NDManager sm = m.newSubManager()) {
        NDArray v = SubjectInversion.learn(gen.model(), gen.prompts(), subjects.get(0).train(), 3, 1e-2f, 9, sm);
        assertThat(v.getShape().getShape()).containsExactly(1, gen.model().config().denoiser().hidden());
        for (float x : v.toFloatArray()) assertThat(x).isFinite();
      }
      int i = 0;
      for (var p : gen.model().namedParameters().values()) {
        assertThat(p.array().toFloatArray()).isEqualTo(before.get(i));
        assertThat(p.array().hasGradient()).isEqualTo(grads.get(i++));
      }
    }
  }
}
