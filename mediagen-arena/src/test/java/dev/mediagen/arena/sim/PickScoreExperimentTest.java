package dev.mediagen.arena.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The PickScore measurement at a size that fits a test. The full one is {@link #main}: PickScore beats
 * the zero-shot CLIP analogue on held-out simulated preferences, and Elo from its judgements orders the
 * four reference backends as the oracle does.
 */
class PickScoreExperimentTest {
  @Test
  void fineTunedPickScoreBeatsZeroShotAndRandom() {
    PickScoreExperiment.Result r = PickScoreExperiment.run(new PickScoreExperiment.Options(120, 40, 12, 400, 300, 32, 3e-4f, 1, 3), null, System.out::println);
    System.out.println(r);
    assertThat(r.accuracy().get("pickscore")).isGreaterThan(r.accuracy().get("zero-shot"));
    assertThat(r.accuracy().get("pickscore")).isGreaterThan(r.accuracy().get("random"));
    assertThat(r.eloSpearman().get("voters")).isGreaterThanOrEqualTo(0.8);
    var best = r.bestOfN().get("pickscore");
    assertThat(best.get(16)).isGreaterThan(best.get(1));
  }

  /** The full measurement: {@code java ... PickScoreExperimentTest} prints the result. */
  public static void main(String[] args) {
    PickScoreExperiment.Options d = PickScoreExperiment.Options.small();
    PickScoreExperiment.Options o = args.length == 0 ? d : new PickScoreExperiment.Options(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
        Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]), Float.parseFloat(args[6]),
        Float.parseFloat(args[7]), Long.parseLong(args[8]));
    PickScoreExperiment.Result r = PickScoreExperiment.run(o, null, System.out::println);
    System.out.println(o);
    System.out.println(r);
  }
}
