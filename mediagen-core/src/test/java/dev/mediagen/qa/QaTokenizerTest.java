package dev.mediagen.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QaTokenizerTest {

  @Test
  void splitsWordsPunctuationAndSpecialsWithOffsets() {
    String text = "Mira's glass-blower, born 1873 [MASK].";
    List<Token> tokens = QaTokenizer.tokenize(text);
    assertThat(tokens)
        .containsExactly(
            new Token("Mira", 0),
            new Token("'", 4),
            new Token("s", 5),
            new Token("glass", 7),
            new Token("-", 12),
            new Token("blower", 13),
            new Token(",", 19),
            new Token("born", 21),
            new Token("1873", 26),
            new Token("[MASK]", 31),
            new Token(".", 37));
    assertThat(tokens.get(0).form()).isEqualTo("mira");
    assertThat(tokens.get(9).form()).isEqualTo("[MASK]");
    assertThat(tokens.get(0).isWord()).isTrue();
    assertThat(tokens.get(1).isWord()).isFalse();
    assertThat(tokens.get(9).isWord()).isFalse();
  }

  @Property(tries = 300)
  void tokensAreExactNonOverlappingSubstringsCoveringAllNonSpace(
      @ForAll @StringLength(max = 60) String text) {
    List<Token> tokens = QaTokenizer.tokenize(text);
    int previousEnd = 0;
    StringBuilder covered = new StringBuilder();
    for (Token t : tokens) {
      assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text());
      assertThat(t.start()).isGreaterThanOrEqualTo(previousEnd);
      assertThat(text.substring(previousEnd, t.start())).isBlank();
      covered.append(t.text());
      previousEnd = t.end();
    }
    assertThat(text.substring(previousEnd)).isBlank();
    assertThat(covered.toString()).isEqualTo(text.replaceAll("\\s", ""));
  }

  @Test
  void tokenSpansMapBackToExactSubstrings() {
    String text = "  Born in Quessa,\tin 1873.";
    List<Token> tokens = QaTokenizer.tokenize(text);
    Span quessa = Offsets.alignedTokenSpan(tokens, 10, 15);
    assertThat(quessa).isEqualTo(new Span(2, 2));
    assertThat(Offsets.text(text, tokens, new Span(2, 5))).isEqualTo("Quessa,\tin 1873");
    assertThat(Offsets.charSpan(tokens, new Span(0, 1))).isEqualTo(new Span(2, 8));
    assertThat(Offsets.alignedTokenSpan(tokens, 11, 15)).isNull(); // "uessa" is not a token start
    assertThat(Offsets.tokenSpan(tokens, 11, 15)).isEqualTo(new Span(2, 2));
  }

  @Test
  void buildsVocabularyByCountWithMinCount() {
    QaTokenizer tok = QaTokenizer.build(List.of("The cat. The dog!", "the CAT ran"), 2, 0);
    // counts: the 3, cat 2, . 1, dog 1, ! 1, ran 1
    assertThat(tok.vocabulary())
        .containsExactly("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "[QUESTION]", "the", "cat");
    assertThat(tok.id("cat")).isEqualTo(7);
    assertThat(tok.id("dog")).isEqualTo(QaTokenizer.UNK_ID);
    assertThat(tok.ids(QaTokenizer.tokenize("Cat [QUESTION] dog"))).containsExactly(7, 5, 1);
    assertThat(QaTokenizer.build(List.of("b a a b c"), 1, 2).vocabulary().subList(6, 8))
        .containsExactly("a", "b"); // tie on count 2 broken alphabetically, cap 2 drops c
  }

  @Test
  void jsonRoundTripAndRejections(@TempDir Path dir) throws IOException {
    QaTokenizer tok = QaTokenizer.build(List.of("Mira Tolland was born in Quessa."), 1, 0);
    Path file = dir.resolve("tok.json");
    tok.save(file);
    assertThat(QaTokenizer.load(file)).isEqualTo(tok);

    ObjectNode bad = tok.toJson();
    bad.withArray("words").add("Upper");
    assertThatThrownBy(() -> QaTokenizer.fromJson(bad))
        .hasMessageContaining("\"Upper\" is not one lowercased token");
    ObjectNode version = tok.toJson().put("version", 9);
    assertThatThrownBy(() -> QaTokenizer.fromJson(version)).hasMessageContaining("version 9");
    Files.writeString(file, "{\"format\":\"x\"}");
    assertThatThrownBy(() -> QaTokenizer.load(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void rejectsBadMinCount() {
    assertThatThrownBy(() -> QaTokenizer.build(List.of("a"), 0, 0))
        .hasMessageContaining("minCount must be >= 1, got 0");
  }
}
