package dev.mediagen.coref;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextTest {

  @Test
  void splitsSentencesAndKeepsAbbreviations() {
    List<List<String>> s =
        PlainText.sentences("Mr. Darcy didn't see her. “Where is she?” asked Elizabeth. She left.");
    assertThat(s).containsExactly(
        List.of("Mr.", "Darcy", "did", "n't", "see", "her", "."),
        List.of("“", "Where", "is", "she", "?", "”", "asked", "Elizabeth", "."),
        List.of("She", "left", "."));
  }

  @Test
  void cliticsQuotesDashesAndEllipses() {
    assertThat(PlainText.tokens("\"I can't,\" said J. Smith's wife—well... (in the U.S.)"))
        .containsExactly("\"", "I", "ca", "n't", ",", "\"", "said", "J.", "Smith", "'s", "wife", "—", "well",
            "...", "(", "in", "the", "U.S.", ")");
    assertThat(PlainText.tokens("They’re here; we’ll go!")).containsExactly("They", "’re", "here", ";", "we",
        "’ll", "go", "!");
  }

  @Test
  void blankLinesEndSentencesAndLowerCaseDoesNotStartOne() {
    assertThat(PlainText.sentences("It rained\n\nThe end. and more! Then quiet"))
        .containsExactly(List.of("It", "rained"), List.of("The", "end", ".", "and", "more", "!"),
            List.of("Then", "quiet"));
  }

  @Test
  void emptyTextIsRejected() {
    assertThatThrownBy(() -> PlainText.sentences(" \n\t "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no tokens");
  }
}
