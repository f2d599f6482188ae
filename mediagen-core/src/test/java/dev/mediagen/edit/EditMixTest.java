package dev.mediagen.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mediagen.world.Split;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EditMixTest {
  @Test
  void drawsFollowTheWeights() {
    EditMix mix =
        new EditMix(Map.of(EditTask.ADD, 3.0, EditTask.REMOVE, 1.0, EditTask.MIRROR, 0.0));
    Map<EditTask, Integer> n = new EnumMap<>(EditTask.class);
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < 4000; i++) {
      n.merge(mix.task(rng), 1, Integer::sum);
    }
    assertThat(n.keySet()).containsExactlyInAnyOrder(EditTask.ADD, EditTask.REMOVE);
    // expected 3000 / 1000, binomial sd ≈ 27
    assertThat(n.get(EditTask.ADD)).isBetween(2890, 3110);
  }

  @Test
  void trainingMixSkipsHeldOutTasksAndSamples() {
    EditMix mix = EditMix.training();
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 300; i++) {
      assertThat(mix.task(rng).heldOut()).isFalse();
    }
    EditExample ex = mix.sample(EditTasks.defaults(), new SplittableRandom(4), Split.TRAIN);
    assertThat(ex.task().heldOut()).isFalse();
    assertThat(EditTask.training()).hasSize(13);
  }

  @Test
  void rejectsBadWeights() {
    assertThatThrownBy(() -> new EditMix(Map.of(EditTask.ADD, -1.0)))
        .hasMessageContaining("-1.0")
        .hasMessageContaining("add");
    assertThatThrownBy(() -> new EditMix(Map.of(EditTask.ADD, 0.0)))
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> EditTask.of("paint"))
        .hasMessageContaining("paint")
        .hasMessageContaining("local");
  }

  @Test
  void theTrainingRecipeNamesItsTasks() {
    EditTrainConfig all = EditTrainConfig.small();
    assertThat(all.tasks()).isEmpty();
    assertThat(all.mix()).isEqualTo(EditMix.training());
    EditTrainConfig expert = all.withTasks(java.util.List.of("local"));
    java.util.SplittableRandom rng = new java.util.SplittableRandom(4);
    for (int i = 0; i < 50; i++) assertThat(expert.mix().task(rng)).isEqualTo(EditTask.LOCAL);
    // a checkpoint written before the field existed reads as every task
    assertThat(new EditTrainConfig(8, 1e-3f, 0, 10, 0, 0, 0, 0.9f, 1, 0, null).tasks()).isEmpty();
    assertThatThrownBy(() -> all.withTasks(java.util.List.of("paint"))).hasMessageContaining("paint");
    assertThatThrownBy(() -> all.withSchedule(0f, 10, 100)).hasMessageContaining("lr 0.0 must be > 0");
  }
}
