package dev.mediagen.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EncodedAndTokenStatesTest {

  @Test
  void padPlacesItemsRowMajorWithZeroPadding() {
    Encoded e = Encoded.pad(List.of(new int[] {5, 6, 7}, new int[] {8}, new int[0]));
    assertThat(e.maxLen()).isEqualTo(3);
    assertThat(e.ids()).containsExactly(5, 6, 7, 8, 0, 0, 0, 0, 0);
    assertThat(e.lengths()).containsExactly(3, 1, 0);
    assertThat(e.item(1)).containsExactly(8);
    assertThatThrownBy(() -> new Encoded(2, 2, new int[3], new int[2]))
        .hasMessageContaining("ids has 3");
    assertThatThrownBy(() -> new Encoded(1, 2, new int[2], new int[] {3}))
        .hasMessageContaining("lengths[0] = 3 is outside [0, 2]");
  }

  @Test
  void tokenStatesIndexMaskAndMeanPoolByHand() {
    // B=2, L=2, D=2: item 0 has 2 tokens (1,2),(3,4); item 1 has 1 token (5,6) + padding
    TokenStates s =
        new TokenStates(2, 2, 2, new float[] {1, 2, 3, 4, 5, 6, 0, 0}, new int[] {2, 1});
    assertThat(s.get(0, 1, 0)).isEqualTo(3f);
    assertThat(s.item(1)).containsExactly(5f, 6f);
    assertThat(s.mask()).containsExactly(1f, 1f, 1f, 0f);
    assertThat(s.meanPooled(0)).containsExactly(2f, 3f);
    assertThat(s.meanPooled(1)).containsExactly(5f, 6f);
    assertThatThrownBy(() -> new TokenStates(2, 2, 2, new float[7], new int[] {2, 1}))
        .hasMessageContaining("states has 7 floats, expected B*L*D = 2*2*2 = 8");
    assertThatThrownBy(() -> s.item(2)).hasMessageContaining("item 2 outside [0, 2)");
  }
}
