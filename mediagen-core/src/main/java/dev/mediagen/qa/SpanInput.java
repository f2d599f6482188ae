package dev.mediagen.qa;

import java.util.List;

/**
 * One model input sequence with its questions: ids, the positions that may be selected as answer
 * tokens, and per question the position of its {@code [QUESTION]} token (ignored by the linear
 * head) and, when known, its gold inclusive answer span (all in sequence coordinates).
 *
 * @param ids token ids
 * @param selectable true where a token may start or end an answer
 * @param questions the questions read from this sequence
 */
public record SpanInput(int[] ids, boolean[] selectable, List<Question> questions) {

  /** A question at {@code position}; {@code answer} is null at inference. */
  public record Question(int position, Span answer) {}

  public SpanInput {
    ids = ids.clone();
    selectable = selectable.clone();
    questions = List.copyOf(questions);
    if (ids.length == 0 || selectable.length != ids.length) {
      throw new IllegalArgumentException(
          "need >= 1 id and one selectable flag per id; got %d ids, %d flags"
              .formatted(ids.length, selectable.length));
    }
    for (Question q : questions) {
      if (q.position() < 0 || q.position() >= ids.length) {
        throw new IllegalArgumentException(
            "question position %d is outside [0, %d)".formatted(q.position(), ids.length));
      }
      Span a = q.answer();
      if (a != null && (a.end() >= ids.length || !selectable[a.start()] || !selectable[a.end()])) {
        throw new IllegalArgumentException(
            "answer %s of the question at %d is outside the selectable tokens of a %d-token input"
                .formatted(a, q.position(), ids.length));
      }
    }
  }

  public int length() {
    return ids.length;
  }
}
