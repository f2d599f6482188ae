package dev.mediagen.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlockedWordsTest {
  private final BlockedWords filter = new BlockedWords(List.of("# comment", "kill", "Gore", "hate speech", ""));

  @Test
  void singleWordsMatchWholeTokensCaseInsensitively() {
    assertThat(filter.find("a red circle")).isEmpty();
    assertThat(filter.find("KILL the square")).contains("kill");
    assertThat(filter.find("square,gore!")).contains("gore");
    assertThat(filter.find("a skilled painter")).isEmpty();
    assertThat(filter.find("gorey")).isEmpty();
  }

  @Test
  void phrasesMatchAsSubstrings() {
    assertThat(filter.find("no HATE SPEECH here")).contains("hate speech");
    assertThat(filter.find("hatespeech")).isEmpty();
    assertThat(filter.phrases()).containsExactly("hate speech");
    assertThat(filter.words()).containsExactly("gore", "kill");
  }

  @Test
  void theBundledListLoads() {
    assertThat(BlockedWords.bundled().find("a nude figure")).contains("nude");
  }
}
