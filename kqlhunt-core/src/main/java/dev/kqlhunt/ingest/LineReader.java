package dev.kqlhunt.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines without decoding it: the hot path of JSON-lines ingest. After
 * {@link #next()} returns true, the line is {@code buffer()[start() .. start()+length())} (without its
 * {@code \n} or {@code \r\n}); the array is reused and overwritten by the next call.
 *
 * <p>A line longer than {@code maxLineBytes} is not buffered whole: {@link #tooLong()} is true, the
 * buffer holds only its first bytes ({@link #length()} ≤ {@link Reject#MAX_RAW_CHARS}) and {@link
 * #fullLength()} tells its real size; the rest is skipped. Memory is bounded by twice {@code
 * maxLineBytes}.
 *
 * <p>When the stream fails mid-way (a gzip or zip member that ends early), {@link #next()} returns
 * the bytes read so far as a last line with {@link #failure()} set, then false.
 *
 * <p>Not thread-safe. Allocation-free per line once the buffer has grown to the longest line.
 */
public final class LineReader {
  private static final int INITIAL_BUFFER = 1 << 20;

  private final InputStream in;
  private final int maxLineBytes;
  private byte[] buf;
  private int pos; // first unconsumed byte
  private int limit; // end of valid bytes
  private boolean eof;
  private IOException failure;
  private boolean failureReported;

  private int start;
  private int length;
  private long fullLength;
  private boolean tooLong;
  private long lineNumber; // of the current line, 1-based
  private long lineOffset; // byte offset of the current line
  private long nextLineNumber = 1;
  private long nextOffset; // byte offset of buf[pos]

  public LineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
    this.buf = new byte[Math.min(INITIAL_BUFFER, maxLineBytes + 2)];
  }

  /** Advances to the next line; false at the end of the input. */
  public boolean next() throws IOException {
    if (pos >= limit && !fill()) return false;
    lineNumber = nextLineNumber++;
    lineOffset = nextOffset;
    tooLong = false;
    int scan = pos;
    while (true) {
      int nl = indexOfNewline(buf, scan, limit);
      if (nl >= 0) {
        emit(pos, nl - pos);
        consume(nl + 1 - pos);
        return true;
      }
      int scanned = limit - pos; // fill() moves the bytes, so remember a relative position
      if (scanned > maxLineBytes) return skipLongLine();
      if (!fill()) {
        emit(pos, limit - pos); // last line without a newline, or cut short by a failure
        consume(limit - pos);
        return true;
      }
      scan = pos + scanned;
    }
  }

  private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles
      .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long NEWLINES = '\n' * ONES;

  // Eight bytes at a time: the high bit of a byte of (x - ONES) & ~x is set where x's byte is 0,
  // exactly so for the lowest one, which is the one wanted.
  private static int indexOfNewline(byte[] b, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long x = (long) LONGS.get(b, i) ^ NEWLINES;
      long found = (x - ONES) & ~x & 0x8080808080808080L;
      if (found != 0) return i + (Long.numberOfTrailingZeros(found) >>> 3);
    }
    for (; i < to; i++) if (b[i] == '\n') return i;
    return -1;
  }

  private void emit(int from, int len) {
    if (len > 0 && buf[from + len - 1] == '\r') len--;
    start = from;
    length = len;
    fullLength = len;
    // The buffer holds a little more than the limit, so a line just over it arrives whole.
    if (len > maxLineBytes) {
      tooLong = true;
      length = Math.min(len, Reject.MAX_RAW_CHARS);
    }
  }

  private void consume(int n) {
    pos += n;
    nextOffset += n;
  }

  /** Keeps a prefix of the over-long line at the start of the buffer and discards the rest. */
  private boolean skipLongLine() throws IOException {
    // Keep a prefix for the reject, leaving at least half the buffer to scan for the newline.
    int keep = Math.min(Math.min(Reject.MAX_RAW_CHARS, limit - pos), buf.length / 2);
    System.arraycopy(buf, pos, buf, 0, keep);
    long total = limit - pos;
    nextOffset += total;
    pos = keep;
    limit = keep;
    while (true) {
      int n = readSome(keep, buf.length - keep);
      if (n <= 0) break;
      int nl = indexOfNewline(buf, keep, keep + n);
      if (nl >= 0) {
        total += nl - keep;
        nextOffset += nl - keep + 1;
        // Keep what follows the newline for the next line.
        System.arraycopy(buf, nl + 1, buf, keep, keep + n - nl - 1);
        pos = keep;
        limit = keep + (keep + n - nl - 1);
        break;
      }
      total += n;
      nextOffset += n;
    }
    start = 0;
    length = keep;
    fullLength = total;
    tooLong = true;
    // The kept prefix sits before pos; the next line starts at pos.
    return true;
  }

  /** Compacts and reads more; false when nothing more can be read. */
  private boolean fill() throws IOException {
    if (eof) return false;
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      int grown = (int) Math.min((long) buf.length * 2, (long) maxLineBytes + 2);
      if (grown <= buf.length) grown = buf.length + 1; // lets skipLongLine trigger
      buf = java.util.Arrays.copyOf(buf, grown);
    }
    int n = readSome(limit, buf.length - limit);
    if (n <= 0) {
      eof = true;
      return limit > pos;
    }
    limit += n;
    return true;
  }

  private int readSome(int off, int len) throws IOException {
    if (eof) return -1;
    try {
      int n = in.read(buf, off, len);
      if (n < 0) eof = true;
      return n;
    } catch (IOException e) {
      failure = e;
      eof = true;
      return -1;
    }
  }

  public byte[] buffer() {
    return buf;
  }

  public int start() {
    return start;
  }

  public int length() {
    return length;
  }

  /** The line's real length in bytes; larger than {@link #length()} only when {@link #tooLong()}. */
  public long fullLength() {
    return fullLength;
  }

  public boolean tooLong() {
    return tooLong;
  }

  /** 1-based number of the current line. */
  public long lineNumber() {
    return lineNumber;
  }

  /** Byte offset of the current line's first byte. */
  public long lineOffset() {
    return lineOffset;
  }

  /**
   * The I/O failure that ended the input, once the input has ended; the current line is the last and
   * is incomplete when it is non-null.
   */
  public IOException failure() {
    return eof && pos >= limit ? failure : null;
  }

  /** True once, for the line that the stream failure cut short; later calls return false. */
  public boolean takeFailure() {
    if (failure() == null || failureReported) return false;
    failureReported = true;
    return true;
  }

  /** Bytes consumed so far. */
  public long bytesRead() {
    return nextOffset;
  }
}
