package dev.mediagen.coref;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mediagen.coref.CorefColumn.Bracket;
import dev.mediagen.coref.CorefColumn.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorefColumnTest {

  @Test
  void parsesEachBracketKind() {
    assertThat(CorefColumn.parse("(12")).containsExactly(new Bracket(Kind.OPEN, 12));
    assertThat(CorefColumn.parse("12)")).containsExactly(new Bracket(Kind.CLOSE, 12));
    assertThat(CorefColumn.parse("(12)")).containsExactly(new Bracket(Kind.SINGLE, 12));
  }

  @Test
  void parsesJoinedAndRunTogetherBrackets() {
    assertThat(CorefColumn.parse("(3|(5)"))
        .containsExactly(new Bracket(Kind.OPEN, 3), new Bracket(Kind.SINGLE, 5));
    assertThat(CorefColumn.parse("7)|(8)|2)"))
        .containsExactly(
            new Bracket(Kind.CLOSE, 7), new Bracket(Kind.SINGLE, 8), new Bracket(Kind.CLOSE, 2));
    // the reference scorer's TC-A-9 writes brackets with no separator
    assertThat(CorefColumn.parse("(1(3(3"))
        .containsExactly(
            new Bracket(Kind.OPEN, 1), new Bracket(Kind.OPEN, 3), new Bracket(Kind.OPEN, 3));
    assertThat(CorefColumn.parse("3)3)1)")).hasSize(3);
  }

  @Test
  void blankCellsHaveNoBracket() {
    assertThat(CorefColumn.parse("-")).isEmpty();
    assertThat(CorefColumn.parse("_")).isEmpty();
    assertThat(CorefColumn.parse("")).isEmpty();
  }

  @Test
  void rejectsGarbageNamingTheCellAndPosition() {
    assertThatThrownBy(() -> CorefColumn.parse("(1x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'(1x'")
        .hasMessageContaining("'x' at character 3");
    assertThatThrownBy(() -> CorefColumn.parse("(")).hasMessageContaining("character 1");
    assertThatThrownBy(() -> CorefColumn.parse("|")).hasMessageContaining("no bracket");
  }

  @Test
  void formatsWithBarsAndDashWhenEmpty() {
    assertThat(CorefColumn.format(List.of())).isEqualTo("-");
    assertThat(
            CorefColumn.format(
                List.of(
                    new Bracket(Kind.CLOSE, 4),
                    new Bracket(Kind.SINGLE, 0),
                    new Bracket(Kind.OPEN, 9))))
        .isEqualTo("4)|(0)|(9");
  }
}
