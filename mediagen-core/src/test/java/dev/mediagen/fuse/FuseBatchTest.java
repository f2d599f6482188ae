package dev.mediagen.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediagen.train.Seeds;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Split;
import dev.mediagen.world.WorldConfig;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FuseBatchTest {
  /** A deterministic stand-in for MiniLM: 6 hashed word counts (related captions share words). */
  static final Function<String, float[]> EMBED = s -> {
    float[] v = new float[6];
    for (String w : s.split("[ ,:;.]+")) v[Math.floorMod(w.hashCode(), 6)] += 1;
    return v;
  };

  @Test
  void imagesAreDroppedAtTheConfiguredRateAndConditionedRowsComeFirst() {
    WorldConfig w = WorldConfig.tiny();
    FuseTrainConfig tc = FuseTrainConfig.tiny(); // 6 rows, dropImage 0.3, modes 1:1:1
    RetrievalBank bank = RetrievalBank.build(w, 40, 3, EMBED);
    SceneSampler sampler = new SceneSampler(w);
    int rows = 0, dropped = 0, crop = 0, scene = 0, retrieve = 0;
    for (long step = 0; step < 100; step++) {
      FuseBatch b = FuseBatch.of(sampler, bank, EMBED, tc, step, Seeds.DATA, Split.TRAIN);
      int k = b.conditioned();
      assertThat(b.cond()).hasSize(k * 3 * 16 * 16);
      assertThat(b.target()).hasSize(6 * 3 * 16 * 16);
      for (int i = 0; i < b.modes().size(); i++) {
        FuseMode m = b.modes().get(i);
        assertThat(m == FuseMode.NONE).as("row %d of %d with %d conditioned", i, b.modes().size(), k).isEqualTo(i >= k);
        if (m == FuseMode.CROP && !b.prompts().get(i).isEmpty()) assertThat(b.prompts().get(i)).contains(Conditions.SUBJECT);
        rows++;
        dropped += m == FuseMode.NONE ? 1 : 0;
        crop += m == FuseMode.CROP ? 1 : 0;
        scene += m == FuseMode.SCENE ? 1 : 0;
        retrieve += m == FuseMode.RETRIEVE ? 1 : 0;
      }
    }
    // 600 rows: 0.3 ± 3σ (σ = 0.019); modes share the rest about equally
    assertThat(dropped / (double) rows).isBetween(0.24, 0.36);
    int kept = rows - dropped;
    for (int n : new int[] {crop, scene, retrieve}) assertThat(n / (double) kept).isBetween(0.25, 0.42);
    // a pure function of (seed, step)
    FuseBatch a = FuseBatch.of(sampler, bank, EMBED, tc, 7, Seeds.DATA, Split.TRAIN);
    FuseBatch again = FuseBatch.of(sampler, bank, EMBED, tc, 7, Seeds.DATA, Split.TRAIN);
    assertThat(again.prompts()).isEqualTo(a.prompts());
    assertThat(again.cond()).containsExactly(a.cond());
  }

  @Test
  void modeDrawFollowsTheWeights() {
    FuseTrainConfig tc = new FuseTrainConfig(4, 1e-3f, 0, 10, 0.3, 0.1, 0.4, 0.3, 0.3, 8, 0.9f, 1, 0);
    assertThat(tc.mode(0.0)).isEqualTo(FuseMode.RETRIEVE);
    assertThat(tc.mode(0.39)).isEqualTo(FuseMode.RETRIEVE);
    assertThat(tc.mode(0.41)).isEqualTo(FuseMode.CROP);
    assertThat(tc.mode(0.71)).isEqualTo(FuseMode.SCENE);
  }
}
