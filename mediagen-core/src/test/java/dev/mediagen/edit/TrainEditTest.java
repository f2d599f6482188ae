package dev.mediagen.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.mediagen.world.Split;
import dev.mediagen.world.Video;
import dev.mediagen.world.WorldConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainEditTest {
  @Test
  void trainsResumesExactlyAndEditsWithDualGuidance(@TempDir Path dir) throws Exception {
    WorldConfig w = WorldConfig.tiny();
    List<Float> full = new ArrayList<>(), a = new ArrayList<>(), b = new ArrayList<>();
    TrainEdit.run(new TrainEdit.Options(dir.resolve("full"), null, EditModelConfig.tiny(), w, EditTrainConfig.tiny(), 0, 6), listener(full));
    TrainEdit.run(new TrainEdit.Options(dir.resolve("split"), null, EditModelConfig.tiny(), w, EditTrainConfig.tiny(), 0, 3), listener(a));
    TrainEdit.run(new TrainEdit.Options(dir.resolve("split"), dir.resolve("split"), EditModelConfig.tiny(), w, EditTrainConfig.tiny(), 0, 6), listener(b));
    assertThat(a).containsExactlyElementsOf(full.subList(0, 3));
    assertThat(b).containsExactlyElementsOf(full.subList(3, 6));
    try (NDManager m = NDManager.newBaseManager();
        EditGenerator gen = EditGenerator.load(dir.resolve("full"), m)) {
      EditTasks tasks = new EditTasks(w);
      List<EditExample> ex = List.of(tasks.testSet(EditTask.LOCAL, Split.TEST_SEEN, 1, 3).get(0),
          tasks.testSet(EditTask.BACKGROUND, Split.TEST_SEEN, 1, 3).get(0));
      EditGenerator.Options o = new EditGenerator.Options(3, 1.5f, 5f, 1);
      List<Video> out = gen.edit(ex.stream().map(EditExample::sourceImage).toList(), ex.stream().map(EditExample::instruction).toList(),
          java.util.Arrays.asList(null, EditTask.BACKGROUND), o);
      assertThat(out).hasSize(2).allMatch(v -> v.width() == 16 && v.frames() == 1);
      Video alone = gen.edit(List.of(ex.get(0).sourceImage()), List.of(ex.get(0).instruction()), java.util.Arrays.asList((EditTask) null), o).get(0);
      // seeded per image: alone or in a batch, the same noise (up to matmul rounding of other padding lengths)
      double diff = 0;
      for (int i = 0; i < alone.data().length; i++) diff += Math.abs(alone.data()[i] - out.get(0).data()[i]);
      assertThat(diff / alone.data().length).isLessThan(1e-3);
      // multi-turn: α = 0 keeps every change of each turn, an α above any change undoes them all
      Video src = ex.get(0).sourceImage();
      List<Video> open = gen.multiTurn(src, List.of("a", "b"), java.util.Arrays.asList(EditTask.LOCAL, EditTask.LOCAL), o, 0);
      assertThat(open.get(0).data()).containsExactly(gen.edit(List.of(src), List.of("a"), List.of(EditTask.LOCAL), o).get(0).data());
      assertThat(open.get(1).data()).containsExactly(gen.edit(List.of(open.get(0)), List.of("b"), List.of(EditTask.LOCAL), o).get(0).data());
      assertThat(gen.multiTurn(src, List.of("a", "b"), java.util.Arrays.asList(null, null), o, 100).get(1).data()).containsExactly(src.data());
      var summary = new EditBenchmark().run(ex, gen.editor(ex, o, true, 8));
      assertThat(summary).hasSize(2);
      assertThatThrownBy(() -> gen.edit(List.of(new Video(1, 8, 8, new float[3 * 64])), List.of("x"), java.util.Arrays.asList((EditTask) null), o))
          .hasMessageContaining("16x16");
    }
  }

  @Test
  void taskInversionLearnsOnlyTheNewEmbedding(@TempDir Path dir) throws Exception {
    WorldConfig w = WorldConfig.tiny();
    TrainEdit.run(new TrainEdit.Options(dir, null, EditModelConfig.tiny(), w, EditTrainConfig.tiny(), 0, 2), listener(new ArrayList<>()));
    try (NDManager m = NDManager.newBaseManager();
        EditGenerator gen = EditGenerator.load(dir, m)) {
      var model = gen.model();
      float[] before = model.namedParameters().get("denoiser.blocks.0.attn.qkv.weight").array().toFloatArray();
      List<EditExample> few = TaskInversion.examples(new EditTasks(w), EditTask.MIRROR, 4, 9);
      var vec = TaskInversion.learn(model, gen.prompts(), few, 3, 1e-2f, 5, m);
      assertThat(vec.getShape()).isEqualTo(new ai.djl.ndarray.types.Shape(1, model.config().denoiser().hidden()));
      assertThat(vec.abs().max().getFloat()).isGreaterThan(0.02f); // moved from its N(0, 0.02²) start by lr-sized steps
      assertThat(model.namedParameters().get("denoiser.blocks.0.attn.qkv.weight").array().toFloatArray()).containsExactly(before);
      assertThat(model.namedParameters().get("denoiser.blocks.0.attn.qkv.weight").array().hasGradient()).isTrue();
      List<Video> out = gen.editWithEmbedding(List.of(few.get(0).sourceImage()), List.of(few.get(0).instruction()), vec,
          new EditGenerator.Options(2, 1.5f, 5f, 1));
      assertThat(out.get(0).width()).isEqualTo(16);
    }
  }

  static TrainEdit.Listener listener(List<Float> out) {
    return new TrainEdit.Listener() {
      @Override
      public void step(long step, float loss) {
        out.add(loss);
      }
    };
  }
}
