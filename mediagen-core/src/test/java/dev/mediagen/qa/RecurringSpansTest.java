package dev.mediagen.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecurringSpansTest {

  private static List<String> forms(String text) {
    return QaTokenizer.forms(text);
  }

  @Test
  void findsLongestRecurringSpanAndRejectsStopwordsAndPunctuation() {
    // "in the" recurs but is all stopwords; "." recurs but is punctuation; "old mill" recurs
    List<String> f = forms("in the old mill . in the old mill .");
    List<RecurringSpans.Cluster> clusters = RecurringSpans.clusters(f, 10);
    // the 5-gram "in the old mill ." has punctuation, so the longest valid span is "in the old
    // mill"
    assertThat(clusters)
        .containsExactly(
            new RecurringSpans.Cluster(
                List.of("in", "the", "old", "mill"), List.of(new Span(0, 3), new Span(5, 8))));
    assertThat(RecurringSpans.isValidSpan(f, 0, 2)).isFalse(); // in the
    assertThat(RecurringSpans.isValidSpan(f, 4, 1)).isFalse(); // .
    assertThat(RecurringSpans.isValidSpan(f, 1, 2)).isTrue(); // the old
  }

  @Test
  void maxSpanLengthCapsTheNgrams() {
    List<String> f = forms("red fox ran home red fox ran home");
    assertThat(RecurringSpans.clusters(f, 2))
        .containsExactly(
            new RecurringSpans.Cluster(
                List.of("red", "fox"), List.of(new Span(0, 1), new Span(4, 5))),
            new RecurringSpans.Cluster(
                List.of("ran", "home"), List.of(new Span(2, 3), new Span(6, 7))));
  }

  @Test
  void overlappingOccurrencesAreDroppedLongestFirst() {
    // trigram "x y x" at 0 and 2 overlaps itself -> one survivor -> dropped;
    // bigram "x y" at 0 and 2 survives; "y x" and the lone third "x" overlap taken tokens
    List<String> f = List.of("x", "y", "x", "y", "x");
    assertThat(RecurringSpans.clusters(f, 10))
        .containsExactly(
            new RecurringSpans.Cluster(List.of("x", "y"), List.of(new Span(0, 1), new Span(2, 3))));
  }

  @Test
  void shorterClusterKeepsOccurrencesOutsideTheLongerOne() {
    List<String> f = forms("mira tolland sang . mira tolland danced . tolland slept");
    List<RecurringSpans.Cluster> c = RecurringSpans.clusters(f, 10);
    assertThat(c).hasSize(1);
    assertThat(c.get(0).ngram()).containsExactly("mira", "tolland");
    // "tolland" occurs 3 times but two are inside "mira tolland": one survivor, no cluster
  }

  @Test
  void budgetRoundsHalfToEvenLikePython() {
    RssConfig c = RssConfig.splinter();
    assertThat(c.budget(3)).isEqualTo(1); // round(0.45) = 0 -> at least 1
    assertThat(c.budget(10)).isEqualTo(2); // round(1.5) = 2
    assertThat(c.budget(30)).isEqualTo(4); // round(4.5) = 4
    assertThat(c.budget(50)).isEqualTo(8); // round(7.5) = 8
    assertThat(c.budget(70)).isEqualTo(10); // round(10.5) = 10
    assertThat(c.budget(1000)).isEqualTo(30); // capped
  }

  @Test
  void masksAllButOneOccurrenceIntoSingleQuestionTokens() {
    List<String> f = forms("red fox ran . red fox sat . red fox hid ."); // 12 tokens, budget 2
    RssExample e = RecurringSpans.mask(f, RssConfig.splinter(), 7L);
    assertThat(e.questions()).hasSize(2);
    assertThat(e.tokens()).hasSize(10); // two 2-token spans collapsed to one token each
    assertThat(e.tokens().stream().filter(QaTokenizer.QUESTION::equals).count()).isEqualTo(2);
    Span answer = e.questions().get(0).answer();
    assertThat(e.questions().get(1).answer()).isEqualTo(answer);
    assertThat(e.tokens().subList(answer.start(), answer.end() + 1)).containsExactly("red", "fox");
    for (RssExample.Question q : e.questions()) {
      assertThat(e.tokens().get(q.position())).isEqualTo(QaTokenizer.QUESTION);
      assertThat(f.subList(q.masked().start(), q.masked().end() + 1)).containsExactly("red", "fox");
    }
    assertThat(String.join(" ", e.tokens()).replace("red fox", "A"))
        .matches(
            "(A|\\[QUESTION\\]) ran \\. (A|\\[QUESTION\\]) sat \\. (A|\\[QUESTION\\]) hid \\.");
  }

  @Test
  void budgetStopsMaskingAndNoRecurrenceGivesNoQuestion() {
    RssConfig one = new RssConfig(10, 1, 0.15);
    RssExample e = RecurringSpans.mask(forms("red fox ran . red fox sat . red fox hid ."), one, 1L);
    assertThat(e.questions()).hasSize(1);
    assertThat(e.tokens()).hasSize(11);
    RssExample none = RecurringSpans.mask(forms("every word here is different ."), one, 1L);
    assertThat(none.questions()).isEmpty();
    assertThat(none.tokens()).containsExactly("every", "word", "here", "is", "different", ".");
  }

  @Test
  void differentSeedsChooseDifferentAnswers() {
    List<String> f = forms("red fox ran . red fox sat . red fox hid . red fox ate .");
    long distinct =
        java.util.stream.LongStream.range(0, 40)
            .mapToObj(
                s ->
                    RecurringSpans.mask(f, new RssConfig(10, 1, 0.15), s)
                        .questions()
                        .get(0)
                        .answer())
            .distinct()
            .count();
    assertThat(distinct).isGreaterThan(1);
  }
}
