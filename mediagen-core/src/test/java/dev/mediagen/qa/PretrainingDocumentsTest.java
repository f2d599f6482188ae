package dev.mediagen.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Generated RSS documents: restatements in other words, optional question-and-answer lines. */
class PretrainingDocumentsTest {

  @Test
  void withoutQuestionsTheDocumentsAreTheThreeArgumentOnes() {
    List<String> plain = PretrainingDocuments.generate(5, 20, 0.5);
    assertThat(PretrainingDocuments.generate(5, 20, 0.5, 0)).isEqualTo(plain);
    assertThat(plain).noneMatch(d -> d.contains("?"));
  }

  @Test
  void questionShareOneAsksEveryRestatedFact() {
    int facts = PretrainingDocuments.PEOPLE * Attribute.values().length;
    for (String d : PretrainingDocuments.generate(5, 10, 1.0, 1.0)) {
      assertThat(d.chars().filter(c -> c == '?').count()).as(d).isEqualTo(facts);
    }
  }

  @Test
  void restatementsAndInquiriesFillTheirTemplates() {
    java.util.Map<Attribute, String> values = new java.util.EnumMap<>(Attribute.class);
    for (Attribute a : Attribute.values()) {
      values.put(a, "x");
    }
    Person p = new Person("Mira", "Tolland", true, values);
    String r = Attribute.OCCUPATION.restatement(p, "glassblower");
    assertThat(r).isEqualTo("Mira Tolland practised the trade of glassblower.");
    assertThat(Attribute.SPOUSE.inquiry(p, "Ilse Varn")).isEqualTo("Whom did Mira Tolland wed? Ilse Varn.");
  }

  @Test
  void aShareOutsideTheUnitIntervalIsNamed() {
    assertThatThrownBy(() -> PretrainingDocuments.generate(5, 1, 0.5, 1.5)).hasMessageContaining("1.5");
  }

  @Test
  void peoplePerDocumentSetsHowManyFactsADocumentAsks() {
    assertThat(PretrainingDocuments.generate(5, 10, 1.0, 1.0, PretrainingDocuments.PEOPLE))
        .isEqualTo(PretrainingDocuments.generate(5, 10, 1.0, 1.0));
    for (int people : new int[] {1, 3}) {
      int facts = people * Attribute.values().length;
      for (String d : PretrainingDocuments.generate(5, 10, 1.0, 1.0, people)) {
        assertThat(d.chars().filter(c -> c == '?').count()).isEqualTo(facts);
      }
    }
    assertThatThrownBy(() -> PretrainingDocuments.generate(5, 1, 0.5, 1.0, 0)).hasMessageContaining("got 0");
  }
}
