package dev.kqlhunt.ingest.sysmon;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/** Reads several readers one after the other (the JDK has this for streams only). */
final class ConcatReader extends Reader {
  private final List<Reader> parts;
  private int current;

  ConcatReader(List<Reader> parts) {
    this.parts = List.copyOf(parts);
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    while (current < parts.size()) {
      int n = parts.get(current).read(buf, off, len);
      if (n > 0) {
        return n;
      }
      if (n < 0) {
        current++;
      }
    }
    return -1;
  }

  /** Closes nothing: the underlying stream belongs to the caller of the reader. */
  @Override
  public void close() {}
}
