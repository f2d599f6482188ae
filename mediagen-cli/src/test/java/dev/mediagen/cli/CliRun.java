package dev.mediagen.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One CLI invocation in a test: exit code, standard output and error output. */
record CliRun(int code, String out, String err) {

  /**
   * Runs {@code args} through the launcher's command line ({@link Main#commandLine}); {@code out} is
   * everything printed on {@code System.out}, which picocli's default out writer wraps (some
   * commands print reports there directly).
   */
  static CliRun of(String... args) {
    StringWriter err = new StringWriter();
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true));
    try {
      CommandLine cl = Main.commandLine(); // after the swap: its default out writer wraps System.out as it is now
      cl.setErr(new PrintWriter(err, true));
      int code = cl.execute(args);
      return new CliRun(code, out.toString(), err.toString());
    } finally {
      System.setOut(old);
    }
  }

  /** Runs {@code args} on {@code cl} with its out and err writers on {@code out} and {@code err}; returns the exit code. */
  static int into(CommandLine cl, StringWriter out, StringWriter err, String... args) {
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }
}
