package dev.mediagen.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.mediagen.qa.HashedVocab;
import dev.mediagen.qa.QaTokenizer;
import dev.mediagen.qa.QaTrainConfig;
import dev.mediagen.qa.SpanInput;
import dev.mediagen.qa.SplinterConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Closed-book QA: the question-only input, the inventory, and a model that learns to answer. */
class ClosedBookTest {
  private static final HashedVocab VOCAB = SpanSweep.vocabulary();

  @Test
  void inputIsTheQuestionAloneWithItsQuestionToken() {
    SpanInput in = ClosedBook.input("Where was Mira Tolland born?", VOCAB);
    // [CLS] where was mira tolland born ? [QUESTION] . [SEP]
    assertThat(in.ids()).hasSize(10);
    assertThat(in.ids()[0]).isEqualTo(QaTokenizer.CLS_ID);
    assertThat(in.ids()[9]).isEqualTo(QaTokenizer.SEP_ID);
    assertThat(in.questions()).singleElement().satisfies(q -> {
      assertThat(q.position()).isEqualTo(7);
      assertThat(q.answer()).isNull();
    });
    assertThat(in.ids()[7]).isEqualTo(VOCAB.id(QaTokenizer.QUESTION));
    for (boolean b : in.selectable()) {
      assertThat(b).isFalse(); // nothing to point at: the answer comes from the inventory
    }
  }

  @Test
  void inventoryIsSortedAndDistinctAndNamesUnknownAnswers() {
    ClosedBook.Inventory inv = ClosedBook.Inventory.of(List.of("Quessa", "1873", "Quessa", "a glassblower"));
    assertThat(inv.answers()).containsExactly("1873", "Quessa", "a glassblower");
    assertThat(inv.indexOf("Quessa")).isEqualTo(1);
    assertThatThrownBy(() -> inv.indexOf("Paris")).hasMessageContaining("\"Paris\"");
  }

  @Test
  void learnsToAnswerItsTrainingQuestions() {
    List<String> questions = List.of("Where was Mira born?", "When was Mira born?", "Whom did Tomas marry?",
        "What did Tomas own?");
    ClosedBook.Inventory inv = ClosedBook.Inventory.of(List.of("Quessa", "1873", "Ilse Varn", "compass", "1901"));
    List<String> answers = List.of("Quessa", "1873", "Ilse Varn", "compass");
    List<SpanInput> inputs = questions.stream().map(q -> ClosedBook.input(q, VOCAB)).toList();
    int[] labels = answers.stream().mapToInt(inv::indexOf).toArray();
    SplinterConfig config = SplinterConfig.size("s", VOCAB.size(), 64);
    QaTrainConfig tc = new QaTrainConfig(3, 60, 4, 3e-3f, 5, 0f, 1f, 0);
    try (NDManager m = NDManager.newBaseManager()) {
      ClosedBook untrained = ClosedBook.train(config, inv.answers().size(), null, tc.withSteps(1), inputs, labels, m);
      ClosedBook model = ClosedBook.train(config, inv.answers().size(), null, tc, inputs, labels, m);
      assertThat(ClosedBook.predict(model, inv, inputs, m)).isEqualTo(answers);
      assertThat(ClosedBook.predict(untrained, inv, inputs, m)).isNotEqualTo(answers);
    }
  }
}
