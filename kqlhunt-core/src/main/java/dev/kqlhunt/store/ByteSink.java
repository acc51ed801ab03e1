package dev.kqlhunt.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable little-endian byte buffer with unsigned LEB128 varints. Single-threaded. */
final class ByteSink {
  private byte[] buf;
  private int size;

  ByteSink(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  int size() {
    return size;
  }

  byte[] toArray() {
    return Arrays.copyOf(buf, size);
  }

  /** The backing array; valid up to {@link #size()}. */
  byte[] array() {
    return buf;
  }

  void reset() {
    size = 0;
  }

  private void ensure(int more) {
    if (size + more > buf.length) {
      long want = Math.max((long) buf.length * 2, (long) size + more);
      if (want > Integer.MAX_VALUE - 16) throw new IllegalStateException("block too large");
      buf = Arrays.copyOf(buf, (int) want);
    }
  }

  void u8(int v) {
    ensure(1);
    buf[size++] = (byte) v;
  }

  void i32(int v) {
    ensure(4);
    for (int b = 0; b < 4; b++) buf[size++] = (byte) (v >>> (8 * b));
  }

  void i64(long v) {
    ensure(8);
    for (int b = 0; b < 8; b++) buf[size++] = (byte) (v >>> (8 * b));
  }

  void varint(long v) {
    if (v < 0) throw new IllegalArgumentException("negative varint " + v);
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buf[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[size++] = (byte) v;
  }

  void bytes(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
  }

  /** A varint byte length followed by the UTF-8 bytes. */
  void string(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    varint(b.length);
    bytes(b, 0, b.length);
  }
}
