package dev.mediagen.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Checker accuracy over many seeded renders: exact on clean pixels, graceful under Gaussian noise.
 * Prints the measured table (see the report in the package javadoc).
 */
class CheckerAccuracyTest {
  private static final double[] SIGMAS = {0, 0.05, 0.1, 0.2};
  private static final ToDoubleFunction<AccuracyTally>[] ATTRIBUTES = attributes();

  @SuppressWarnings("unchecked")
  private static ToDoubleFunction<AccuracyTally>[] attributes() {
    return new ToDoubleFunction[] {
      (ToDoubleFunction<AccuracyTally>) AccuracyTally::colour,
      (ToDoubleFunction<AccuracyTally>) AccuracyTally::shape,
      (ToDoubleFunction<AccuracyTally>) AccuracyTally::size,
      (ToDoubleFunction<AccuracyTally>) AccuracyTally::texture,
      (ToDoubleFunction<AccuracyTally>) AccuracyTally::position,
      (ToDoubleFunction<AccuracyTally>) AccuracyTally::motion,
      (ToDoubleFunction<AccuracyTally>) AccuracyTally::count,
      (ToDoubleFunction<AccuracyTally>) AccuracyTally::background
    };
  }

  /**
   * Tallies per noise level over {@code n} scenes, half images and half videos, all four splits.
   */
  private static AccuracyTally[] measure(WorldConfig cfg, int n, long seed) {
    SceneSampler sampler = new SceneSampler(cfg);
    Checker checker = new Checker();
    AccuracyTally[] tallies = new AccuracyTally[SIGMAS.length];
    for (int k = 0; k < SIGMAS.length; k++) {
      tallies[k] = new AccuracyTally();
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      Scene s = sampler.sample(rng, Split.values()[i % 4], i % 2 == 0);
      Video clean = Renderer.render(s);
      for (int k = 0; k < SIGMAS.length; k++) {
        Video v = SIGMAS[k] == 0 ? clean : clean.withNoise(SIGMAS[k], seed * 31 + i);
        tallies[k].add(checker.check(s, v));
      }
    }
    for (int k = 0; k < SIGMAS.length; k++) {
      System.out.printf("%d px, sigma %.2f: %s%n", cfg.size(), SIGMAS[k], tallies[k]);
    }
    return tallies;
  }

  @Test
  void exactOnCleanAndGracefulUnderNoiseAt32() {
    AccuracyTally[] t = measure(WorldConfig.defaults(), 1000, 17);
    for (ToDoubleFunction<AccuracyTally> a : ATTRIBUTES) {
      assertThat(a.applyAsDouble(t[0])).isGreaterThanOrEqualTo(0.99);
      assertThat(a.applyAsDouble(t[1])).isGreaterThanOrEqualTo(0.95);
      assertThat(a.applyAsDouble(t[2])).isGreaterThanOrEqualTo(0.95);
      assertThat(a.applyAsDouble(t[3])).isGreaterThanOrEqualTo(0.8);
      for (int k = 1; k < SIGMAS.length; k++) {
        assertThat(a.applyAsDouble(t[k]))
            .as("non-increasing at sigma %s", SIGMAS[k])
            .isLessThanOrEqualTo(a.applyAsDouble(t[k - 1]) + 0.01);
      }
    }
    for (AccuracyTally level : t) {
      assertThat(level.text()).as("no text read from text-free scenes").isNaN();
    }
    assertThat(t[0].allCorrect()).isGreaterThanOrEqualTo(0.99);
    assertThat(t[1].allCorrect()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void exactOnCleanAtOtherCanvasSizes() {
    AccuracyTally[] tiny = measure(WorldConfig.tiny(), 400, 5);
    AccuracyTally[] large = measure(WorldConfig.defaults().withSize(64), 200, 6);
    for (ToDoubleFunction<AccuracyTally> a : ATTRIBUTES) {
      assertThat(a.applyAsDouble(tiny[0])).isGreaterThanOrEqualTo(0.99);
      assertThat(a.applyAsDouble(tiny[1])).isGreaterThanOrEqualTo(0.95);
      assertThat(a.applyAsDouble(large[0])).isGreaterThanOrEqualTo(0.99);
      assertThat(a.applyAsDouble(large[2])).isGreaterThanOrEqualTo(0.95);
    }
  }

  @Test
  void blurKeepsColourPositionAndCount() {
    SceneSampler sampler = new SceneSampler(WorldConfig.defaults());
    Checker checker = new Checker();
    AccuracyTally t = new AccuracyTally();
    SplittableRandom rng = new SplittableRandom(23);
    for (int i = 0; i < 400; i++) {
      Scene s = sampler.sample(rng, Split.TRAIN, i % 2 == 0);
      t.add(checker.check(s, Renderer.render(s).blur()));
    }
    System.out.printf("32 px, 3x3 binomial blur: %s%n", t);
    // a blur grows small bright objects by a ring, so shape suffers; the rest holds
    assertThat(t.colour()).isGreaterThanOrEqualTo(0.95);
    assertThat(t.position()).isGreaterThanOrEqualTo(0.95);
    assertThat(t.count()).isGreaterThanOrEqualTo(0.95);
    assertThat(t.motion()).isGreaterThanOrEqualTo(0.95);
  }
}
