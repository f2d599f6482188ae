package dev.mediagen.qa;

import java.util.List;

/**
 * One entry of an MRQA context's {@code qas} (papers-language.md §2.3).
 *
 * @param qid unique id ({@code qid}; Splinter's files may call it {@code id})
 * @param question the question text
 * @param questionTokens its tokens with character offsets
 * @param answers every accepted answer text (scoring takes the max over them)
 * @param detectedAnswers answers located in the context (training uses the first)
 */
public record MrqaQuestion(
    String qid,
    String question,
    List<Token> questionTokens,
    List<String> answers,
    List<DetectedAnswer> detectedAnswers) {

  public MrqaQuestion {
    questionTokens = List.copyOf(questionTokens);
    answers = List.copyOf(answers);
    detectedAnswers = List.copyOf(detectedAnswers);
    if (qid == null || qid.isEmpty()) {
      throw new IllegalArgumentException("qid must be non-empty");
    }
  }
}
