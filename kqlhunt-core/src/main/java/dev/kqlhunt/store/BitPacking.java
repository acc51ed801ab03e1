package dev.kqlhunt.store;

/**
 * Frame-of-reference bit packing: {@code n} unsigned values of {@code width} bits each (0..64),
 * written little-endian into a byte array, bit {@code k} of the stream being bit {@code k % 8} of
 * byte {@code k / 8}. Width 0 means every value is zero and takes no bytes.
 *
 * <p>The loops work on one {@code long} accumulator and never box; they are the hot path of segment
 * writing and loading.
 */
final class BitPacking {
  private BitPacking() {}

  /** Bits needed for the unsigned value {@code v} (0 for 0). */
  static int width(long v) {
    return 64 - Long.numberOfLeadingZeros(v);
  }

  /** Bytes that {@code n} values of {@code width} bits take. */
  static int packedBytes(int n, int width) {
    long bits = (long) n * width;
    long bytes = (bits + 7) >>> 3;
    if (bytes > Integer.MAX_VALUE - 16) throw new IllegalArgumentException("block too large");
    return (int) bytes;
  }

  /** Packs {@code values[i] - base} for {@code i < n}; each difference must fit in width bits. */
  static byte[] packLongs(long[] values, int n, long base, int width) {
    byte[] out = new byte[packedBytes(n, width)];
    if (width == 0) return out;
    long acc = 0;
    int bits = 0;
    int pos = 0;
    for (int i = 0; i < n; i++) {
      long v = values[i] - base;
      acc |= v << bits;
      int room = 64 - bits;
      if (width >= room) {
        // The accumulator is full: emit it and keep the bits of v that did not fit.
        pos = emit(out, pos, acc, 8);
        acc = room == 64 ? 0 : v >>> room;
        bits = width - room;
      } else {
        bits += width;
      }
    }
    emit(out, pos, acc, (bits + 7) >>> 3);
    return out;
  }

  /** Packs {@code codes[i]} (non-negative) for {@code i < n}. */
  static byte[] packInts(int[] codes, int n, int width) {
    byte[] out = new byte[packedBytes(n, width)];
    if (width == 0) return out;
    long acc = 0;
    int bits = 0;
    int pos = 0;
    for (int i = 0; i < n; i++) {
      long v = codes[i] & 0xFFFF_FFFFL;
      acc |= v << bits;
      int room = 64 - bits;
      if (width >= room) {
        pos = emit(out, pos, acc, 8);
        acc = room == 64 ? 0 : v >>> room;
        bits = width - room;
      } else {
        bits += width;
      }
    }
    emit(out, pos, acc, (bits + 7) >>> 3);
    return out;
  }

  private static int emit(byte[] out, int pos, long acc, int bytes) {
    for (int b = 0; b < bytes && pos < out.length; b++) {
      out[pos++] = (byte) (acc >>> (8 * b));
    }
    return pos;
  }

  /** Unpacks {@code n} values into {@code out}, adding {@code base}. */
  static void unpackLongs(byte[] in, int offset, int n, int width, long base, long[] out) {
    if (width == 0) {
      java.util.Arrays.fill(out, 0, n, base);
      return;
    }
    long mask = width == 64 ? -1L : (1L << width) - 1;
    long bitPos = 0;
    for (int i = 0; i < n; i++, bitPos += width) {
      out[i] = base + (read64(in, offset, bitPos, width) & mask);
    }
  }

  /** Unpacks {@code n} codes of at most 32 bits into {@code out}. */
  static void unpackInts(byte[] in, int offset, int n, int width, int[] out) {
    if (width == 0) {
      java.util.Arrays.fill(out, 0, n, 0);
      return;
    }
    long mask = (1L << width) - 1;
    long bitPos = 0;
    for (int i = 0; i < n; i++, bitPos += width) {
      out[i] = (int) (read64(in, offset, bitPos, width) & mask);
    }
  }

  /** The {@code width} bits starting at stream bit {@code bitPos} (unmasked above width). */
  private static long read64(byte[] in, int offset, long bitPos, int width) {
    int byteIndex = offset + (int) (bitPos >>> 3);
    int shift = (int) (bitPos & 7);
    long word = readLong(in, byteIndex);
    long v = word >>> shift;
    if (shift + width > 64) {
      // The value straddles nine bytes: take its top bits from the ninth.
      v |= (long) (in[byteIndex + 8] & 0xFF) << (64 - shift);
    }
    return v;
  }

  /** Eight little-endian bytes at {@code i}; bytes past the end read as zero. */
  private static long readLong(byte[] in, int i) {
    if (i + 8 <= in.length) {
      return (long) LONGS.get(in, i);
    }
    long v = 0;
    for (int b = 0; b < 8 && i + b < in.length; b++) v |= (long) (in[i + b] & 0xFF) << (8 * b);
    return v;
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
          long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
}
