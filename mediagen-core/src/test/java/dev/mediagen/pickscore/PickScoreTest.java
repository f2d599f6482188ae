package dev.mediagen.pickscore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mediagen.world.Captioner;
import dev.mediagen.world.Renderer;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Split;
import dev.mediagen.world.Video;
import dev.mediagen.world.WorldConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PickScoreTest {
  @Test
  void aFinetuningRecipeNamesItsBadValue() {
    assertThatThrownBy(() -> Finetune.of(10, 0, 1e-3f, 1)).hasMessageContaining("batch 0");
    assertThatThrownBy(() -> Finetune.of(10, 8, 2f, 1)).hasMessageContaining("lr 2.0 must be in (0, 1)");
    assertThatThrownBy(() -> Finetune.of(10, 8, 1e-3f, 1).withReplay(-1)).hasMessageContaining("replay weight -1.0");
    assertThatThrownBy(() -> Finetune.of(-1, 8, 1e-3f, 1)).hasMessageContaining("steps -1");
    try (PickScore ps = PickScore.create(1)) {
      Video img = Renderer.render(new SceneSampler(WorldConfig.defaults().withSize(32)).sampleImage(new SplittableRandom(1), Split.TRAIN));
      List<PreferencePair> one = List.of(new PreferencePair("a red circle", img, img, 1f, 1, null, null));
      assertThatThrownBy(() -> ps.finetune(one, Finetune.of(4, 2, 1e-3f, 1).withSelection(2), List.of(), null))
          .hasMessageContaining("no validation pairs");
    }
  }

  @Test
  void pretrainingLowersTheContrastiveLossAndFinetuningFitsPreferences(@TempDir Path dir) throws Exception {
    try (PickScore ps = PickScore.create(3)) {
      List<Float> losses = new ArrayList<>();
      ps.pretrain(40, 16, 2e-3f, 1, (step, loss) -> losses.add(loss));
      double first = losses.subList(0, 5).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
      double last = losses.subList(35, 40).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
      assertThat(last).isLessThan(first);

      // a preference the pretrained encoder cannot know: the noisy image always wins
      SceneSampler sampler = new SceneSampler(WorldConfig.defaults());
      SplittableRandom rng = new SplittableRandom(5);
      List<PreferencePair> pairs = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        Scene s = sampler.sampleImage(rng, Split.TRAIN);
        Video clean = Renderer.render(s);
        Video noisy = clean.withNoise(0.15, rng.nextLong());
        boolean noisyFirst = rng.nextBoolean();
        pairs.add(new PreferencePair(Captioner.caption(s, rng), noisyFirst ? noisy : clean, noisyFirst ? clean : noisy, noisyFirst ? 1f : 0f, 1, null, null));
      }
      float[] labels = PreferencePair.labels(pairs);
      try (PickScore tuned = ps.copy()) {
        tuned.finetune(pairs, Finetune.of(60, 16, 3e-3f, 2), List.of(), null);
        assertThat(PreferenceAccuracy.accuracy(tuned.probabilities(pairs), labels, 0)).isGreaterThan(0.9);
        // the copy left the original alone
        assertThat(ps.probabilities(pairs)).isNotEqualTo(tuned.probabilities(pairs));

        // selection on held-out pairs keeps the best measured weights: they score exactly what was recorded
        List<PreferencePair> held = pairs.subList(0, 16);
        try (PickScore selecting = ps.copy()) {
          Finetuned kept = selecting.finetune(pairs.subList(16, 32), Finetune.of(60, 16, 3e-3f, 2).withSelection(20), held, null);
          assertThat(kept.selectedStep()).isIn(0, 20, 40, 60);
          float[] heldLabels = java.util.Arrays.copyOf(labels, 16);
          double[] p = selecting.probabilities(held);
          assertThat(PreferenceAccuracy.accuracy(p, heldLabels, PreferenceAccuracy.tune(p, heldLabels))).isEqualTo(kept.selectedAccuracy());
          assertThat(kept.selectedAccuracy()).isGreaterThan(0.9); // the noisy-wins rule generalises to the held-out pairs
        }

        Path file = dir.resolve("pickscore.safetensors");
        tuned.save(file);
        try (PickScore back = PickScore.load(file)) {
          assertThat(back.probabilities(pairs)).containsExactly(tuned.probabilities(pairs));
          assertThat(back.scale()).isEqualTo(tuned.scale());
        }
      }
    }
  }
}
