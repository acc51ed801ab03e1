package dev.kqlhunt.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A stream whose first bytes can be looked at before reading, and which never loses bytes to a
 * failure: when the underlying stream fails (a zip or gzip member cut short), every byte it delivered
 * before is still returned, and the failure is thrown only by the read after them. ({@link
 * java.io.BufferedInputStream} and {@link InputStream#readNBytes} drop the bytes of a read call that
 * ends in an exception.) Does not close the underlying stream. Not thread-safe.
 */
final class PeekableStream extends InputStream {
  private final InputStream in;
  private byte[] buf = new byte[0];
  private int pos;
  private int limit;
  private IOException failure;

  PeekableStream(InputStream in) {
    this.in = in;
  }

  /** Up to {@code n} first unread bytes (fewer at the end or before a failure), not consumed. */
  byte[] peek(int n) {
    if (limit - pos < n && failure == null) fillTo(n);
    return Arrays.copyOfRange(buf, pos, pos + Math.min(n, limit - pos));
  }

  private void fillTo(int n) {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (buf.length < n) buf = Arrays.copyOf(buf, n);
    try {
      while (limit < n) {
        int k = in.read(buf, limit, n - limit);
        if (k < 0) break;
        limit += k;
      }
    } catch (IOException e) {
      failure = e;
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) return 0;
    if (pos < limit) {
      int n = Math.min(len, limit - pos);
      System.arraycopy(buf, pos, b, off, n);
      pos += n;
      return n;
    }
    if (failure != null) throw failure;
    try {
      return in.read(b, off, len); // one call: it either delivers bytes or fails with none lost
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  /** True once the underlying stream has failed (the failure may still be pending behind bytes). */
  boolean failed() {
    return failure != null;
  }

  @Override
  public int available() throws IOException {
    return limit - pos > 0 ? limit - pos : failure != null ? 0 : in.available();
  }

  @Override
  public void close() {}
}
