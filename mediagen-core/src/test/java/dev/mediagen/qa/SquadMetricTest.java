package dev.mediagen.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed values of the official SQuAD normalization, EM and F1. */
class SquadMetricTest {

  @Test
  void normalizesCasePunctuationArticlesAndWhitespace() {
    assertThat(SquadMetric.normalize("The  Eiffel-Tower!")).isEqualTo("eiffeltower");
    assertThat(SquadMetric.normalize(" An apple, a pear and THE plum. "))
        .isEqualTo("apple pear and plum");
    assertThat(SquadMetric.normalize("theatre anthem"))
        .isEqualTo("theatre anthem"); // whole words only
    assertThat(SquadMetric.normalize("Rock'n'roll (1950s)")).isEqualTo("rocknroll 1950s");
    assertThat(SquadMetric.normalize("the")).isEmpty();
  }

  @Test
  void exactMatchAfterNormalization() {
    assertThat(SquadMetric.exactMatch("the Denver Broncos", "Denver Broncos")).isEqualTo(1);
    assertThat(SquadMetric.exactMatch("Denver Broncos.", "denver broncos")).isEqualTo(1);
    assertThat(SquadMetric.exactMatch("Broncos", "Denver Broncos")).isZero();
  }

  @Test
  void f1OverTokenBags() {
    // pred {in, paris, france} vs gold {paris}: P = 1/3, R = 1, F1 = 2·(1/3)/(4/3) = 0.5
    assertThat(SquadMetric.f1("in Paris, France", "Paris")).isCloseTo(0.5, within(1e-12));
    // pred {denver, broncos} vs gold {broncos, won}: common 1, P = R = 1/2, F1 = 1/2
    assertThat(SquadMetric.f1("Denver Broncos", "Broncos won")).isCloseTo(0.5, within(1e-12));
    // a bag, not a set: pred {cat, cat} vs gold "the cat" = {cat}: common 1, P = 1/2, R = 1, F1 =
    // 2/3
    assertThat(SquadMetric.f1("cat cat", "the cat")).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(SquadMetric.f1("dog", "cat")).isZero();
    // squad_metrics: empty normalized strings score 1 only against each other
    assertThat(SquadMetric.f1("the", "a")).isEqualTo(1);
    assertThat(SquadMetric.f1("the", "cat")).isZero();
  }

  @Test
  void maxOverGoldAnswersAndMeanOverQuestions() {
    List<String> golds = List.of("Saint Bernadette Soubirous", "Bernadette");
    assertThat(SquadMetric.exactMatch("bernadette", golds)).isEqualTo(1);
    // vs "saint bernadette soubirous": common 1, P = 1/2, R = 1/3, F1 = 0.4; vs "bernadette": P =
    // 1/2, R = 1 -> 2/3
    assertThat(SquadMetric.f1("Bernadette Soubirou", golds)).isCloseTo(2.0 / 3, within(1e-12));
    SquadMetric.Score s =
        SquadMetric.score(List.of("bernadette", "Paris France"), List.of(golds, List.of("Paris")));
    assertThat(s.exactMatch()).isCloseTo(50, within(1e-9));
    assertThat(s.f1()).isCloseTo(100 * (1 + 2.0 / 3) / 2, within(1e-9));
    assertThat(s.count()).isEqualTo(2);
    assertThat(SquadMetric.f1("x", List.of())).isZero();
  }
}
