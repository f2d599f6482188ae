package dev.mediagen.qa;

/**
 * An inclusive {@code [start, end]} span of token or character indices, MRQA's convention
 * (papers-language.md §2.3: "Inclusive [start, end] character spans … token spans").
 */
public record Span(int start, int end) {

  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException(
          "span [%d, %d] must have 0 <= start <= end".formatted(start, end));
    }
  }

  /** Number of indices covered. */
  public int length() {
    return end - start + 1;
  }

  /** True when {@code i} lies in the span. */
  public boolean contains(int i) {
    return i >= start && i <= end;
  }

  /** True when the two spans share an index. */
  public boolean overlaps(Span other) {
    return start <= other.end && other.start <= end;
  }

  @Override
  public String toString() {
    return "[" + start + ", " + end + "]";
  }
}
