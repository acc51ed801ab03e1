package dev.kqlhunt.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The reject log of one input file, {@code DIR/rejects/<timestamp>-<file>.jsonl}, created on the
 * first write only so clean inputs leave no empty files. Not thread-safe.
 */
final class RejectFile extends Writer {
  private final Path path;
  private Writer out;

  RejectFile(Path path) {
    this.path = path;
  }

  /** The file, whether or not it was created. */
  Path path() {
    return path;
  }

  boolean created() {
    return out != null;
  }

  @Override
  public void write(char[] cbuf, int off, int len) throws IOException {
    if (out == null) {
      Files.createDirectories(path.getParent());
      out = new BufferedWriter(new java.io.OutputStreamWriter(
          Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
          StandardCharsets.UTF_8));
    }
    out.write(cbuf, off, len);
  }

  @Override
  public void flush() throws IOException {
    if (out != null) out.flush();
  }

  @Override
  public void close() throws IOException {
    if (out != null) out.close();
  }
}
