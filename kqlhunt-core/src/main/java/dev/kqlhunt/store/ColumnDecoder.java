package dev.kqlhunt.store;

import dev.kqlhunt.exec.vector.BoolVector;
import dev.kqlhunt.exec.vector.DoubleVector;
import dev.kqlhunt.exec.vector.DynamicVector;
import dev.kqlhunt.exec.vector.LongVector;
import dev.kqlhunt.exec.vector.NullMask;
import dev.kqlhunt.exec.vector.StringDictionary;
import dev.kqlhunt.exec.vector.StringVector;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.Dynamic;
import java.nio.ByteBuffer;

/** Decodes the data blocks of {@link SegmentFile} into primitive arrays, checking their sizes. */
final class ColumnDecoder {
  private ColumnDecoder() {}

  static long[] nullWords(byte[] block, int rows, String name) {
    int words = (rows + 63) >>> 6;
    if (block.length != words * 8) throw new CorruptStoreException(name + ": null bitmap size mismatch");
    ByteSource in = new ByteSource(block, 0, block.length, name);
    long[] out = new long[words];
    for (int w = 0; w < words; w++) out[w] = in.i64();
    return out;
  }

  static long[] longs(byte[] block, int rows, String name) {
    ByteSource in = new ByteSource(block, 0, block.length, name);
    long base = in.i64();
    int width = in.u8();
    if (width > 64 || block.length - 9 != BitPacking.packedBytes(rows, width)) {
      throw new CorruptStoreException(name + ": long block size mismatch");
    }
    long[] out = new long[rows];
    BitPacking.unpackLongs(block, 9, rows, width, base, out);
    return out;
  }

