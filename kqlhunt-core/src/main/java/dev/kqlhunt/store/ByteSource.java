package dev.kqlhunt.store;

import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link ByteSink} wrote. Every read checks bounds and throws {@link CorruptStoreException}
 * past the end, so a damaged block is reported, never read as garbage. Single-threaded.
 */
final class ByteSource {
  private final byte[] buf;
  private final int end;
  private int pos;
  private final String what;

  ByteSource(byte[] buf, int offset, int length, String what) {
    this.buf = buf;
    this.pos = offset;
    this.end = offset + length;
    this.what = what;
  }

  int position() {
    return pos;
  }

  boolean atEnd() {
    return pos == end;
  }

  byte[] array() {
    return buf;
  }

  private void need(int n) {
    if (n < 0 || end - pos < n) throw new CorruptStoreException(what + ": unexpected end of block");
  }

  int u8() {
    need(1);
    return buf[pos++] & 0xFF;
  }

  int i32() {
    need(4);
    int v = 0;
    for (int b = 0; b < 4; b++) v |= (buf[pos++] & 0xFF) << (8 * b);
    return v;
  }

  long i64() {
    need(8);
    long v = 0;
    for (int b = 0; b < 8; b++) v |= (long) (buf[pos++] & 0xFF) << (8 * b);
    return v;
  }

  long varint() {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = u8();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) return v;
    }
    throw new CorruptStoreException(what + ": varint too long");
  }

  int varintInt() {
    long v = varint();
    if (v > Integer.MAX_VALUE) throw new CorruptStoreException(what + ": count out of range " + v);
    return (int) v;
  }

  String string() {
    int n = varintInt();
    need(n);
    String s = new String(buf, pos, n, StandardCharsets.UTF_8);
    pos += n;
    return s;
  }

  /** Skips {@code n} bytes, returning the offset where they start. */
  int skip(int n) {
    need(n);
    int at = pos;
    pos += n;
    return at;
  }
}
