package dev.mediagen.qa;

import java.util.Arrays;
import java.util.List;

/**
 * One recurring-span-selection training sequence (Splinter, papers-language.md §2.1): the passage
 * with every masked occurrence collapsed to a single {@code [QUESTION]} token, and for each
 * question the span of the kept (unmasked) occurrence it must point to.
 *
 * <p>Collapsing: the reference replaces the first token of a masked occurrence by {@code
 * [QUESTION]} and the rest by {@code [PAD]} with {@code input_mask = 0}; here the rest are
 * <b>removed</b>, so the sequence is shorter and every index below is an index into {@code tokens}.
 * The two agree on what the model can attend to; they differ only in the position ids of the tokens
 * after a collapsed span.
 *
 * @param tokens the output forms (lowercased words, punctuation, {@code [QUESTION]})
 * @param source for each output token, the index of the input token it came from (a {@code
 *     [QUESTION]} comes from the first token of its masked occurrence)
 * @param questions the questions, sorted by position
 */
public record RssExample(List<String> tokens, int[] source, List<Question> questions) {

  public RssExample {
    tokens = List.copyOf(tokens);
    source = source.clone();
    questions = List.copyOf(questions);
    if (source.length != tokens.size()) {
      throw new IllegalArgumentException(
          "source has %d entries for %d tokens".formatted(source.length, tokens.size()));
    }
  }

  /**
   * One question.
   *
   * @param position index of its {@code [QUESTION]} token in the output
   * @param answer the kept occurrence, inclusive, in output indices (the start/end labels)
   * @param masked the occurrence this question replaced, inclusive, in input indices
   */
  public record Question(int position, Span answer, Span masked) {}

  /** The {@code [QUESTION]} positions, in order. */
  public int[] questionPositions() {
    return questions.stream().mapToInt(Question::position).toArray();
  }

  /** Start labels, parallel to {@link #questionPositions}. */
  public int[] answerStarts() {
    return questions.stream().mapToInt(q -> q.answer().start()).toArray();
  }

  /** End labels (inclusive), parallel to {@link #questionPositions}. */
  public int[] answerEnds() {
    return questions.stream().mapToInt(q -> q.answer().end()).toArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RssExample e
        && tokens.equals(e.tokens)
        && Arrays.equals(source, e.source)
        && questions.equals(e.questions);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * tokens.hashCode() + Arrays.hashCode(source)) + questions.hashCode();
  }

  @Override
  public String toString() {
    return "RssExample[tokens=" + tokens.size() + ", questions=" + questions + "]";
  }
}
