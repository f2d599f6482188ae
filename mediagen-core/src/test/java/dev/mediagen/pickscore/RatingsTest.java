package dev.mediagen.pickscore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RatingsTest {
  /** Four generators with known Bradley–Terry strengths 1000, 1100, 1200, 1300 (Elo scale). */
  static List<Ratings.Match> matches(int n, long seed) {
    double[] r = {1000, 1100, 1200, 1300};
    SplittableRandom rng = new SplittableRandom(seed);
    List<Ratings.Match> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int a = rng.nextInt(4), b = rng.nextInt(3);
      if (b >= a) b++;
      double pa = 1 / (1 + Math.pow(10, (r[b] - r[a]) / 400));
      out.add(new Ratings.Match("g" + a, "g" + b, rng.nextDouble() < pa ? 1 : 0));
    }
    return out;
  }

  @Test
  void bradleyTerryRecoversKnownStrengthsAndEloTheirOrder() {
    List<Ratings.Match> m = matches(20_000, 1);
    Map<String, Double> bt = Ratings.bradleyTerry(m);
    double offset = bt.get("g0") - 1000;
    for (int i = 0; i < 4; i++) assertThat(bt.get("g" + i) - offset).isCloseTo(1000 + 100 * i, within(15.0));
    Map<String, Ratings.Rating> elo = Ratings.bootstrap(m.subList(0, 4000), false, 20, 2);
    Map<String, Double> truth = new LinkedHashMap<>();
    Map<String, Double> mean = new LinkedHashMap<>();
    for (int i = 0; i < 4; i++) {
      truth.put("g" + i, 1000.0 + 100 * i);
      mean.put("g" + i, elo.get("g" + i).mean());
      assertThat(elo.get("g" + i).lo()).isLessThanOrEqualTo(elo.get("g" + i).hi());
    }
    assertThat(Ratings.spearman(mean, truth)).isEqualTo(1.0);
  }

  @Test
  void eloMovesByKTimesTheSurprise() {
    Map<String, Double> r = Ratings.elo(List.of(new Ratings.Match("a", "b", 1)), 32);
    assertThat(r.get("a")).isCloseTo(1016, within(1e-9));
    assertThat(r.get("b")).isCloseTo(984, within(1e-9));
    Map<String, Double> tie = Ratings.elo(List.of(new Ratings.Match("a", "b", 0.5)), 32);
    assertThat(tie.get("a")).isCloseTo(1000, within(1e-9));
  }

  @Test
  void spearmanUsesRanks() {
    Map<String, Double> x = Map.of("a", 1.0, "b", 2.0, "c", 30.0);
    assertThat(Ratings.spearman(x, Map.of("a", 10.0, "b", 20.0, "c", 21.0))).isCloseTo(1.0, within(1e-12));
    assertThat(Ratings.spearman(x, Map.of("a", 3.0, "b", 2.0, "c", 1.0))).isCloseTo(-1.0, within(1e-12));
  }
}
