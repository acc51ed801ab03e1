package dev.kqlhunt.ingest;

import java.io.IOException;
import java.util.Arrays;

/**
 * Groups the lines of a {@link LineReader} into RFC-4180 CSV records: a record continues onto the
 * next line while a quoted field is open (an odd number of quote characters so far). The record's
 * bytes are the lines joined with {@code \n} (a {@code \r\n} inside a quoted field becomes {@code
 * \n}). A record longer than the maximum is reported {@link #tooLong()} and reading resumes at the
 * next line; an input that ends inside quotes reports {@link #unterminated()}.
 */
final class CsvRecords {
  private final LineReader lines;
  private final int maxRecordBytes;
  private byte[] buf = new byte[1 << 12];
  private int length;
  private long fullLength;
  private long line;
  private long offset;
  private boolean tooLong;
  private boolean unterminated;

  CsvRecords(LineReader lines, int maxRecordBytes) {
    this.lines = lines;
    this.maxRecordBytes = maxRecordBytes;
  }

  /** Advances to the next non-blank record; false at the end. */
  boolean next() throws IOException {
    while (lines.next()) {
      if (lines.length() == 0 && !lines.tooLong()) continue;
      line = lines.lineNumber();
      offset = lines.lineOffset();
      length = 0;
      fullLength = 0;
      tooLong = false;
      unterminated = false;
      append(lines);
      boolean open = (quotes(lines) & 1) == 1;
      while (open && !tooLong) {
        if (!lines.next()) {
          unterminated = true;
          return true;
        }
        appendByte((byte) '\n');
        append(lines);
        open ^= (quotes(lines) & 1) == 1;
      }
      return true;
    }
    return false;
  }

  private void append(LineReader l) {
    fullLength += l.fullLength();
    if (l.tooLong() || length + l.length() > maxRecordBytes) {
      tooLong = true;
      fullLength += length;
    }
    int keep = tooLong ? Math.max(0, Math.min(l.length(), Reject.MAX_RAW_CHARS - length)) : l.length();
    ensure(length + keep + 1);
    System.arraycopy(l.buffer(), l.start(), buf, length, keep);
    length += keep;
  }

  private void appendByte(byte b) {
    ensure(length + 1);
    buf[length++] = b;
    fullLength++;
  }

  private void ensure(int n) {
    if (buf.length < n) buf = Arrays.copyOf(buf, Math.max(n, buf.length * 2));
  }

  private static int quotes(LineReader l) {
    byte[] b = l.buffer();
    int n = 0;
    for (int i = l.start(), e = l.start() + l.length(); i < e; i++) if (b[i] == '"') n++;
    return n;
  }

  byte[] buffer() {
    return buf;
  }

  int length() {
    return length;
  }

  long fullLength() {
    return fullLength;
  }

  long line() {
    return line;
  }

  long offset() {
    return offset;
  }

  boolean tooLong() {
    return tooLong;
  }

  boolean unterminated() {
    return unterminated;
  }
}
