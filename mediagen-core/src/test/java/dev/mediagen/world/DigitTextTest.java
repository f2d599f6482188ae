package dev.mediagen.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DigitTextTest {
  private final Checker checker = new Checker();

  @Test
  void glyphsAreDistinctAndFillTheirCell() {
    Set<String> seen = new HashSet<>();
    for (int d = 0; d < 10; d++) {
      StringBuilder sb = new StringBuilder();
      boolean[] rows = new boolean[DigitFont.HEIGHT];
      boolean[] cols = new boolean[DigitFont.WIDTH];
      for (int j = 0; j < DigitFont.HEIGHT; j++) {
        for (int i = 0; i < DigitFont.WIDTH; i++) {
          boolean on = DigitFont.pixel(d, i, j);
          sb.append(on ? '#' : '.');
          rows[j] |= on;
          cols[i] |= on;
        }
      }
      assertThat(seen.add(sb.toString())).as("digit %d unique", d).isTrue();
      assertThat(rows).as("digit %d spans 5 rows", d).containsOnly(true);
      assertThat(cols).as("digit %d spans 3 columns", d).containsOnly(true);
    }
    // the "7" by hand: top bar, then the right column
    assertThat(DigitFont.pixel(7, 0, 0)).isTrue();
    assertThat(DigitFont.pixel(7, 0, 1)).isFalse();
    assertThat(DigitFont.pixel(7, 2, 4)).isTrue();
  }

  @Test
  void everyNumberRendersAndReadsBack() {
    for (int canvas : new int[] {16, 32, 64}) {
      for (int k = 0; k < 110; k++) {
        String digits = k < 10 ? String.valueOf(k) : String.format("%02d", k - 10);
        Scene s = new Scene(canvas, canvas, 1, 8, k % 3, List.of(), new SceneText(digits, 3, 4));
        Reading r = checker.read(Renderer.render(s));
        assertThat(r.text()).as("%s on %d px", digits, canvas).isEqualTo(digits);
        assertThat(r.objects()).as("text is not an object").isEmpty();
      }
    }
    // 32 px: scale 1, "37" covers x 3..9 and y 4..8 in the text colour
    Video v = Renderer.render(new Scene(32, 32, 1, 8, 0, List.of(), new SceneText("37", 3, 4)));
    assertThat(v.frame(0).getRGB(3, 4) & 0xFFFFFF).isEqualTo(Palette.textRgb());
    assertThat(v.frame(0).getRGB(9, 8) & 0xFFFFFF).isEqualTo(Palette.textRgb());
    assertThat(v.frame(0).getRGB(6, 4) & 0xFFFFFF).as("gap column").isZero();
  }

  @Test
  void textMustFitTheCanvas() {
    assertThatThrownBy(() -> new SceneText("123", 0, 0)).hasMessageContaining("'123'");
    assertThatThrownBy(() -> new Scene(32, 32, 1, 8, 0, List.of(), new SceneText("12", 26, 0)))
        .hasMessageContaining("does not fit");
  }

  @Test
  void scenesWithTextKeepObjectsClearAndReadBackExactly() {
    SceneSampler sampler = new SceneSampler(WorldConfig.defaults().withTextProbability(1));
    SplittableRandom rng = new SplittableRandom(4);
    AccuracyTally clean = new AccuracyTally();
    AccuracyTally noisy = new AccuracyTally();
    AccuracyTally noisier = new AccuracyTally();
    for (int i = 0; i < 300; i++) {
      Scene s = sampler.sample(rng, Split.values()[i % 4], i % 2 == 0);
      assertThat(s.text()).isNotNull();
      Video v = Renderer.render(s);
      // no object covers the text: every glyph pixel keeps the text colour in every frame
      int glyphPixels = 0;
      for (char c : s.text().digits().toCharArray()) {
        for (int j = 0; j < DigitFont.HEIGHT; j++) {
          for (int x = 0; x < DigitFont.WIDTH; x++) {
            glyphPixels += DigitFont.pixel(c - '0', x, j) ? 1 : 0;
          }
        }
      }
      for (int t = 0; t < s.frames(); t++) {
        java.awt.image.BufferedImage frame = v.frame(t);
        int textPixels = 0;
        for (int y = 0; y < 32; y++) {
          for (int x = 0; x < 32; x++) {
            textPixels += (frame.getRGB(x, y) & 0xFFFFFF) == Palette.textRgb() ? 1 : 0;
          }
        }
        assertThat(textPixels).isEqualTo(glyphPixels);
      }
      clean.add(checker.check(s, v));
      noisy.add(checker.check(s, v.withNoise(0.05, i)));
      noisier.add(checker.check(s, v.withNoise(0.1, i)));
    }
    System.out.printf(
        "text scenes clean: %s%ntext scenes sigma 0.05: %s%ntext scenes sigma 0.1: %s%n",
        clean, noisy, noisier);
    assertThat(clean.text()).isEqualTo(1.0);
    assertThat(clean.allCorrect()).isEqualTo(1.0);
    assertThat(noisy.text()).isGreaterThanOrEqualTo(0.95);
    assertThat(noisier.text()).isGreaterThanOrEqualTo(0.8);
  }
}
