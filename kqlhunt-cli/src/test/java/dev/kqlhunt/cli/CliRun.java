package dev.kqlhunt.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs the CLI in-process for tests ({@link Main#run(String...)}), with stdin, stdout and stderr
 * swapped for buffers and restored afterwards, whatever happens.
 */
final class CliRun {
  private CliRun() {}

  /** Exit code, stdout and stderr of one in-process run. */
  record Run(int exit, String out, String err) {}

  /** One run with an empty stdin. */
  static Run run(String... args) {
    return runWithInput("", args);
  }

  /** One run reading {@code stdin} as its standard input. */
  static Run runWithInput(String stdin, String... args) {
    InputStream oldIn = System.in;
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = Main.run(args);
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setIn(oldIn);
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
