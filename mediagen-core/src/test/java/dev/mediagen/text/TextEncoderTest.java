package dev.mediagen.text;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Tensors;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextEncoderTest {
  @Test
  void threeEncodersAreConcatenatedAlongTheSequenceAndDigitsReachTheContext() {
    TextEncoderConfig c = new TextEncoderConfig(8, 16, 50, 16, 16, 1, 2, 24, 16);
    try (NDManager m = NDManager.newBaseManager()) {
      TextEncoder enc = new TextEncoder(c);
      enc.initialize(m, 3);
      ParameterStore ps = new ParameterStore(m, false);
      NDArray frozen = m.randomNormal(new Shape(1, 5, 8)).repeat(0, 2);
      NDArray frozenMask = m.ones(new Shape(2, 5));
      NDArray words = Tensors.ints(m, new int[] {2, 7, 9, 3, 2, 7, 9, 3}, new Shape(2, 4));
      NDArray wordMask = m.ones(new Shape(2, 4));
      Encoded chars = CharTokenizer.encodeQuotedBatch(List.of("a sign labelled \"37\"", "a sign labelled \"38\""), 32);
      NDArray charIds = Tensors.ints(m, chars.ids(), new Shape(2, chars.maxLen()));
      NDArray charMask = Tensors.floats(m, chars.mask(), new Shape(2, chars.maxLen()));
      TextContext ctx = enc.forward(ps, frozen, frozenMask, words, wordMask, charIds, charMask, false);
      assertThat(ctx.tokens().getShape()).isEqualTo(new Shape(2, 5 + 4 + chars.maxLen(), 24));
      assertThat(ctx.mask().getShape()).isEqualTo(new Shape(2, 5 + 4 + chars.maxLen()));
      // same frozen and word inputs for both rows; only the quoted digit differs → only the char segment differs
      NDArray rows = ctx.tokens().get(":, 0:9, :");
      assertThat(rows.get(0).sub(rows.get(1)).abs().max().getFloat()).isLessThan(1e-5f); // up to matmul rounding
      NDArray charPart = ctx.tokens().get(":, 9:, :");
      assertThat(charPart.get(0).sub(charPart.get(1)).abs().max().getFloat()).isGreaterThan(1e-2f);
      // without char ids the same module is the two-encoder model
      assertThat(enc.forward(ps, frozen, frozenMask, words, wordMask, false).tokens().getShape()).isEqualTo(new Shape(2, 9, 24));
    }
  }
}
