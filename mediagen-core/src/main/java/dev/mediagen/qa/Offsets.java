package dev.mediagen.qa;

import java.util.List;

/**
 * Conversions between character spans and token spans, both <b>inclusive</b> at the end as MRQA
 * stores them ({@code char_spans}, {@code token_spans}; papers-language.md §2.3 and the MRQA 2019
 * README "Fields").
 */
public final class Offsets {

  private Offsets() {}

  /**
   * The smallest token span covering characters {@code [charStart, charEnd]} (inclusive), or {@code
   * null} when the span is empty, out of range or touches no token.
   */
  public static Span tokenSpan(List<Token> tokens, int charStart, int charEnd) {
    if (charStart > charEnd || charStart < 0) {
      return null;
    }
    int first = -1;
    int last = -1;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.end() > charStart && t.start() <= charEnd) {
        if (first < 0) {
          first = i;
        }
        last = i;
      }
    }
    return first < 0 ? null : new Span(first, last);
  }

  /**
   * The token span whose tokens start exactly at {@code charStart} and end exactly at {@code
   * charEnd} (inclusive), or {@code null} when the character span does not fall on token
   * boundaries.
   */
  public static Span alignedTokenSpan(List<Token> tokens, int charStart, int charEnd) {
    Span s = tokenSpan(tokens, charStart, charEnd);
    if (s == null
        || tokens.get(s.start()).start() != charStart
        || tokens.get(s.end()).end() - 1 != charEnd) {
      return null;
    }
    return s;
  }

  /** The inclusive character span of tokens {@code span.start()..span.end()}. */
  public static Span charSpan(List<Token> tokens, Span span) {
    if (span.end() >= tokens.size()) {
      throw new IllegalArgumentException(
          "token span %s is outside [0, %d)".formatted(span, tokens.size()));
    }
    return new Span(tokens.get(span.start()).start(), tokens.get(span.end()).end() - 1);
  }

  /** The substring of {@code text} covered by tokens of {@code span}. */
  public static String text(String text, List<Token> tokens, Span span) {
    Span chars = charSpan(tokens, span);
    return text.substring(chars.start(), chars.end() + 1);
  }
}
