package dev.mediagen.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediagen.qa.Attribute;
import dev.mediagen.qa.EntitySplit;
import dev.mediagen.qa.FactPassage;
import dev.mediagen.qa.QaDatasets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormatsTest {

  private static final List<FactPassage> TRAIN = QaDatasets.passages(9, EntitySplit.TRAIN, 400);
  private static final List<FactPassage> TEST = QaDatasets.passages(9, EntitySplit.TEST, 200);

  private static List<TaskExample> build(TaskFormat f) {
    return Formats.build(f, "train", TRAIN, 42);
  }

  @Test
  void allFormatsShareIdsAndFacts() {
    List<TaskExample> cls = build(TaskFormat.CLASSIFICATION);
    List<TaskExample> ext = build(TaskFormat.EXTRACTIVE);
    List<TaskExample> mc = build(TaskFormat.MULTIPLE_CHOICE);
    List<TaskExample> open = build(TaskFormat.OPEN);
    assertThat(ext).hasSize(400);
    for (List<TaskExample> other : List.of(cls, mc, open)) {
      assertThat(other)
          .extracting(TaskExample::id)
          .isEqualTo(ext.stream().map(TaskExample::id).toList());
    }
    for (int i = 0; i < ext.size(); i++) {
      assertThat(mc.get(i).target()).isEqualTo(ext.get(i).target());
      assertThat(open.get(i).target()).isEqualTo(ext.get(i).target());
    }
    assertThat(build(TaskFormat.MULTIPLE_CHOICE)).isEqualTo(mc); // deterministic per seed
    assertThat(Formats.build(TaskFormat.MULTIPLE_CHOICE, "train", TRAIN, 43)).isNotEqualTo(mc);
  }

  @Test
  void extractiveAnswersAreTheirSpans() {
    for (TaskExample e : build(TaskFormat.EXTRACTIVE)) {
      TaskExample.Extractive x = (TaskExample.Extractive) e;
      assertThat(x.passage().substring(x.chars().start(), x.chars().end() + 1))
          .isEqualTo(x.answer());
      assertThat(x.input())
          .startsWith("Passage: ")
          .endsWith("\n\nQuestion: " + x.question() + "\n\nAnswer:");
    }
  }

  @Test
  void multipleChoiceHasFourDistinctSameKindChoicesMostlyFromThePassage() {
    int fromPassage = 0;
    int labelZero = 0;
    List<TaskExample> mc = build(TaskFormat.MULTIPLE_CHOICE);
    for (TaskExample e : mc) {
      TaskExample.MultipleChoice m = (TaskExample.MultipleChoice) e;
      assertThat(m.choices()).hasSize(4).doesNotHaveDuplicates();
      for (String c : m.choices()) {
        fromPassage += m.passage().contains(c) ? 1 : 0;
      }
      labelZero += m.label() == 0 ? 1 : 0;
      assertThat(m.input())
          .contains("\nA: " + m.choices().get(0) + "\nB: ")
          .endsWith("\n\nAnswer:");
    }
    // every passage states >= 3 values of each kind: gold + >= 2 in-passage distractors
    assertThat(fromPassage).isGreaterThanOrEqualTo(3 * mc.size());
    assertThat(labelZero).isBetween(60, 140); // gold position is shuffled (expected 100)
  }

  @Test
  void classificationIsBalancedAndFalseClaimsSwapTheValue() {
    int yes = 0;
    List<TaskExample> cls = build(TaskFormat.CLASSIFICATION);
    List<TaskExample> ext = build(TaskFormat.EXTRACTIVE);
    for (int i = 0; i < cls.size(); i++) {
      TaskExample.Classification c = (TaskExample.Classification) cls.get(i);
      String gold = ext.get(i).target();
      yes += c.label() ? 1 : 0;
      assertThat(c.statement().contains(gold)).isEqualTo(c.label());
      assertThat(c.target()).isEqualTo(c.label() ? "true" : "false");
    }
    assertThat(yes).isBetween(160, 240);
  }

  @Test
  void openQaHasNoPassageAndHeldOutNamedAnswersAreNeverTrainTargets() {
    TaskExample.Open o = (TaskExample.Open) build(TaskFormat.OPEN).get(0);
    assertThat(o.input()).isEqualTo("Question: " + o.question() + "\n\nAnswer:");
    Set<String> trainTargets = new HashSet<>();
    build(TaskFormat.OPEN).forEach(e -> trainTargets.add(e.target()));
    int named = 0;
    for (FactPassage p : TEST) {
      for (FactPassage.Asked a : p.asked()) {
        Attribute.Kind k = a.fact().attribute().kind();
        if (k == Attribute.Kind.PERSON || k == Attribute.Kind.PLACE) {
          named++;
          assertThat(trainTargets).doesNotContain(a.fact().value());
        }
      }
    }
    assertThat(named).isGreaterThan(50);
  }
}
