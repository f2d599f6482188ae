package dev.mediagen.arena.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mediagen.pickscore.Finetune;
import dev.mediagen.pickscore.PickScore;
import org.junit.jupiter.api.Test;

/**
 * The PickScore measurement at a size that fits a test. The full one is {@code ./mediagen pickscore eval}: PickScore beats
 * the zero-shot CLIP analogue on held-out simulated preferences, and Elo from its judgements orders the
 * four reference backends as the oracle does.
 */
class PickScoreExperimentTest {
  @Test
  void fineTunedPickScoreBeatsZeroShotAndRandom() {
    PickScoreExperiment.Result r = PickScoreExperiment.run(new PickScoreExperiment.Options(120, 40, 12, 400, 200, PickScore.smallConfig(), new Finetune(300, 32, 3e-4f, 1, 100, false, 3)), null, System.out::println);
    System.out.println(r);
    assertThat(r.accuracy().get("pickscore")).isGreaterThan(r.accuracy().get("zero-shot"));
    assertThat(r.accuracy().get("pickscore")).isGreaterThan(r.accuracy().get("random"));
    assertThat(r.eloSpearman().get("voters")).isGreaterThanOrEqualTo(0.8);
    var best = r.bestOfN().get("pickscore").mean();
    assertThat(best.get(16)).isGreaterThan(best.get(1));
    // N = 1 keeps the first sample whatever the scorer: both scorers' N = 1 rows are the same images
    assertThat(r.bestOfN().get("zero-shot").mean().get(1)).isEqualTo(best.get(1));
    assertThat(r.bestOfN().get("zero-shot").faithfulness().get(1)).isEqualTo(r.bestOfN().get("pickscore").faithfulness().get(1));
    assertThat(r.bestOfN().get("pickscore").faithfulness().values()).allSatisfy(f -> assertThat(f).isBetween(0.0, 1.0));
  }

  @Test
  void trainingVotersCannotReachTheFixedHeldOutRanges() {
    Finetune f = Finetune.of(10, 8, 1e-3f, 1);
    // validation voters start at VALIDATION_USERS and test voters at TEST_USERS whatever the training size
    assertThat(new PickScoreExperiment.Options(PickScoreExperiment.VALIDATION_USERS, 1, 1, 0, 1, PickScore.smallConfig(), f).trainUsers())
        .isEqualTo(PickScoreExperiment.VALIDATION_USERS);
    assertThatThrownBy(() -> new PickScoreExperiment.Options(PickScoreExperiment.VALIDATION_USERS + 1, 1, 1, 0, 1, PickScore.smallConfig(), f))
        .hasMessageContaining("train users 1000001 must be <= 1000000");
    assertThatThrownBy(() -> new PickScoreExperiment.Options(10, PickScoreExperiment.TEST_USERS - PickScoreExperiment.VALIDATION_USERS + 1, 1, 0, 1,
        PickScore.smallConfig(), f)).hasMessageContaining("eval users 1000001 must be <= 1000000");
  }

  @Test
  void accuracyByBackendPairGroupsBothOrders() {
    dev.mediagen.world.Video img = dev.mediagen.world.Video.of(java.util.List.of(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB)));
    java.util.List<dev.mediagen.pickscore.PreferencePair> pairs = java.util.List.of(
        new dev.mediagen.pickscore.PreferencePair("c", img, img, 1f, 1, "b", "a"),
        new dev.mediagen.pickscore.PreferencePair("c", img, img, 0f, 1, "a", "b"),
        new dev.mediagen.pickscore.PreferencePair("c", img, img, 1f, 1, "a", "c"));
    // p0 0.9 → image 0 (right for pair 0), 0.8 → image 0 (wrong for pair 1), 0.2 → image 1 (wrong for pair 2)
    var by = PickScoreExperiment.byPair(pairs, new double[] {0.9, 0.8, 0.2}, 0.0);
    assertThat(by).containsExactly(java.util.Map.entry("a|b", 0.5), java.util.Map.entry("a|c", 0.0));
  }

  @Test
  void standardErrorOfAMeanByHand() {
    // mean 2.5, sample variance ((1.5² + 0.5²)·2)/3 = 5/3, SE = √(5/3/4) = 0.6455
    assertThat(PickScoreExperiment.standardError(new double[] {1, 2, 3, 4})).isCloseTo(Math.sqrt(5.0 / 12), org.assertj.core.data.Offset.offset(1e-12));
  }
}
