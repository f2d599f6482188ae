package dev.mediagen.arena.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediagen.arena.gen.BackendSpec;
import dev.mediagen.arena.gen.Backends;
import dev.mediagen.arena.gen.ShapesBackend;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The oracle ranks the reference backends in their known order and behaves as specified for ties and careless voters. */
class PreferenceOracleTest {
  private final PreferenceOracle oracle = new PreferenceOracle();
  private final VoterProfile neutral = new VoterProfile(1, 0.5, 0, 0, 0, 0.05, false);

  @Test
  void meanUtilityFollowsTheReferenceBackendOrder() {
    List<String> captions = Prompts4Tests.captions(40, 11);
    double[] mean = new double[4];
    List<BackendSpec> specs = Backends.reference();
    for (int b = 0; b < 4; b++) {
      ShapesBackend backend = new ShapesBackend(specs.get(b).id(), specs.get(b).errorRate(), specs.get(b).noise(), 32);
      for (int i = 0; i < captions.size(); i++) {
        mean[b] += oracle.utility(captions.get(i), backend.generate(captions.get(i), i, null), neutral) / captions.size();
      }
    }
    // exact > noisy > sloppy > bad (faithfulness 1 and quality 1 for exact: utility 1.5)
    assertThat(mean[0]).isCloseTo(1.5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(mean[0]).isGreaterThan(mean[1]);
    assertThat(mean[1]).isGreaterThan(mean[2]);
    assertThat(mean[2]).isGreaterThan(mean[3]);
  }

  @Test
  void equalImagesAreATieAndACarelessVoterIgnoresTheImages() {
    String caption = "a large red circle";
    BufferedImage img = new ShapesBackend("x", 0, 0, 32).generate(caption, 1, null);
    BufferedImage bad = new ShapesBackend("y", 1, 0.2, 32).generate(caption, 2, null);
    SplittableRandom rng = new SplittableRandom(3);
    assertThat(oracle.judge(caption, img, img, neutral, rng)).isEqualTo(PreferenceOracle.Vote.TIE);
    assertThat(oracle.judge(caption, img, bad, neutral, rng)).isEqualTo(PreferenceOracle.Vote.LEFT);
    assertThat(oracle.judge(caption, bad, img, neutral, rng)).isEqualTo(PreferenceOracle.Vote.RIGHT);
    VoterProfile careless = new VoterProfile(1, 0.5, 0, 0, 0, 0.05, true);
    int left = 0;
    for (int i = 0; i < 400; i++) {
      PreferenceOracle.Vote v = oracle.judge(caption, img, bad, careless, rng);
      assertThat(v).isNotEqualTo(PreferenceOracle.Vote.TIE);
      left += v == PreferenceOracle.Vote.LEFT ? 1 : 0;
    }
    assertThat(left).isBetween(170, 230); // Binomial(400, 0.5): mean 200, sd 10
  }
}
