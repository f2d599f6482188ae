package dev.mediagen.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The invariants of RSS masking (Splinter §2.1) over random passages with many repeats. */
class RecurringSpansPropertiesTest {

  private static final List<String> WORDS =
      List.of(
          "the", "of", "in", "and", "she", "mira", "tolland", "glass", "born", "quessa", "river",
          "old", "mill", ".", ",", "1873", "lamp", "sang");

  /** A random passage over a small vocabulary (stopwords, punctuation, content words). */
  private static List<String> passage(long seed, int length) {
    Random rnd = new Random(seed);
    List<String> out = new ArrayList<>();
    while (out.size() < length) {
      if (!out.isEmpty() && rnd.nextInt(4) == 0) { // copy an earlier stretch: long recurring spans
        int from = rnd.nextInt(out.size());
        int len = 1 + rnd.nextInt(12);
        for (int i = from; i < Math.min(out.size(), from + len) && out.size() < length; i++) {
          out.add(out.get(i));
        }
      } else {
        out.add(WORDS.get(rnd.nextInt(WORDS.size())));
      }
    }
    return out;
  }

  private static RssConfig config(int maxSpan) {
    return new RssConfig(maxSpan, 30, 0.15);
  }

  @Property(tries = 200)
  void labelSpanEqualsTheMaskedSpanAndPointsInside(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 300) int length,
      @ForAll @IntRange(min = 1, max = 10) int maxSpan) {
    List<String> in = passage(seed, length);
    RssExample e = RecurringSpans.mask(in, config(maxSpan), seed);
    for (RssExample.Question q : e.questions()) {
      Span a = q.answer();
      assertThat(a.end()).isLessThan(e.tokens().size());
      assertThat(e.tokens().get(q.position())).isEqualTo(QaTokenizer.QUESTION);
      List<String> original = in.subList(q.masked().start(), q.masked().end() + 1);
      assertThat(e.tokens().subList(a.start(), a.end() + 1)).isEqualTo(original);
      assertThat(q.masked().length()).isLessThanOrEqualTo(maxSpan);
      assertThat(RecurringSpans.isValidSpan(in, q.masked().start(), q.masked().length())).isTrue();
      assertThat(q.position()).isEqualTo(indexOf(e.source(), q.masked().start()));
    }
  }

  @Property(tries = 200)
  void noTokenIsBothMaskedAndAnswerAndNoneIsMaskedTwice(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int length) {
    List<String> in = passage(seed, length);
    RssExample e = RecurringSpans.mask(in, config(10), seed);
    int[] maskedBy = new int[in.size()];
    boolean[] answer = new boolean[in.size()];
    for (RssExample.Question q : e.questions()) {
      for (int i = q.masked().start(); i <= q.masked().end(); i++) {
        maskedBy[i]++;
      }
      for (int o = q.answer().start(); o <= q.answer().end(); o++) {
        answer[e.source()[o]] = true;
        assertThat(e.tokens().get(o)).isNotEqualTo(QaTokenizer.QUESTION);
      }
    }
    for (int i = 0; i < in.size(); i++) {
      assertThat(maskedBy[i]).isLessThanOrEqualTo(1);
      assertThat(maskedBy[i] == 1 && answer[i]).as("token %d masked and answer", i).isFalse();
    }
  }

  @Property(tries = 200)
  void questionsWithinBudgetAndSequenceCollapsesExactly(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int length) {
    List<String> in = passage(seed, length);
    RssConfig config = config(10);
    RssExample e = RecurringSpans.mask(in, config, seed);
    assertThat(e.questions().size()).isLessThanOrEqualTo(config.budget(in.size()));
    int removed = e.questions().stream().mapToInt(q -> q.masked().length() - 1).sum();
    assertThat(e.tokens()).hasSize(in.size() - removed);
    for (int o = 0; o < e.tokens().size(); o++) {
      if (o > 0) {
        assertThat(e.source()[o]).isGreaterThan(e.source()[o - 1]);
      }
      if (!e.tokens().get(o).equals(QaTokenizer.QUESTION)) {
        assertThat(e.tokens().get(o)).isEqualTo(in.get(e.source()[o]));
      }
    }
    // a passage with a recurring valid span always gets at least one question
    if (!RecurringSpans.clusters(in, 10).isEmpty()) {
      assertThat(e.questions()).isNotEmpty();
    }
  }

  @Property(tries = 100)
  void deterministicPerSeed(@ForAll long seed, @ForAll @IntRange(min = 1, max = 200) int length) {
    List<String> in = passage(seed, length);
    assertThat(RecurringSpans.mask(in, config(10), seed))
        .isEqualTo(RecurringSpans.mask(List.copyOf(in), config(10), seed));
  }

  private static int indexOf(int[] values, int v) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == v) {
        return i;
      }
    }
    return -1;
  }
}
