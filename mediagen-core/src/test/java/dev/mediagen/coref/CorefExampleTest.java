package dev.mediagen.coref;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CorefExampleTest {

  @Test
  void cropStartsAtASentenceAndKeepsOnlyMentionsInside() {
    // 3 sentences of 4 tokens; states = token index
    CorefDocument doc = CorefDocument.fromTokens("d", 0,
        List.of(List.of("a", "b", "c", "d"), List.of("e", "f", "g", "h"), List.of("i", "j", "k", "l")))
        .withClusters(List.of(List.of(new Mention(1, 1), new Mention(5, 6), new Mention(9, 9)),
            List.of(new Mention(3, 4))));
    float[] states = new float[12];
    for (int i = 0; i < 12; i++) {
      states[i] = i;
    }
    CorefExample ex = CorefExample.of(doc, states);
    assertThat(ex.dim()).isEqualTo(1);
    for (long seed = 0; seed < 20; seed++) {
      CorefExample crop = ex.crop(6, new SplittableRandom(seed));
      int start = crop.offset();
      assertThat(start).isIn(0, 4, 8);
      assertThat(crop.tokens()).isEqualTo(Math.min(6, 12 - start));
      assertThat(crop.states()[0]).isEqualTo(start);
      assertThat(crop.sentenceStarts()[0]).isZero();
      for (List<Mention> c : crop.clusters()) {
        for (Mention m : c) {
          assertThat(m.end()).isLessThan(crop.tokens());
        }
      }
      if (start == 0) { // [0, 6): (1,1) and (3,4); (5,6) ends at token 6, outside
        assertThat(crop.clusters()).containsExactly(List.of(new Mention(1, 1)), List.of(new Mention(3, 4)));
      }
      if (start == 4) { // [4, 10): (5,6) and (9,9) shifted by 4; (3,4) is cut
        assertThat(crop.clusters()).containsExactly(List.of(new Mention(1, 2), new Mention(5, 5)));
      }
    }
    assertThat(ex.crop(0, new SplittableRandom(1))).isSameAs(ex);
    assertThat(ex.crop(12, new SplittableRandom(1))).isSameAs(ex);
  }

  @Test
  void configsRejectOutOfRangeValuesNamingThem() {
    assertThatThrownBy(() -> new S2eConfig(384, 250, 2, 4, 512, 128, 256, 0.3f, 30, 0.4f, 1f))
        .hasMessageContaining("hidden 250 must be divisible by heads 4");
    assertThatThrownBy(() -> new S2eConfig(384, 256, 2, 4, 512, 128, 256, 0.3f, 30, 1.5f, 1f))
        .hasMessageContaining("topLambda 1.5 is outside (0, 1]");
    assertThatThrownBy(() -> new S2eConfig(384, 256, 2, 4, 512, 128, 256, 1f, 30, 0.4f, 1f))
        .hasMessageContaining("dropout 1.0 is outside [0, 1)");
    assertThatThrownBy(() -> new S2eConfig(384, 256, 2, 4, 512, 128, 256, 0.3f, 0, 0.4f, 1f))
        .hasMessageContaining("maxSpanLength 0 is outside [1, 1024]");
    assertThatThrownBy(() -> new WordStatesConfig(600, 100)).hasMessageContaining("maxTokens 600 is outside [8, 512]");
    assertThatThrownBy(() -> new WordStatesConfig(512, 511)).hasMessageContaining("stride 511 is outside [1, 510]");
    assertThatThrownBy(() -> new CorefTrainConfig(1, 0, 1e-3f, 0, 0f, 1f, 0f, 0, 0, 0))
        .hasMessageContaining("totalSteps 0 is outside [1, 10000000]");
    assertThat(S2eConfig.litbank().maxSpanLength()).isEqualTo(30);
    assertThat(S2eConfig.litbank().topLambda()).isEqualTo(0.4f);
  }
}
