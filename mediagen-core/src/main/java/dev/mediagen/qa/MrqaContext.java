package dev.mediagen.qa;

import java.util.List;

/**
 * One line of an MRQA jsonl file after the header: a context, its tokens with character offsets
 * ({@code context_tokens}: {@code [token, offset]}) and its questions (papers-language.md §2.3).
 */
public record MrqaContext(String context, List<Token> contextTokens, List<MrqaQuestion> qas) {

  public MrqaContext {
    contextTokens = List.copyOf(contextTokens);
    qas = List.copyOf(qas);
  }

  /** A context tokenized with {@link QaTokenizer#tokenize}. */
  public static MrqaContext of(String context, List<MrqaQuestion> qas) {
    return new MrqaContext(context, QaTokenizer.tokenize(context), qas);
  }
}
