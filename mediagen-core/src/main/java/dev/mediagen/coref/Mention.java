package dev.mediagen.coref;

/**
 * A mention: the inclusive token span {@code [start, end]} over the document-level token index
 * (tokens counted across sentences from 0), the convention of the reference scorer and of s2e's
 * jsonlines.
 */
public record Mention(int start, int end) implements Comparable<Mention> {

  public Mention {
    if (start < 0) {
      throw new IllegalArgumentException("mention start must be >= 0, got " + start);
    }
    if (end < start) {
      throw new IllegalArgumentException(
          "mention end must be >= start (" + start + "), got " + end);
    }
  }

  /** Number of tokens in the span. */
  public int length() {
    return end - start + 1;
  }

  /** Reading order: by start, then the shorter span first. */
  @Override
  public int compareTo(Mention o) {
    return start != o.start ? Integer.compare(start, o.start) : Integer.compare(end, o.end);
  }

  @Override
  public String toString() {
    return "[" + start + "," + end + "]";
  }
}
