package dev.mediagen.qa;

/** Which span-selection head sits on the encoder (papers-language.md §2.2). */
public enum SpanHeadKind {
  /** Splinter's question-aware head ({@link QassHead}); questions end in {@code [QUESTION] .}. */
  QASS,
  /** The standard linear start/end head ({@link LinearSpanHead}); questions stay as written. */
  LINEAR
}
