package dev.mediagen.coref;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorefBaselinesTest {

  // "Alice saw the Queen . alice bowed ; the queen smiled ."
  static final List<List<String>> TOKENS =
      List.of(
          List.of("Alice", "saw", "the", "Queen", "."),
          List.of("alice", "bowed", ";", "the", "queen", "smiled", "."));
  static final Mention ALICE = new Mention(0, 0);
  static final Mention THE_QUEEN = new Mention(2, 3);
  static final Mention QUEEN = new Mention(3, 3);
  static final Mention ALICE2 = new Mention(5, 5);
  static final Mention THE_QUEEN2 = new Mention(8, 9);

  static CorefDocument gold() {
    return CorefDocument.fromTokens("d", 0, TOKENS)
        .withClusters(List.of(List.of(ALICE, ALICE2), List.of(THE_QUEEN, QUEEN, THE_QUEEN2)));
  }

  @Test
  void exactStringMatchMergesCaseInsensitiveIdenticalText() {
    CorefDocument predicted = CorefBaselines.exactStringMatch(gold());
    assertThat(predicted.clusters())
        .containsExactly(List.of(ALICE, ALICE2), List.of(THE_QUEEN, THE_QUEEN2), List.of(QUEEN));
    assertThat(predicted.tokens()).isEqualTo(gold().tokens());
  }

  @Test
  void allSingletonsPutsEachGoldMentionAlone() {
    CorefDocument predicted = CorefBaselines.allSingletons(gold());
    assertThat(predicted.clusters())
        .containsExactly(
            List.of(ALICE),
            List.of(THE_QUEEN),
            List.of(QUEEN),
            List.of(ALICE2),
            List.of(THE_QUEEN2));
  }

  @Test
  void baselineScoresByHand() {
    Scores singletons =
        CorefScorer.score(List.of(gold()), List.of(CorefBaselines.allSingletons(gold())));
    // B³ recall: the Alices 1/2 each, the queens 1/3 each → 2/5; precision 1
    assertThat(singletons.bcub().r())
        .isCloseTo(2.0 / 5, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(singletons.bcub().p()).isEqualTo(1.0);
    assertThat(singletons.muc().f1()).isZero();
    Scores match =
        CorefScorer.score(List.of(gold()), List.of(CorefBaselines.exactStringMatch(gold())));
    // MUC: Alice link found; the queen chain split in two parts → 1 of 2 links; 3 key links, 2
    // correct
    assertThat(match.muc().r()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(match.muc().p()).isEqualTo(1.0);
  }
}
