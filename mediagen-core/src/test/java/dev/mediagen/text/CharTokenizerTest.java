package dev.mediagen.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

class CharTokenizerTest {

  @Test
  void quotedExtractsDoubleSingleAndCurlySpans() {
    assertThat(CharTokenizer.quoted("a sign saying \"OPEN 24h\" next to the dog's 'hi' ball"))
        .containsExactly("OPEN 24h", "hi");
    assertThat(CharTokenizer.quoted("digits “42” and ‘x’")).containsExactly("42", "x");
    assertThat(CharTokenizer.quoted("it's the dog's bone")).isEmpty();
    assertThat(CharTokenizer.quoted("unclosed \"quote here")).isEmpty();
    assertThat(CharTokenizer.quoted("empty \"\" and blank \"  \"")).isEmpty();
  }

  @Test
  void encodesUtf8BytesPlusThreeThenEos() {
    // 'h' = 104, 'i' = 105; 'é' = C3 A9 = 195, 169
    assertThat(CharTokenizer.encode("hi", 8)).containsExactly(107, 108, 1);
    assertThat(CharTokenizer.encode("é", 3)).containsExactly(198, 172, 1);
    assertThat(CharTokenizer.encode("", 1)).containsExactly(1);
    assertThat(CharTokenizer.encodeQuoted("sign \"42\" and 'a'", 8))
        .containsExactly(55, 53, 1, 100, 1);
    assertThat(CharTokenizer.encodeQuoted("no quotes", 8)).containsExactly(1);
    assertThat(CharTokenizer.VOCAB_SIZE).isEqualTo(259);
  }

  @Test
  void overLongTextIsRejectedWithLengthAndLimit() {
    assertThatThrownBy(() -> CharTokenizer.encode("hello", 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("6 byte tokens")
        .hasMessageContaining("maxLen 5");
  }

  @Test
  void batchesArePaddedWithZero() {
    Encoded e = CharTokenizer.encodeQuotedBatch(List.of("say \"hi\"", "plain"), 8);
    assertThat(e.maxLen()).isEqualTo(3);
    assertThat(e.ids()).containsExactly(107, 108, 1, 1, 0, 0);
    assertThat(e.lengths()).containsExactly(3, 1);
    assertThat(CharTokenizer.decode(e.item(0))).containsExactly("hi");
  }

  @Property(tries = 200)
  void decodeInvertsEncode(@ForAll("texts") String text) {
    int[] ids = CharTokenizer.encode(text, 1000);
    assertThat(CharTokenizer.decode(ids)).containsExactly(text);
    for (int id : ids) {
      assertThat(id).isBetween(1, CharTokenizer.VOCAB_SIZE - 1).isNotEqualTo(CharTokenizer.UNK_ID);
    }
  }

  @Provide
  Arbitrary<String> texts() {
    // 1- and 2-byte UTF-8 characters plus whole emoji (4 bytes); never a lone surrogate
    Arbitrary<String> chars = Arbitraries.chars().range('\u0000', '\u07ff').map(String::valueOf);
    Arbitrary<String> emoji = Arbitraries.of("😀", "🎉");
    return Arbitraries.frequencyOf(Tuple.of(9, chars), Tuple.of(1, emoji))
        .list()
        .ofMaxSize(30)
        .map(parts -> String.join("", parts));
  }
}
