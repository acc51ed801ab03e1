package dev.kqlhunt.ingest;

/**
 * Line numbers of byte offsets in an in-memory document, for offsets asked in increasing order
 * (each byte is scanned once overall). Asking for an earlier offset rescans from the start.
 */
final class LineCounter {
  private final byte[] b;
  private int scanned;
  private long line = 1;

  LineCounter(byte[] b) {
    this.b = b;
  }

  /** 1-based line of the byte at {@code offset}. */
  long lineAt(int offset) {
    if (offset < scanned) {
      scanned = 0;
      line = 1;
    }
    for (int i = scanned; i < offset; i++) if (b[i] == '\n') line++;
    scanned = offset;
    return line;
  }
}
