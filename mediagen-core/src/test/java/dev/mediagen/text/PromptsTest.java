package dev.mediagen.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PromptsTest {

  @Test
  void withFpsPrependsTheMovieGenToken() {
    assertThat(Prompts.withFps("  a red circle moves left ", 16))
        .isEqualTo("FPS-16 a red circle moves left");
    assertThat(Prompts.withFps("", 8)).isEqualTo("FPS-8");
    assertThat(Prompts.fps(Prompts.withFps("a cat", 24))).isEqualTo(OptionalInt.of(24));
  }

  @Test
  void withFpsRejectsOutOfRangeRatesAndDoubleTokens() {
    assertThatThrownBy(() -> Prompts.withFps("a cat", 0))
        .hasMessageContaining("fps 0 is outside [1, 60]");
    assertThatThrownBy(() -> Prompts.withFps("a cat", 61))
        .hasMessageContaining("fps 61 is outside [1, 60]");
    assertThatThrownBy(() -> Prompts.withFps("FPS-8 a cat", 16))
        .hasMessageContaining("already starts with FPS-8");
  }

  @Test
  void fpsReadsOnlyALeadingStandaloneToken() {
    assertThat(Prompts.fps("FPS-16 a cat")).isEqualTo(OptionalInt.of(16));
    assertThat(Prompts.fps("  fps-24")).isEqualTo(OptionalInt.of(24));
    assertThat(Prompts.fps("a cat FPS-16")).isEmpty();
    assertThat(Prompts.fps("FPS-16x a cat")).isEmpty();
    assertThat(Prompts.fps("FPS- a cat")).isEmpty();
    assertThat(Prompts.stripFps("FPS-16   a cat ")).isEqualTo("a cat");
    assertThat(Prompts.stripFps("a cat")).isEqualTo("a cat");
  }

  @Test
  void validateNormalisesWhitespace() {
    assertThat(Prompts.validate("  a \t red\n\n circle\u00a0moves  ", 4))
        .isEqualTo("a red circle moves");
  }

  @Test
  void validateRejectsEmptyBlankNullAndOverLongPrompts() {
    assertThatThrownBy(() -> Prompts.validate("", 5))
        .hasMessage("prompt is empty or blank; expected 1..5 words");
    assertThatThrownBy(() -> Prompts.validate(" \t\n ", 5)).hasMessageContaining("empty or blank");
    assertThatThrownBy(() -> Prompts.validate(null, 5)).hasMessageContaining("null");
    assertThatThrownBy(() -> Prompts.validate("one two three four five six", 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("6 words")
        .hasMessageContaining("1..5");
    assertThatThrownBy(() -> Prompts.validate("ok", 0))
        .hasMessageContaining("maxWords 0 must be >= 1");
  }
}
