package dev.mediagen.coref;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small rule-based English tokenizer and sentence splitter for {@code coref predict} on plain
 * text, close to LitBank's (Penn-Treebank-like) tokens.
 *
 * <p>Tokens: text is split at whitespace; opening quotes and brackets are peeled off the front
 * and closing punctuation ({@code . , ; : ! ? " ” ’ ) ] }}) off the back, each its own token; a
 * final period stays on a known abbreviation ({@code Mr. Mrs. Dr. St.} ...), a single-letter
 * initial ({@code J.}) or a dotted acronym ({@code U.S.}); {@code ...} and {@code …} are one
 * token; dashes ({@code —}, {@code --}) inside a word are split out; the clitics {@code n't 's 're
 * 've 'll 'd 'm} (straight or curly apostrophe) become their own tokens ({@code don't} → {@code do
 * n't}, {@code can't} → {@code ca n't}).
 *
 * <p>Sentences end at a blank line, or after {@code . ! ? ...} (and any closing quotes or brackets
 * after it) when the next token starts with an upper-case letter, a digit or an opening quote.
 */
public final class PlainText {
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "capt", "col", "gen", "lt", "rev",
          "hon", "sgt", "mt", "messrs", "mme", "mlle", "vs", "etc", "no", "vol", "ch", "fig", "e.g",
          "i.e", "viz", "esq", "ft", "co", "inc", "ltd");
  private static final String OPENING = "\"“‘'([{«`";
  private static final String CLOSING = "\"”’'.,;:!?)]}»";
  private static final Pattern DASH = Pattern.compile("(?<=\\S)(—|–|--+)(?=\\S)|^(—|–|--+)|(—|–|--+)$");
  private static final Pattern CLITIC =
      Pattern.compile("(?i)^(.+?)(n['’]t|['’]s|['’]re|['’]ve|['’]ll|['’]d|['’]m)$");

  private PlainText() {}

  /**
   * The sentences of {@code text}, each a list of tokens.
   *
   * @throws IllegalArgumentException if the text holds no token
   */
  public static List<List<String>> sentences(String text) {
    List<List<String>> out = new ArrayList<>();
    for (String paragraph : text.split("\\R\\s*\\R")) {
      List<String> tokens = tokens(paragraph);
      List<String> sentence = new ArrayList<>();
      for (int i = 0; i < tokens.size(); i++) {
        String tok = tokens.get(i);
        sentence.add(tok);
        if (isSentenceEnd(tok)) {
          while (i + 1 < tokens.size() && isClosing(tokens.get(i + 1))) {
            sentence.add(tokens.get(++i));
          }
          if (i + 1 < tokens.size() && startsSentence(tokens.get(i + 1))) {
            out.add(sentence);
            sentence = new ArrayList<>();
          }
        }
      }
      if (!sentence.isEmpty()) {
        out.add(sentence);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("the text has no tokens (it is empty or only whitespace)");
    }
    return out;
  }

  /** The tokens of a piece of text, ignoring sentences. */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (String chunk : text.strip().split("\\s+")) {
      if (!chunk.isEmpty()) {
        for (String part : splitDashes(chunk)) {
          word(part, out);
        }
      }
    }
    return out;
  }

  private static List<String> splitDashes(String chunk) {
    List<String> parts = new ArrayList<>();
    var m = DASH.matcher(chunk);
    int from = 0;
    while (m.find()) {
      if (m.start() > from) {
        parts.add(chunk.substring(from, m.start()));
      }
      parts.add(m.group());
      from = m.end();
    }
    if (from < chunk.length()) {
      parts.add(chunk.substring(from));
    }
    return parts;
  }

  /** One whitespace-free chunk: peel opening and closing punctuation, split clitics. */
  private static void word(String chunk, List<String> out) {
    int a = 0;
    while (a < chunk.length() - 1 && OPENING.indexOf(chunk.charAt(a)) >= 0) {
      out.add(String.valueOf(chunk.charAt(a++)));
    }
    String rest = chunk.substring(a);
    List<String> tail = new ArrayList<>();
    while (rest.length() > 1) {
      if (rest.endsWith("...")) {
        tail.add(0, "...");
        rest = rest.substring(0, rest.length() - 3);
      } else if (rest.endsWith("…")) {
        tail.add(0, "…");
        rest = rest.substring(0, rest.length() - 1);
      } else if (rest.endsWith(".") && keepsPeriod(rest)) {
        break;
      } else if (CLOSING.indexOf(rest.charAt(rest.length() - 1)) >= 0) {
        tail.add(0, rest.substring(rest.length() - 1));
        rest = rest.substring(0, rest.length() - 1);
      } else {
        break;
      }
    }
    if (!rest.isEmpty()) {
      var clitic = CLITIC.matcher(rest);
      if (clitic.matches() && Character.isLetter(clitic.group(1).charAt(clitic.group(1).length() - 1))) {
        out.add(clitic.group(1));
        out.add(clitic.group(2));
      } else {
        out.add(rest);
      }
    }
    out.addAll(tail);
  }

  private static boolean keepsPeriod(String word) {
    String core = word.substring(0, word.length() - 1);
    if (core.isEmpty()) {
      return false;
    }
    if (core.length() == 1 && Character.isLetter(core.charAt(0))) {
      return true; // an initial: "J."
    }
    if (core.matches("(\\p{L}\\.)+\\p{L}")) {
      return true; // "U.S." / "e.g."
    }
    return ABBREVIATIONS.contains(core.toLowerCase(Locale.ROOT));
  }

  private static boolean isSentenceEnd(String tok) {
    return tok.equals(".") || tok.equals("!") || tok.equals("?") || tok.equals("...") || tok.equals("…");
  }

  private static boolean isClosing(String tok) {
    return tok.length() == 1 && "\"”’')]}»".indexOf(tok.charAt(0)) >= 0;
  }

  private static boolean startsSentence(String tok) {
    char c = tok.charAt(0);
    return Character.isUpperCase(c) || Character.isDigit(c) || "\"“‘'([«".indexOf(c) >= 0;
  }
}
