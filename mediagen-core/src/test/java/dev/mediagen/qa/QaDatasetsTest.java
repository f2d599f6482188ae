package dev.mediagen.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QaDatasetsTest {

  /** Every capitalized word of the passages' people, places and named relations. */
  private static Set<String> names(List<FactPassage> passages) {
    Set<String> out = new HashSet<>();
    for (FactPassage p : passages) {
      for (FactPassage.Fact f : p.facts()) {
        out.add(f.person().first());
        out.add(f.person().last());
        Attribute.Kind k = f.attribute().kind();
        if (k == Attribute.Kind.PLACE || k == Attribute.Kind.PERSON) {
          out.addAll(List.of(f.value().split(" ")));
        }
      }
    }
    return out;
  }

  @Test
  void sizesCountQuestionsAndGenerationIsDeterministic() {
    QaDatasets.Splits a = QaDatasets.generate(7, 30, 9, 4);
    assertThat(a.train().questionCount()).isEqualTo(30);
    assertThat(a.dev().questionCount()).isEqualTo(9);
    assertThat(a.test().questionCount()).isEqualTo(4);
    assertThat(a.train().contexts()).hasSize(8); // 7 × 4 + 2
    assertThat(QaDatasets.generate(7, 30, 9, 4)).isEqualTo(a);
    // a split does not depend on the other splits' sizes
    assertThat(QaDatasets.generate(7, 30, 100, 1).train()).isEqualTo(a.train());
    assertThat(QaDatasets.generate(8, 30, 9, 4).train()).isNotEqualTo(a.train());
  }

  @Test
  void devTestAndPretrainingEntitiesNeverAppearInTrain() {
    List<FactPassage> train = QaDatasets.passages(3, EntitySplit.TRAIN, 400);
    Set<String> trainTokens = new HashSet<>();
    train.forEach(p -> trainTokens.addAll(QaTokenizer.forms(p.context())));
    for (EntitySplit other : List.of(EntitySplit.DEV, EntitySplit.TEST, EntitySplit.PRETRAIN)) {
      Set<String> heldOut = names(QaDatasets.passages(3, other, 400));
      assertThat(heldOut).hasSizeGreaterThan(300);
      assertThat(heldOut).allSatisfy(n -> assertThat(Names.splitOf(n)).isEqualTo(other));
      Set<String> leaked =
          heldOut.stream()
              .map(String::toLowerCase)
              .filter(trainTokens::contains)
              .collect(Collectors.toSet());
      assertThat(leaked).as("held-out names in train text").isEmpty();
    }
  }

  @Test
  void everyAnswerIsAUniqueTokenAlignedSpanWithSameKindDistractors() {
    List<FactPassage> passages = QaDatasets.passages(5, EntitySplit.TRAIN, 200);
    MrqaDataset ds = QaDatasets.toMrqa("train", passages);
    Set<String> types = new HashSet<>();
    for (int p = 0; p < passages.size(); p++) {
      FactPassage passage = passages.get(p);
      for (int q = 0; q < passage.asked().size(); q++) {
        FactPassage.Fact fact = passage.asked().get(q).fact();
        MrqaQuestion mq = ds.contexts().get(p).qas().get(q);
        DetectedAnswer d = mq.detectedAnswers().get(0);
        assertThat(d.charSpans()).containsExactly(fact.chars()); // stated exactly once
        assertThat(passage.context().substring(fact.chars().start(), fact.chars().end() + 1))
            .isEqualTo(fact.value())
            .isEqualTo(mq.answers().get(0));
        assertThat(
                Offsets.text(
                    passage.context(), ds.contexts().get(p).contextTokens(), d.tokenSpans().get(0)))
            .isEqualTo(fact.value());
        // another value of the same kind is in the passage: the answer's type alone is not enough
        assertThat(passage.valuesOf(fact.attribute().kind())).hasSizeGreaterThanOrEqualTo(3);
        assertThat(mq.question()).contains(fact.person().name());
        types.add(fact.attribute().questionType());
      }
    }
    assertThat(types).containsExactlyInAnyOrder("who", "where", "when", "occupation", "what");
  }

  @Test
  void passagesStateEveryAttributeOfEveryPersonOnce() {
    FactPassage p = FactGenerator.passage(EntitySplit.DEV, 3, 5, new SplittableRandom(1));
    assertThat(p.facts()).hasSize(3 * Attribute.values().length);
    for (Person person : p.people()) {
      assertThat(p.context()).containsOnlyOnce(person.name() + " was born");
      Set<Attribute> stated = EnumSet.noneOf(Attribute.class);
      p.facts().stream().filter(f -> f.person() == person).forEach(f -> stated.add(f.attribute()));
      assertThat(stated).containsExactlyInAnyOrder(Attribute.values());
      int born = Integer.parseInt(person.value(Attribute.BIRTH_YEAR));
      assertThat(Integer.parseInt(person.value(Attribute.MARRIAGE_YEAR)))
          .isBetween(born + 18, born + 45);
    }
    assertThat(p.asked()).hasSize(5).doesNotHaveDuplicates();
    assertThatThrownBy(() -> FactGenerator.passage(EntitySplit.DEV, 1, 9, new SplittableRandom(1)))
        .hasMessageContaining("must be in [0, 8], got 9");
  }
}
