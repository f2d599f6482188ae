package dev.mediagen.qa;

import java.util.Locale;

/**
 * One token of a text: its exact surface {@code text} and the character offset where it starts, as
 * MRQA's {@code context_tokens} store it ({@code [token, char_offset]}; papers-language.md §2.3).
 * {@code text} is always the exact substring {@code source.substring(start, end())}, so token spans
 * map back to character spans without loss; the vocabulary looks tokens up by {@link #form()}.
 *
 * @param text the token's characters as they appear in the source text
 * @param start the offset of its first character in the source text
 */
public record Token(String text, int start) {

  public Token {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("token text must be non-empty, got '" + text + "'");
    }
    if (start < 0) {
      throw new IllegalArgumentException("token start must be >= 0, got " + start);
    }
  }

  /** Offset one past the last character. */
  public int end() {
    return start + text.length();
  }

  /**
   * The vocabulary form: specials ({@code [QUESTION]} …) as they are, everything else lowercased
   * (root locale).
   */
  public String form() {
    return QaTokenizer.isSpecial(text) ? text : text.toLowerCase(Locale.ROOT);
  }

  /**
   * True when the token is a word (letters, digits and combining marks only), false for
   * punctuation, symbols and specials: RSS's "alphanumeric" test (Python {@code str.isalnum}).
   */
  public boolean isWord() {
    return isWord(text);
  }

  /** {@link #isWord()} of any string (false for the empty string). */
  public static boolean isWord(String text) {
    return !text.isEmpty()
        && text.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || isMark(c));
  }

  private static boolean isMark(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }
}
