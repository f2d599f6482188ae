package dev.mediagen.coref;

import java.io.IOException;

/**
 * Malformed CoNLL input. The message names the file, the 1-based line number and the problem, in
 * the {@code file:line: problem} form that editors and terminals turn into links.
 */
public final class ConllFormatException extends IOException {

  private final String file;
  private final int line;
  private final String problem;

  public ConllFormatException(String file, int line, String problem) {
    super(file + ":" + line + ": " + problem);
    this.file = file;
    this.line = line;
    this.problem = problem;
  }

  /** The file (or source name) the problem is in. */
  public String file() {
    return file;
  }

  /** The 1-based line number of the problem. */
  public int line() {
    return line;
  }

  /** The problem without the location. */
  public String problem() {
    return problem;
  }
}
