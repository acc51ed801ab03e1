package dev.kqlhunt.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A 32-bit hash of a byte string for dictionary interning, defined word by word (8 bytes,
 * little-endian, from the string's first byte) so a scanner that already reads those words ({@link
 * JsonRowDecoder}) computes it on the way: {@code finish(mix(...mix(SEED, w0)..., wn), tail, len)}
 * where {@code tail} holds the last {@code len % 8} bytes in its low bytes. Not cryptographic; the
 * dictionary compares bytes on every hash match.
 */
public final class ByteHash {
  static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  public static final long SEED = 0x9E3779B97F4A7C15L;

  private ByteHash() {}

  public static long mix(long h, long word) {
    h = (h ^ word) * 0xBF58476D1CE4E5B9L;
    return h ^ (h >>> 29);
  }

  public static int finish(long h, long tail, int len) {
    h = ((h ^ tail) * 0x94D049BB133111EBL) ^ len;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 31;
    return (int) (h ^ (h >>> 32));
  }

  /** The hash of {@code b[off..off+len)}. */
  public static int of(byte[] b, int off, int len) {
    long h = SEED;
    int i = off;
    int end = off + len;
    for (; i + 8 <= end; i += 8) h = mix(h, (long) LONGS.get(b, i));
    long tail = 0;
    for (int shift = 0; i < end; i++, shift += 8) tail |= (b[i] & 0xFFL) << shift;
    return finish(h, tail, len);
  }
}
