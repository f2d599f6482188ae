package dev.mediagen.qa;

import java.util.ArrayList;
import java.util.List;

/**
 * MRQA's {@code detected_answers} entry (papers-language.md §2.3; MRQA 2019 README "Fields"): an
 * answer text and every place it occurs in the context, as <b>inclusive</b> character spans and the
 * parallel inclusive token spans. Splinter trains on the first detected answer and evaluates
 * against all answers.
 *
 * @param text the answer text
 * @param charSpans inclusive character spans in the context
 * @param tokenSpans inclusive token spans, parallel to {@code charSpans}
 */
public record DetectedAnswer(String text, List<Span> charSpans, List<Span> tokenSpans) {

  public DetectedAnswer {
    charSpans = List.copyOf(charSpans);
    tokenSpans = List.copyOf(tokenSpans);
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("detected answer text must be non-empty");
    }
    if (charSpans.isEmpty() || charSpans.size() != tokenSpans.size()) {
      throw new IllegalArgumentException(
          "detected answer \"%s\" has %d char spans and %d token spans; need the same number >= 1"
              .formatted(text, charSpans.size(), tokenSpans.size()));
    }
  }

  /**
   * Every occurrence of {@code text} in {@code context} that starts and ends on token boundaries,
   * or {@code null} when there is none.
   */
  public static DetectedAnswer find(String context, List<Token> tokens, String text) {
    List<Span> chars = new ArrayList<>();
    List<Span> toks = new ArrayList<>();
    for (int at = context.indexOf(text); at >= 0; at = context.indexOf(text, at + 1)) {
      Span t = Offsets.alignedTokenSpan(tokens, at, at + text.length() - 1);
      if (t != null) {
        chars.add(new Span(at, at + text.length() - 1));
        toks.add(t);
      }
    }
    return chars.isEmpty() ? null : new DetectedAnswer(text, chars, toks);
  }
}
