package dev.mediagen.coref;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mediagen.coref.CorefScorer.Counts;
import dev.mediagen.coref.CorefScorer.DocumentCounts;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorefScorerTest {

  // one-token mentions a..f at tokens 0..5, as in the reference scorer's TestCases.README
  static final Mention A = new Mention(0, 0);
  static final Mention B = new Mention(1, 1);
  static final Mention C = new Mention(2, 2);
  static final Mention D = new Mention(3, 3);
  static final Mention E = new Mention(4, 4);
  static final Mention F = new Mention(5, 5);

  @Test
  void countsOfCaseA2ByHand() {
    // key {a}{bc}{def}, response {a}{de} (TC-A-2)
    DocumentCounts c =
        CorefScorer.countDocument(
            List.of(List.of(A), List.of(B, C), List.of(D, E, F)),
            List.of(List.of(A), List.of(D, E)),
            true);
    // MUC: only {def} keeps a link (d–e of 2); response {de} has 1 link, correct
    assertThat(c.muc()).isEqualTo(new Counts(1, 3, 1, 1));
    // B³ recall: a → 1, b, c → 0, d, e → 2/3 each; precision: a → 1, d, e → 1 each
    assertThat(c.bcub().recallNum()).isCloseTo(7.0 / 3, within(1e-12));
    assertThat(c.bcub().recallDen()).isEqualTo(6);
    assertThat(c.bcub().precisionNum()).isCloseTo(3, within(1e-12));
    assertThat(c.bcub().precisionDen()).isEqualTo(3);
    // CEAF-e: φ4(a,a) = 1, φ4(def,de) = 2·2/5; 3 key and 2 response entities
    assertThat(c.ceafe().recallNum()).isCloseTo(1.8, within(1e-12));
    assertThat(c.ceafe().recallDen()).isEqualTo(3);
    assertThat(c.ceafe().precisionDen()).isEqualTo(2);
  }

  @Test
  void corpusScoreSumsCountsOverDocumentsBeforeDividing() throws IOException {
    // doc x: key {ab}, response {ab} → MUC 1/1; doc y: key {abcd}, response {ab}{cd} → R 2/3, P 2/2
    List<CorefDocument> key =
        List.of(doc("x", List.of(List.of(A, B))), doc("y", List.of(List.of(A, B, C, D))));
    List<CorefDocument> response =
        List.of(doc("y", List.of(List.of(A, B), List.of(C, D))), doc("x", List.of(List.of(A, B))));
    Scores s = CorefScorer.score(key, response);
    assertThat(s.muc().r()).isCloseTo(3.0 / 4, within(1e-12)); // a macro mean would be 5/6
    assertThat(s.muc().p()).isCloseTo(1.0, within(1e-12));
    assertThat(s.muc().f1()).isCloseTo(6.0 / 7, within(1e-12));
  }

  @Test
  void droppingSingletonsRemovesThemFromKeyAndResponse() {
    List<List<Mention>> key = List.of(List.of(A), List.of(B, C));
    List<List<Mention>> response = List.of(List.of(A), List.of(B), List.of(C));
    Scores kept = CorefScorer.scoreClusters(key, response, true);
    assertThat(kept.bcub().r()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(kept.bcub().p()).isEqualTo(1.0);
    assertThat(kept.ceafe().r()).isCloseTo((1 + 2.0 / 3) / 2, within(1e-12));
    assertThat(kept.ceafe().p()).isCloseTo((1 + 2.0 / 3) / 3, within(1e-12));
    // without singletons the response is empty: nothing found, 0/0 precision counts as 0
    Scores dropped = CorefScorer.scoreClusters(key, response, false);
    assertThat(dropped.bcub()).isEqualTo(new Prf(0, 0, 0));
    assertThat(dropped.ceafe()).isEqualTo(new Prf(0, 0, 0));
    assertThat(dropped.conllF1()).isZero();
  }

  @Test
  void repeatedResponseSpanIsKeptWhereItIsFirstMet() {
    // b appears in two response clusters; {ab} comes first in reading order, so {bc} loses its b
    List<List<Mention>> key = List.of(List.of(A, B, C));
    Scores repeated = CorefScorer.scoreClusters(key, List.of(List.of(C, B), List.of(B, A)), true);
    Scores deduplicated = CorefScorer.scoreClusters(key, List.of(List.of(A, B), List.of(C)), true);
    assertThat(repeated).isEqualTo(deduplicated);
  }

  @Test
  void conllF1IsTheMeanOfTheThreeF1() {
    Scores s =
        CorefScorer.scoreClusters(
            List.of(List.of(A), List.of(B, C), List.of(D, E, F)),
            List.of(List.of(A), List.of(D, E)),
            true);
    assertThat(s.conllF1())
        .isCloseTo((s.muc().f1() + s.bcub().f1() + s.ceafe().f1()) / 3, within(1e-15));
    assertThat(s.conllF1()).isCloseTo((0.5 + 14.0 / 25 + 0.72) / 3, within(1e-12));
  }

  @Test
  void responseMustHaveTheKeysDocumentsAndTokens() {
    CorefDocument x = doc("x", List.of());
    assertThatThrownBy(() -> CorefScorer.score(List.of(x, doc("y", List.of())), List.of(x)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no document \"y\" part 0");
    CorefDocument shorter = CorefDocument.fromTokens("x", 0, List.of(List.of("t0", "t1", "t2")));
    assertThatThrownBy(() -> CorefScorer.score(List.of(x), List.of(shorter)))
        .hasMessageContaining("document \"x\" part 0")
        .hasMessageContaining("response ends after 3 tokens, key has 6");
    CorefDocument other =
        CorefDocument.fromTokens(
            "x", 0, List.of(List.of("t0", "t1", "t2"), List.of("t3", "T4", "t5")));
    assertThat(CorefScorer.score(List.of(x), List.of(other)).conllF1())
        .isZero(); // words not compared
    assertThatThrownBy(
            () ->
                CorefAlignment.requireAligned(
                    List.of(x), "k.conll", List.of(other), "r.conll", true))
        .hasMessageContaining("document \"x\" part 0")
        .hasMessageContaining("sentence 2, token 2 (document token 5)")
        .hasMessageContaining("k.conll has 't4', r.conll has 'T4'");
  }

  /** A document with tokens t0..t5 in two sentences. */
  static CorefDocument doc(String id, List<List<Mention>> clusters) {
    return CorefDocument.fromTokens(
            id, 0, List.of(List.of("t0", "t1", "t2"), List.of("t3", "t4", "t5")))
        .withClusters(clusters);
  }
}
