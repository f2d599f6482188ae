package dev.mediagen.qa;

/**
 * Settings of recurring-span selection (Splinter, papers-language.md §2.1).
 *
 * @param maxSpanLength longest recurring n-gram considered, in tokens ({@code max_span_length})
 * @param maxQuestions most questions per sequence ({@code max_questions_per_seq})
 * @param maskRatio share of the sequence length that bounds the questions ({@code masked_lm_prob})
 */
public record RssConfig(int maxSpanLength, int maxQuestions, double maskRatio) {

  public RssConfig {
    if (maxSpanLength < 1 || maxSpanLength > 512) {
      throw new IllegalArgumentException("maxSpanLength must be in [1, 512], got " + maxSpanLength);
    }
    if (maxQuestions < 1) {
      throw new IllegalArgumentException("maxQuestions must be >= 1, got " + maxQuestions);
    }
    if (!(maskRatio > 0 && maskRatio <= 1)) {
      throw new IllegalArgumentException("maskRatio must be in (0, 1], got " + maskRatio);
    }
  }

  /** Splinter's values: spans of at most 10 tokens, at most 30 questions, ratio 0.15. */
  public static RssConfig splinter() {
    return new RssConfig(10, 30, 0.15);
  }

  /**
   * The question budget of a sequence of {@code length} tokens: {@code min(maxQuestions, max(1,
   * round(maskRatio * length)))}, rounding half to even like the reference's Python {@code round}.
   */
  public int budget(int length) {
    return (int) Math.min(maxQuestions, Math.max(1, Math.rint(length * maskRatio)));
  }
}
