package dev.kqlhunt.store;

import dev.kqlhunt.ingest.ByteHash;
import dev.kqlhunt.symbols.ScalarType;
import java.util.Arrays;

/**
 * The values of one column of a segment being built, appended row by row and encoded once into the
 * blocks {@link SegmentFile} describes. Each subclass keeps a primitive array plus a null bitmap, so
 * a buffered row costs a few bytes per column, not a boxed value. Single-threaded.
 */
abstract sealed class ColumnBuffer {
  /** One encoded column: its stats and its four blocks (an absent block is an empty array). */
  record Encoded(ColumnStats stats, byte[] nulls, byte[] dictionary, byte[] data, byte[] postings) {
    Encoded(ColumnStats stats, byte[] nulls, byte[] dictionary, byte[] data) {
      this(stats, nulls, dictionary, data, new byte[0]);
    }
  }

  final String name;
  final ScalarType type;
  int size;
  long[] nullWords = new long[4];
  long nullCount;

  ColumnBuffer(String name, ScalarType type) {
    this.name = name;
    this.type = type;
  }

  /** A buffer for a column of stored type {@code type} (see {@link StoredTypes#storedType}). */
  static ColumnBuffer create(String name, ScalarType type) {
    return create(name, type, null);
  }

  /** {@link #create(String, ScalarType)} taking its value array from {@code pool} (null: none). */
  static ColumnBuffer create(String name, ScalarType type, BufferPool pool) {
    return switch (type) {
      case INT, LONG, DATETIME, TIMESPAN -> new LongColumn(name, type, pool == null ? new long[1024] : pool.longs());
      case REAL -> new RealColumn(name);
      case BOOL -> new BoolColumn(name);
      case STRING, DYNAMIC -> new DictColumn(name, type, pool == null ? new int[1024] : pool.ints());
      case GUID, DECIMAL, UNKNOWN -> throw new IllegalArgumentException("not a stored type: " + type);
    };
  }

  /** Appends one value; null (or a value that does not convert) appends a null. */
  final void append(Object value) throws StoredTypes.Mismatch {
    if (value == null) {
      appendNull();
      return;
    }
    try {
      appendValue(value);
    } catch (StoredTypes.Mismatch e) {
      appendNull();
      throw e;
    }
  }

  abstract void appendValue(Object value) throws StoredTypes.Mismatch;

  abstract void appendNull();

  /** Appends {@code n} nulls: a column that first appears after {@code n} rows. */
  final void padNulls(int n) {
    for (int i = 0; i < n; i++) appendNull();
  }

  final void markNull() {
    int word = size >>> 6;
    if (word >= nullWords.length) nullWords = Arrays.copyOf(nullWords, Math.max(word + 1, nullWords.length * 2));
    nullWords[word] |= 1L << size;
    nullCount++;
  }

  /** Whether row {@code i} is null; the bitmap only grows as far as the last null. */
  final boolean isNull(int i) {
    int word = i >>> 6;
    return word < nullWords.length && (nullWords[word] & (1L << i)) != 0;
  }

  final byte[] encodeNulls() {
    if (nullCount == 0) return new byte[0];
    ByteSink out = new ByteSink(((size + 63) >>> 6) * 8);
    int words = (size + 63) >>> 6;
    for (int w = 0; w < words; w++) out.i64(w < nullWords.length ? nullWords[w] : 0);
    return out.toArray();
  }

  abstract Encoded encode();

  /** Gives this buffer's value array to {@code pool}; the buffer must not be used afterwards. */
  void recycle(BufferPool pool) {}

  /** Approximate heap bytes held, for the writer's memory budget. */
  abstract long bufferedBytes();

  static final class LongColumn extends ColumnBuffer {
    private long[] values;

    LongColumn(String name, ScalarType type, long[] values) {
      super(name, type);
      this.values = values;
    }

    @Override
    void recycle(BufferPool pool) {
      pool.give(values);
      values = null;
    }

    @Override
    void appendValue(Object value) throws StoredTypes.Mismatch {
      long v = StoredTypes.toLong(type, value);
      if (type == ScalarType.INT && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
        throw new StoredTypes.Mismatch("out of int range");
      }
      put(v);
    }

    /** Appends a value already in the stored representation (ticks for datetime/timespan). */
    void appendLong(long v) {
      put(v);
    }

    @Override
    void appendNull() {
      markNull();
      put(0);
    }

    private void put(long v) {
      if (size == values.length) values = Arrays.copyOf(values, size * 2);
      values[size++] = v;
    }

    @Override
    Encoded encode() {
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (int i = 0; i < size; i++) {
        if (nullCount > 0 && isNull(i)) continue;
        min = Math.min(min, values[i]);
        max = Math.max(max, values[i]);
      }
      boolean any = min <= max;
      long base = any ? min : 0;
      // Nulls hold 0 in the buffer; store them as base so every difference is non-negative.
      long[] shifted = values;
      if (nullCount > 0) {
        shifted = Arrays.copyOf(values, size);
        for (int i = 0; i < size; i++) if (isNull(i)) shifted[i] = base;
      }
      int width = any ? BitPacking.width(max - base) : 0;
      if (any && max - base < 0) width = 64; // the range overflows a signed long
      ByteSink data = new ByteSink(BitPacking.packedBytes(size, width) + 9);
      data.i64(base);
      data.u8(width);
      byte[] packed = BitPacking.packLongs(shifted, size, base, width);
      data.bytes(packed, 0, packed.length);
      ColumnStats stats = new ColumnStats(name, type, nullCount, 0, any, any ? min : 0, any ? max : 0);
      return new Encoded(stats, encodeNulls(), new byte[0], data.toArray());
    }

