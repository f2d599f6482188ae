package dev.mediagen.qa;

import java.io.IOException;

/** A problem in an MRQA jsonl file; the message names the file, the line and the problem. */
public final class MrqaFormatException extends IOException {

  private final String source;
  private final int line;

  public MrqaFormatException(String source, int line, String problem) {
    super(source + ":" + line + ": " + problem);
    this.source = source;
    this.line = line;
  }

  /** The file (or other source) name. */
  public String source() {
    return source;
  }

  /** The 1-based line number. */
  public int line() {
    return line;
  }
}
