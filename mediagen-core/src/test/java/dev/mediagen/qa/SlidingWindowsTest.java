package dev.mediagen.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SlidingWindowsTest {

  @Test
  void windowsAdvanceByStrideAndCoverTheContext() {
    assertThat(SlidingWindows.windows(10, 6, 4))
        .containsExactly(new SlidingWindows.Window(0, 0, 6), new SlidingWindows.Window(1, 4, 6));
    assertThat(SlidingWindows.windows(10, 4, 2))
        .containsExactly(
            new SlidingWindows.Window(0, 0, 4), new SlidingWindows.Window(1, 2, 4),
            new SlidingWindows.Window(2, 4, 4), new SlidingWindows.Window(3, 6, 4));
    assertThat(SlidingWindows.windows(5, 6, 4)).containsExactly(new SlidingWindows.Window(0, 0, 5));
    // Splinter's sizes: 384 tokens, stride 128, a 20-token question -> 361 context tokens a window
    int room = SlidingWindows.maxContextTokens(384, 20);
    assertThat(room).isEqualTo(361);
    assertThat(SlidingWindows.windows(800, room, 128))
        .extracting(SlidingWindows.Window::start)
        .containsExactly(0, 128, 256, 384, 512);
    assertThatThrownBy(() -> SlidingWindows.maxContextTokens(16, 13))
        .hasMessageContaining("need question <= 12");
  }

  @Test
  void coordinatesMapBothWays() {
    SlidingWindows.Window w = new SlidingWindows.Window(1, 4, 6);
    assertThat(w.toWindow(new Span(5, 7))).isEqualTo(new Span(1, 3));
    assertThat(w.toContext(new Span(1, 3))).isEqualTo(new Span(5, 7));
    assertThat(w.contains(new Span(3, 5))).isFalse();
    assertThatThrownBy(() -> w.toWindow(10)).hasMessageContaining("outside window 1 [4, 10)");
  }

  @Test
  void maxContextPrefersTheWindowWithMoreContextOnBothSides() {
    List<SlidingWindows.Window> ws = SlidingWindows.windows(10, 6, 4);
    // token 5: window 0 has min(5, 0) = 0 context, window 1 min(1, 4) = 1
    assertThat(SlidingWindows.isMaxContext(ws, 1, 5)).isTrue();
    assertThat(SlidingWindows.isMaxContext(ws, 0, 5)).isFalse();
    // token 4: window 0 min(4, 1) = 1, window 1 min(0, 5) = 0
    assertThat(SlidingWindows.isMaxContext(ws, 0, 4)).isTrue();
    assertThat(SlidingWindows.isMaxContext(ws, 0, 2)).isTrue(); // only window 0 has it
  }

  @Property(tries = 200)
  void everyTokenHasExactlyOneMaxContextWindow(
      @ForAll @IntRange(min = 1, max = 300) int length,
      @ForAll @IntRange(min = 1, max = 64) int maxTokens,
      @ForAll @IntRange(min = 1, max = 64) int stride) {
    List<SlidingWindows.Window> ws = SlidingWindows.windows(length, maxTokens, stride);
    assertThat(ws.get(0).start()).isZero();
    assertThat(ws.get(ws.size() - 1).end()).isEqualTo(length);
    for (int t = 0; t < length; t++) {
      int token = t;
      assertThat(ws.stream().filter(w -> SlidingWindows.isMaxContext(ws, w.index(), token)).count())
          .isEqualTo(1);
      ws.stream()
          .filter(w -> w.contains(token))
          .forEach(w -> assertThat(w.toContext(w.toWindow(token))).isEqualTo(token));
    }
  }
}