    @Override
    long bufferedBytes() {
      return 8L * values.length + 8L * nullWords.length;
    }
  }

  static final class RealColumn extends ColumnBuffer {
    private double[] values = new double[1024];

    RealColumn(String name) {
      super(name, ScalarType.REAL);
    }

    @Override
    void appendValue(Object value) throws StoredTypes.Mismatch {
      put(StoredTypes.toReal(value));
    }

    void appendReal(double v) {
      put(v);
    }

    @Override
    void appendNull() {
      markNull();
      put(0);
    }

    private void put(double v) {
      if (size == values.length) values = Arrays.copyOf(values, size * 2);
      values[size++] = v;
    }

    @Override
    Encoded encode() {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      boolean any = false;
      ByteSink data = new ByteSink(8 * size);
      for (int i = 0; i < size; i++) {
        data.i64(Double.doubleToRawLongBits(values[i]));
        boolean isNull = nullCount > 0 && isNull(i);
        if (isNull || Double.isNaN(values[i])) continue;
        any = true;
        min = Math.min(min, values[i]);
        max = Math.max(max, values[i]);
      }
      ColumnStats stats =
          new ColumnStats(name, type, nullCount, 0, any,
              Double.doubleToLongBits(any ? min : 0), Double.doubleToLongBits(any ? max : 0));
      return new Encoded(stats, encodeNulls(), new byte[0], data.toArray());
    }

    @Override
    long bufferedBytes() {
      return 8L * values.length + 8L * nullWords.length;
    }
  }

  static final class BoolColumn extends ColumnBuffer {
    private int[] values = new int[1024];

    BoolColumn(String name) {
      super(name, ScalarType.BOOL);
    }

    @Override
    void appendValue(Object value) throws StoredTypes.Mismatch {
      put(StoredTypes.toBool(value) ? 1 : 0);
    }

    void appendBool(boolean v) {
      put(v ? 1 : 0);
    }

    @Override
    void appendNull() {
      markNull();
      put(0);
    }

    private void put(int v) {
      if (size == values.length) values = Arrays.copyOf(values, size * 2);
      values[size++] = v;
    }

    @Override
    Encoded encode() {
      byte[] data = BitPacking.packInts(values, size, 1);
      ColumnStats stats = new ColumnStats(name, type, nullCount, 0, false, 0, 0);
      return new Encoded(stats, encodeNulls(), new byte[0], data);
    }

    @Override
    long bufferedBytes() {
      return 4L * values.length + 8L * nullWords.length;
    }
  }

  /** Strings (never null: a null is the empty string) and dynamic values as compact JSON text. */
  static final class DictColumn extends ColumnBuffer {
    private static final byte[] EMPTY = new byte[0];
    private final ByteDictionary dictionary = new ByteDictionary();
    private int[] codes;
    private int emptyCode = -1;
    private int lastCode = -1; // of the last appendBytes: consecutive rows often repeat a value
    private int lastHash;

    DictColumn(String name, ScalarType type, int[] codes) {
      super(name, type);
      this.codes = codes;
    }

    @Override
    void recycle(BufferPool pool) {
      pool.give(codes);
      codes = null;
    }

    @Override
    void appendValue(Object value) {
      String text =
          type == ScalarType.STRING ? StoredTypes.toText(value) : StoredTypes.toDynamicText(value);
      put(dictionary.intern(text));
    }

    /** Appends the value whose UTF-8 bytes (for dynamic: compact JSON text) are {@code b[off..off+len)}. */
    void appendBytes(byte[] b, int off, int len) {
      appendBytes(b, off, len, ByteHash.of(b, off, len));
    }

    /** {@link #appendBytes(byte[], int, int)} with the value's {@link ByteHash} already known. */
    void appendBytes(byte[] b, int off, int len, int hash) {
      int last = lastCode;
      if (last < 0 || hash != lastHash || !dictionary.entryEquals(last, b, off, len)) {
        last = lastCode = dictionary.intern(b, off, len, hash);
        lastHash = hash;
      }
      put(last);
    }

    @Override
    void appendNull() {
      if (type == ScalarType.STRING) {
        if (emptyCode < 0) emptyCode = dictionary.intern(EMPTY, 0, 0);
        put(emptyCode);
      } else {
        markNull();
        put(0);
      }
    }

    private void put(int code) {
      if (size == codes.length) codes = Arrays.copyOf(codes, size * 2);
      codes[size++] = code;
    }

    @Override
    Encoded encode() {
      ByteSink dict = new ByteSink((int) Math.min(Integer.MAX_VALUE - 64,
          dictionary.entryBytes() + 5L * dictionary.size() + 16));
      dictionary.writeTo(dict);
      int width = BitPacking.width(Math.max(0, dictionary.size() - 1));
      ByteSink data = new ByteSink(BitPacking.packedBytes(size, width) + 1);
      data.u8(width);
      byte[] packed = BitPacking.packInts(codes, size, width);
      data.bytes(packed, 0, packed.length);
      ColumnStats stats = new ColumnStats(name, type, nullCount, dictionary.size(), false, 0, 0);
      byte[] postings = type == ScalarType.STRING && Postings.wanted(size, dictionary.size())
          ? Postings.encode(codes, size, dictionary.size()) : new byte[0];
      return new Encoded(stats, encodeNulls(), dict.toArray(), data.toArray(), postings);
    }

    @Override
    long bufferedBytes() {
      return 4L * codes.length + dictionary.heapBytes() + 8L * nullWords.length;
    }
  }
}
