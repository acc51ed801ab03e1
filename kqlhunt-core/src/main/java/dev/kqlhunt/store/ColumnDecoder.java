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
}