  static double[] doubles(byte[] block, int rows, String name) {
    if (block.length != rows * 8L) throw new CorruptStoreException(name + ": real block size mismatch");
    java.nio.DoubleBuffer in =
        java.nio.ByteBuffer.wrap(block).order(java.nio.ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
    double[] out = new double[rows];
    in.get(out);
    return out;
  }

  static byte[] bools(byte[] block, int rows, String name) {
    if (block.length != BitPacking.packedBytes(rows, 1)) {
      throw new CorruptStoreException(name + ": bool block size mismatch");
    }
    byte[] out = new byte[rows];
    for (int r = 0; r < rows; r++) out[r] = (byte) ((block[r >>> 3] >>> (r & 7)) & 1);
    return out;
  }

  /** Codes of a dictionary column; each must index a dictionary of {@code entries}. */
  static int[] codes(byte[] block, int rows, int entries, String name) {
    if (block.length < 1) throw new CorruptStoreException(name + ": empty code block");
    int width = block[0] & 0xFF;
    if (width > 32 || block.length - 1 != BitPacking.packedBytes(rows, width)) {
      throw new CorruptStoreException(name + ": code block size mismatch");
    }
    int[] out = new int[rows];
    BitPacking.unpackInts(block, 1, rows, width, out);
    for (int r = 0; r < rows; r++) {
      if (out[r] < 0 || out[r] >= entries) throw new CorruptStoreException(name + ": code out of range");
    }
    return out;
  }

  /** A column a segment does not have: every row null (strings: empty). */
  static Vector missing(ScalarType type, int rows) {
    long[] all = new long[(rows + 63) >>> 6];
    java.util.Arrays.fill(all, -1L);
    if ((rows & 63) != 0) all[all.length - 1] = (1L << (rows & 63)) - 1;
    NullMask nulls = rows == 0 ? NullMask.NONE : NullMask.of(all);
    return switch (type) {
      case INT, LONG, DATETIME, TIMESPAN -> new LongVector(type, new long[rows], rows, nulls);
      case REAL -> new DoubleVector(new double[rows], rows, nulls);
      case BOOL -> new BoolVector(new byte[rows], rows, nulls);
      case STRING -> new StringVector(new int[rows], rows, new StringDictionary(new String[] {""}, 1));
      case DYNAMIC -> {
        Dynamic[] values = new Dynamic[rows];
        java.util.Arrays.fill(values, Dynamic.NULL);
        yield new DynamicVector(values, rows);
      }
      case GUID, DECIMAL, UNKNOWN -> throw new IllegalArgumentException("not a stored type: " + type);
    };
  }

  // ---- late materialisation: only the rows at given positions (ascending, < rows) ----

  /** The null bits of rows {@code positions[0..count)} of a column with null words {@code words} (may be null). */
  static long[] nullWordsAt(long[] words, int[] positions, int count) {
    long[] out = new long[(count + 63) >>> 6];
    if (words == null) return out;
    for (int i = 0; i < count; i++) {
      int r = positions[i];
      if ((words[r >>> 6] & (1L << r)) != 0) out[i >>> 6] |= 1L << i;
    }
    return out;
  }

  /** A heap copy of a (mapped) block, for the whole-column decoders above. */
  static byte[] bytes(ByteBuffer block) {
    byte[] out = new byte[block.limit()];
    block.get(0, out);
    return out;
  }

  /** Values of rows {@code positions[0..count)} of a long block of {@code rows} rows. */
  static long[] longsAt(ByteBuffer block, int rows, int[] positions, int count, String name) {
    if (block.limit() < 9) throw new CorruptStoreException(name + ": long block size mismatch");
    long base = block.getLong(0);
    int width = block.get(8) & 0xFF;
    if (width > 64 || block.limit() - 9 != BitPacking.packedBytes(rows, width)) {
      throw new CorruptStoreException(name + ": long block size mismatch");
    }
    long[] out = new long[count];
    long mask = width == 64 ? -1L : (1L << width) - 1;
    for (int i = 0; i < count; i++) {
      out[i] = width == 0 ? base : base + (bits(block, 9, (long) positions[i] * width, width) & mask);
    }
    return out;
  }

  static double[] doublesAt(ByteBuffer block, int rows, int[] positions, int count, String name) {
    if (block.limit() != rows * 8L) throw new CorruptStoreException(name + ": real block size mismatch");
    double[] out = new double[count];
    for (int i = 0; i < count; i++) out[i] = Double.longBitsToDouble(block.getLong(positions[i] * 8));
    return out;
  }

  static byte[] boolsAt(ByteBuffer block, int rows, int[] positions, int count, String name) {
    if (block.limit() != BitPacking.packedBytes(rows, 1)) {
      throw new CorruptStoreException(name + ": bool block size mismatch");
    }
    byte[] out = new byte[count];
    for (int i = 0; i < count; i++) {
      int r = positions[i];
      out[i] = (byte) ((block.get(r >>> 3) >>> (r & 7)) & 1);
    }
    return out;
  }

  private static int codeWidth(ByteBuffer block, int rows, String name) {
    if (block.limit() < 1) throw new CorruptStoreException(name + ": empty code block");
    int width = block.get(0) & 0xFF;
    if (width > 32 || block.limit() - 1 != BitPacking.packedBytes(rows, width)) {
      throw new CorruptStoreException(name + ": code block size mismatch");
    }
    return width;
  }

  /** Codes of rows {@code positions[0..count)}; each must index a dictionary of {@code entries}. */
  static int[] codesAt(ByteBuffer block, int rows, int entries, int[] positions, int count, String name) {
    int width = codeWidth(block, rows, name);
    int[] out = new int[count];
    long mask = (1L << width) - 1;
    for (int i = 0; i < count; i++) {
      int c = width == 0 ? 0 : (int) (bits(block, 1, (long) positions[i] * width, width) & mask);
      if (c >= entries) throw new CorruptStoreException(name + ": code out of range");
      out[i] = c;
    }
    return out;
  }

  /**
   * The rows of a code block of {@code rows} rows whose code has a true verdict, ascending, written to
   * {@code out} (of at least {@code rows}); returns how many. One pass over the packed bits without
   * materialising the codes: the cold path of a scan's first condition.
   */
  static int selectCodes(byte[] block, int rows, boolean[] verdicts, int[] out, String name) {
    if (block.length < 1) throw new CorruptStoreException(name + ": empty code block");
    int width = block[0] & 0xFF;
    if (width > 32 || block.length - 1 != BitPacking.packedBytes(rows, width)) {
      throw new CorruptStoreException(name + ": code block size mismatch");
    }
    int entries = verdicts.length;
    if (width == 0) {
      if (entries == 0) throw new CorruptStoreException(name + ": code out of range");
      if (!verdicts[0]) return 0;
      for (int r = 0; r < rows; r++) out[r] = r;
      return rows;
    }
    int count = 0;
    int r = 0;
    long[] wanted = wantedLanes(verdicts, width);
    if (wanted != null) {
      // Whole 64-bit words of lanes, tested a word at a time: only words holding a wanted code are
      // taken apart. Pays when few codes are wanted (a has-filter on a low-cardinality column).
      int perWord = 64 / width;
      int words = Math.min(rows / perWord, (block.length - 1) / 8);
      long ones = wanted[wanted.length - 1];
      long highs = ones << (width - 1);
      long mask = width == 64 ? -1L : (1L << width) - 1;
      for (int w = 0; w < words; w++) {
        long word = (long) LONGS.get(block, 1 + 8 * w);
        boolean hit = false;
        for (int k = 0; k < wanted.length - 1 && !hit; k++) {
          long x = word ^ wanted[k];
          hit = width == 1 ? ~x != 0 : ((x - ones) & ~x & highs) != 0;
        }
        if (!hit) continue;
        int base = w * perWord;
        for (int lane = 0; lane < perWord; lane++) {
          int c = (int) ((word >>> (lane * width)) & mask);
          if (c >= entries) throw new CorruptStoreException(name + ": code out of range");
          out[count] = base + lane;
          count += verdicts[c] ? 1 : 0;
        }
      }
      r = words * perWord;
    }
    long mask = (1L << width) - 1;
    // Rows whose 8-byte window lies inside the block read one unaligned long each (width <= 32 plus a
    // shift <= 7 never leave it); the last few rows take the careful path.
    int fast = (int) Math.max(0, Math.min(rows, ((long) (block.length - 1 - 8) * 8) / width - 1));
    long bitPos = (long) r * width;
    for (; r < fast; r++, bitPos += width) {
      int c = (int) (((long) LONGS.get(block, 1 + (int) (bitPos >>> 3)) >>> (bitPos & 7)) & mask);
      if (c >= entries) throw new CorruptStoreException(name + ": code out of range");
      out[count] = r;
      count += verdicts[c] ? 1 : 0;
    }
    ByteBuffer tail = ByteBuffer.wrap(block).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (; r < rows; r++, bitPos += width) {
      int c = (int) (bits(tail, 1, bitPos, width) & mask);
      if (c >= entries) throw new CorruptStoreException(name + ": code out of range");
      out[count] = r;
      count += verdicts[c] ? 1 : 0;
    }
    return count;
  }

  /**
   * For a lane width dividing 64 and at most four wanted codes: each wanted code repeated in every
   * lane of a word, then (last) 1 in every lane; null when the word-at-a-time test does not apply.
   */
  private static long[] wantedLanes(boolean[] verdicts, int width) {
    if (64 % width != 0) return null;
    long ones = 0;
    for (int lane = 0; lane < 64 / width; lane++) ones |= 1L << (lane * width);
    long[] out = new long[5];
    int n = 0;
    for (int c = 0; c < verdicts.length; c++) {
      if (!verdicts[c]) continue;
      if (n == 4) return null;
      out[n++] = ones * c; // c < 2^width, so the product repeats c in every lane without carries
    }
    out[n] = ones;
    return java.util.Arrays.copyOf(out, n + 1);
  }

  /** The bits of the packed stream starting at byte {@code offset} from stream bit {@code bitPos} (unmasked). */
  private static long bits(ByteBuffer in, int offset, long bitPos, int width) {
    int at = offset + (int) (bitPos >>> 3);
    int shift = (int) (bitPos & 7);
    int end = in.limit();
    long word;
    if (at + 8 <= end) {
      word = in.getLong(at);
    } else {
      word = 0;
      for (int b = 0; b < 8 && at + b < end; b++) word |= (long) (in.get(at + b) & 0xFF) << (8 * b);
    }
    long v = word >>> shift;
    if (shift + width > 64) v |= (long) (in.get(at + 8) & 0xFF) << (64 - shift);
    return v;
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
}
