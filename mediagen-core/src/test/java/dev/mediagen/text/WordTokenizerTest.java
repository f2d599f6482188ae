package dev.mediagen.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordTokenizerTest {

  // ids: specials 0..3, [FPS-1..60] 4..63, then sorted words: a=64 circle=65 red=66
  static final WordTokenizer TOK = WordTokenizer.fromWords(List.of("red", "A", "circle", "red"));

  @Test
  void splitsLowercaseWordsPunctuationAndFpsTokens() {
    assertThat(WordTokenizer.split("FPS-8 A red Circle, moves!  it's 42"))
        .containsExactly("fps-8", "a", "red", "circle", ",", "moves", "!", "it", "'", "s", "42");
    assertThat(WordTokenizer.split("fps-8x")).containsExactly("fps", "-", "8x");
    assertThat(WordTokenizer.split("   ")).isEmpty();
  }

  @Test
  void vocabularyHasFixedSpecialsFpsTokensThenSortedWords() {
    List<String> v = TOK.vocabulary();
    assertThat(v).hasSize(67);
    assertThat(v.subList(0, 4)).containsExactly("[PAD]", "[UNK]", "[BOS]", "[EOS]");
    assertThat(v.get(4)).isEqualTo("[FPS-1]");
    assertThat(v.get(19)).isEqualTo("[FPS-16]");
    assertThat(v.get(63)).isEqualTo("[FPS-60]");
    assertThat(v.subList(64, 67)).containsExactly("a", "circle", "red");
    assertThat(WordTokenizer.FIRST_WORD_ID).isEqualTo(64);
  }

  @Test
  void encodesWithBosEosFpsAndUnknowns() {
    // [BOS] [FPS-8]=11 a red zxqv=[UNK] circle .=[UNK] [EOS]
    assertThat(TOK.encode("FPS-8 A red zxqv circle.", 8))
        .containsExactly(2, 11, 64, 66, 1, 65, 1, 3);
    assertThat(TOK.encode("", 2)).containsExactly(2, 3);
    assertThat(TOK.encode("fps-0 FPS-61 fps-99999999999999 fps-60", 10))
        .containsExactly(2, 1, 1, 1, 63, 3);
    assertThat(TOK.encode("🎉 ß", 4)).containsExactly(2, 1, 1, 3);
    assertThat(TOK.decode(TOK.encode("A red zxqv", 8))).isEqualTo("[BOS] a red [UNK] [EOS]");
  }

  @Test
  void overLongTextIsRejectedWithLengthAndLimit() {
    assertThatThrownBy(() -> TOK.encode("a red circle a red", 6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("7 tokens")
        .hasMessageContaining("maxLen 6");
    assertThatThrownBy(() -> TOK.encode("a", 1)).hasMessageContaining("maxLen 1 must be >= 2");
  }

  @Test
  void batchIsPaddedWithZeroToTheLongest() {
    Encoded e = TOK.encodeBatch(List.of("a red circle", "red", ""), 16);
    assertThat(e.batch()).isEqualTo(3);
    assertThat(e.maxLen()).isEqualTo(5);
    assertThat(e.lengths()).containsExactly(5, 3, 2);
    assertThat(e.ids()).containsExactly(2, 64, 66, 65, 3, 2, 66, 3, 0, 0, 2, 3, 0, 0, 0);
    assertThat(e.mask()).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 0);
  }

  @Test
  void badVocabularyEntriesAreRejected() {
    assertThatThrownBy(() -> WordTokenizer.fromWords(List.of("red car")))
        .hasMessageContaining("\"red car\" splits into [red, car]");
    assertThatThrownBy(() -> WordTokenizer.fromWords(List.of("FPS-8")))
        .hasMessageContaining("FPS-8");
    assertThatThrownBy(() -> WordTokenizer.fromWords(List.of("[PAD]")))
        .hasMessageContaining("[PAD]");
  }

  @Test
  void fromTextsCollectsPiecesButNotFpsTokens() {
    WordTokenizer t = WordTokenizer.fromTexts(List.of("FPS-16 A red circle.", "a blue circle"));
    assertThat(t.vocabulary().subList(64, t.size()))
        .containsExactly(".", "a", "blue", "circle", "red");
  }

  @Test
  void jsonRoundTripsAndRejectsTampering(@TempDir Path dir) throws Exception {
    WordTokenizer t = WordTokenizer.fromTexts(List.of("a red circle, moves left!"));
    assertThat(WordTokenizer.fromJson(t.toJson())).isEqualTo(t);
    Path file = dir.resolve("tok.json");
    t.save(file);
    assertThat(WordTokenizer.load(file).vocabulary()).isEqualTo(t.vocabulary());
    String json = Files.readString(file);
    assertThatThrownBy(
            () -> WordTokenizer.fromJson(json.replace("\"version\" : 1", "\"version\" : 2")))
        .hasMessageContaining("version 2");
    assertThatThrownBy(
            () -> WordTokenizer.fromJson(json.replace("\"maxFps\" : 60", "\"maxFps\" : 32")))
        .hasMessageContaining("FPS tokens 1..32");
    String unsorted =
        "{\"format\":\"mediagen.word-tokenizer\",\"version\":1,\"minFps\":1,\"maxFps\":60,"
            + "\"words\":[\"red\",\"a\"]}";
    assertThatThrownBy(() -> WordTokenizer.fromJson(unsorted)).hasMessageContaining("sorted");
    assertThatThrownBy(() -> WordTokenizer.fromJson("{not json")).hasMessageContaining("malformed");
  }

  @Property(tries = 200)
  void anyTextEncodesToValidIdsBetweenBosAndEos(@ForAll @StringLength(max = 40) String text) {
    int[] ids = TOK.encode(text, 100);
    assertThat(ids[0]).isEqualTo(WordTokenizer.BOS_ID);
    assertThat(ids[ids.length - 1]).isEqualTo(WordTokenizer.EOS_ID);
    assertThat(ids.length).isEqualTo(WordTokenizer.split(text).size() + 2);
    for (int i = 1; i < ids.length - 1; i++) {
      assertThat(ids[i]).isBetween(1, TOK.size() - 1).isNotIn(0, 2, 3);
    }
  }

  @Property(tries = 50)
  void idsDoNotDependOnWordOrder(@ForAll long seed) {
    List<String> words = new ArrayList<>(List.of("red", "blue", "circle", "square", "moves", ","));
    Collections.shuffle(words, new Random(seed));
    WordTokenizer reference =
        WordTokenizer.fromWords(List.of(",", "blue", "circle", "moves", "red", "square"));
    assertThat(WordTokenizer.fromWords(words)).isEqualTo(reference);
    assertThat(WordTokenizer.fromWords(reversed(words))).isEqualTo(reference);
  }

  private static List<String> reversed(List<String> words) {
    List<String> r = new ArrayList<>(words);
    Collections.reverse(r);
    return r;
  }
}
