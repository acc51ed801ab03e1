package dev.kqlhunt.ingest;

import dev.kqlhunt.json.JsonEscapes;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.symbols.TableSchema;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * The fast path of JSON-lines ingest: decodes one line holding a flat JSON object of a known table
 * straight from its UTF-8 bytes into per-column slots of that table's schema — no map, no boxed
 * value, no {@code String} per value (a string slot is a slice of the line, or of a scratch buffer
 * when it had escapes).
 *
 * <p>Contract: {@link #decode} returns true only when the general path ({@link JsonBytes}, {@link
 * JsonRecordRouter}, {@link TypingSink}) would accept the line as one row of this table with exactly
 * the values in the slots (stored representation: datetimes as ticks, guids as lowercase text, a
 * null string as empty). Whenever that is not certain — a key not in the schema (extra columns,
 * Streaming API and Event Hub envelopes), a duplicate or escaped key, a nested value, a number with a
 * fraction for a non-real column, text for a number column, a datetime in any style but ISO 8601 UTC,
 * invalid UTF-8, anything malformed — it returns false and the caller sends the line down the general
 * path, which accepts or rejects it exactly as before. So the fast path changes speed, never results.
 *
 * <p>Slots are valid until the next {@link #decode} (and, for slices of the line, while the line's
 * bytes are unchanged). Not thread-safe: one decoder per thread.
 */
public final class JsonRowDecoder {
  /** How a column's value is decoded and held. */
  private static final byte LONG = 0, INT = 1, DATETIME = 2, REAL = 3, BOOL = 4, STRING = 5, GUID = 6,
      NULL_ONLY = 7;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH = 0x8080808080808080L;
  private static final long QUOTES = '"' * ONES;
  private static final long BACKSLASHES = '\\' * ONES;
  private static final long CONTROL = 0x20 * ONES;

  private static final java.util.Set<String> ROUTED_KEYS = java.util.Set.of("category", "properties", "records");

  private final TableSchema schema;
  private final byte[][] names;
  private final byte[] kinds;
  private final int[] keySlots; // open addressing: column + 1, 0 empty
  private final int[] lastOrder; // column at each key position of the previous line
  private final int[] seen;
  private int epoch;

  private final long[] longs;
  private final double[] reals;
  private final boolean[] nulls;
  private final boolean[] inScratch;
  private final int[] offsets;
  private final int[] lengths;
  private final int[] hashes;
  private final boolean[] hashValid;
  private byte[] line;
  private byte[] scratch = new byte[1024];
  private int scratchSize;
  private final IsoTicks[] isoTicks; // per datetime column (each caches its last date)

  public JsonRowDecoder(TableSchema schema) {
    this.schema = schema;
    List<ColumnSymbol> cols = schema.columns();
    int n = cols.size();
    names = new byte[n][];
    kinds = new byte[n];
    keySlots = new int[Integer.highestOneBit(Math.max(4, n * 4)) * 2];
    for (int c = 0; c < n; c++) {
      names[c] = cols.get(c).name().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      kinds[c] = kindOf(cols.get(c).type());
      // Keys the router gives a meaning of their own (Streaming API, Event Hub) are never matched:
      // a line with them takes the general path even if the schema has such a column.
      if (ROUTED_KEYS.contains(cols.get(c).name())) continue;
      int mask = keySlots.length - 1;
      int i = keyHash(names[c], 0, names[c].length) & mask;
      while (keySlots[i] != 0) i = (i + 1) & mask;
      keySlots[i] = c + 1;
    }
    lastOrder = new int[n];
    Arrays.fill(lastOrder, -1);
    seen = new int[n];
    longs = new long[n];
    reals = new double[n];
    nulls = new boolean[n];
    inScratch = new boolean[n];
    offsets = new int[n];
    lengths = new int[n];
    hashes = new int[n];
    hashValid = new boolean[n];
    isoTicks = new IsoTicks[n];
    for (int c = 0; c < n; c++) if (kinds[c] == DATETIME) isoTicks[c] = new IsoTicks();
  }

  private static byte kindOf(ScalarType t) {
    return switch (t) {
      case LONG -> LONG;
      case INT -> INT;
      case DATETIME -> DATETIME;
      case REAL -> REAL;
      case BOOL -> BOOL;
      case STRING -> STRING;
      case GUID -> GUID;
      case DECIMAL, TIMESPAN, DYNAMIC, UNKNOWN -> NULL_ONLY;
    };
  }

  public TableSchema schema() {
    return schema;
  }

  /** Decodes {@code b[off..off+len)}; false when the line must take the general path (see class doc). */
  public boolean decode(byte[] b, int off, int len) {
    line = b;
    scratchSize = 0;
    if (++epoch == 0) {
      Arrays.fill(seen, 0);
      epoch = 1;
    }
    int end = off + len;
    int i = skipWs(b, off, end);
    if (i >= end || b[i] != '{') return false;
    i = skipWs(b, i + 1, end);
    if (i >= end) return false;
    int position = 0;
    if (b[i] == '}') {
      i++;
    } else {
      while (true) {
        if (b[i] != '"') return false;
        int keyStart = i + 1;
        int col = position < lastOrder.length ? lastOrder[position] : -1;
        int k;
        if (col >= 0 && sameKey(names[col], b, keyStart, end)) {
          // The previous line's key at this position, checked without scanning for its end quote.
          k = keyStart + names[col].length;
        } else {
          k = keyStart;
          while (k < end && b[k] != '"') {
            if (b[k] == '\\' || b[k] < 0x20) return false; // also bytes >= 0x80 (negative): no such column
            k++;
          }
          if (k >= end) return false;
          col = column(b, keyStart, k - keyStart);
        }
        if (col < 0 || seen[col] == epoch) return false;
        seen[col] = epoch;
        if (position < lastOrder.length) lastOrder[position] = col;
        position++;
        i = skipWs(b, k + 1, end);
        if (i >= end || b[i] != ':') return false;
        i = skipWs(b, i + 1, end);
        if (i >= end) return false;
        i = value(col, b, i, end);
        if (i < 0) return false;
        i = skipWs(b, i, end);
        if (i >= end) return false;
        if (b[i] == ',') {
          i = skipWs(b, i + 1, end);
          if (i >= end) return false;
          continue;
        }
        if (b[i] != '}') return false;
        i++;
        break;
      }
    }
    if (skipWs(b, i, end) != end) return false;
    for (int c = 0; c < seen.length; c++) {
      if (seen[c] != epoch) setNull(c);
    }
    return true;
  }

  private static int skipWs(byte[] b, int i, int end) {
    while (i < end) {
      byte c = b[i];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return i;
      i++;
    }
    return i;
  }

  /** The column named by the key {@code b[off..off+len)}, or -1. */
  private int column(byte[] b, int off, int len) {
    int mask = keySlots.length - 1;
    int i = keyHash(b, off, len) & mask;
    while (true) {
      int e = keySlots[i];
      if (e == 0) return -1;
      byte[] name = names[e - 1];
      if (Arrays.equals(name, 0, name.length, b, off, off + len)) return e - 1;
      i = (i + 1) & mask;
    }
  }

  /** Whether {@code b} at {@code at} holds {@code name} followed by its closing quote. */
  private static boolean sameKey(byte[] name, byte[] b, int at, int end) {
    int n = name.length;
    if (at + n >= end || b[at + n] != '"') return false;
    int k = 0;
    for (; k + 8 <= n; k += 8) {
      if ((long) LONGS.get(name, k) != (long) LONGS.get(b, at + k)) return false;
    }
    for (; k < n; k++) if (name[k] != b[at + k]) return false;
    return true;
  }

  private static int keyHash(byte[] b, int off, int len) {
    int h = len;
    for (int i = off; i < off + len; i++) h = h * 31 + b[i];
    return h ^ (h >>> 16);
  }

  private void setNull(int col) {
    hashValid[col] = false;
    nulls[col] = true;
    inScratch[col] = false;
    offsets[col] = 0;
    lengths[col] = 0;
  }

  /** Decodes the value at {@code i} into column {@code col}'s slot; the index after it, or -1. */
  private int value(int col, byte[] b, int i, int end) {
    hashValid[col] = false;
    byte c = b[i];
    if (c == 'n') {
      if (!literal(b, i, end, "null")) return -1;
      setNull(col);
      return i + 4;
    }
    if (c == '"') return string(col, b, i + 1, end);
    if (c == '-' || (c >= '0' && c <= '9')) return number(col, b, i, end);
    if (c == 't' || c == 'f') {
      if (kinds[col] != BOOL) return -1;
      boolean v = c == 't';
      if (!literal(b, i, end, v ? "true" : "false")) return -1;
      nulls[col] = false;
      longs[col] = v ? 1 : 0;
      return i + (v ? 4 : 5);
    }
    return -1; // objects, arrays and anything malformed
  }

  /** High bit set in each byte of {@code w} equal to the byte repeated in {@code pattern} (exact for the lowest). */
  private static long has(long w, long pattern) {
    long x = w ^ pattern;
    return (x - ONES) & ~x & HIGH;
  }

  private static boolean literal(byte[] b, int i, int end, String word) {
    if (i + word.length() > end) return false;
    for (int k = 0; k < word.length(); k++) if (b[i + k] != word.charAt(k)) return false;
    return true;
  }

  /** An integer literal ({@code -?(0|[1-9][0-9]*)}, at most 18 digits); fractions go the general way. */
  private int number(int col, byte[] b, int i, int end) {
    int start = i;
    boolean negative = b[i] == '-';
    if (negative) i++;
    int digitsStart = i;
    long v = 0;
    while (i < end && b[i] >= '0' && b[i] <= '9') {
      v = v * 10 + (b[i] - '0');
      i++;
    }
    int digits = i - digitsStart;
    if (digits == 0 || digits > 18 || (digits > 1 && b[digitsStart] == '0')) return -1;
    if (i < end && (b[i] == '.' || b[i] == 'e' || b[i] == 'E')) return -1;
    if (negative) v = -v;
    switch (kinds[col]) {
      case LONG -> longs[col] = v;
      case INT -> {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) return -1;
        longs[col] = v;
      }
      case REAL -> reals[col] = v;
      case STRING -> {
        if (negative && v == 0) return -1; // "-0" prints as "0"
        inScratch[col] = false;
        offsets[col] = start;
        lengths[col] = i - start;
      }
      default -> {
        return -1;
      }
    }
    nulls[col] = false;
    return i;
  }

  /** A string starting after its opening quote. */
  private int string(int col, byte[] b, int i, int end) {
    int start = i;
    boolean high = false;
    long highMask = HIGH;
    // The dictionary hash of the bytes, folded in while scanning as long as only whole words were seen.
    long h = ByteHash.SEED;
    boolean hashing = true;
    long tailWord = 0;
    int tailBytes = -1;
    while (true) {
      // Eight bytes at a time until a quote, a backslash, a control byte or (until the first) a byte >= 0x80.
      while (i + 8 <= end) {
        long w = (long) LONGS.get(b, i);
        long stop = has(w, QUOTES) | has(w, BACKSLASHES) | ((w - CONTROL) & ~w & HIGH) | (w & highMask);
        if (stop != 0) {
          int q = Long.numberOfTrailingZeros(stop) >>> 3;
          i += q;
          tailWord = w;
          tailBytes = q;
          break;
        }
        if (hashing) h = ByteHash.mix(h, w);
        i += 8;
      }
      if (i >= end) return -1;
      byte c = b[i];
      if (c == '"') break;
      if (c == '\\') return escapedString(col, b, start, i, end, high);
      if (c >= 0 && c < 0x20) return -1; // a raw control character
      high = true;
      highMask = 0;
      hashing = false;
      tailBytes = -1;
      i++;
    }
    int rawLen = i - start;
    int after = i + 1;
    if (high && Utf8.firstInvalid(b, start, rawLen) >= 0) return -1;
    byte kind = kinds[col];
    if (rawLen == 0) {
      if (kind == STRING) {
        nulls[col] = false;
        inScratch[col] = false;
        offsets[col] = start;
        lengths[col] = 0;
      } else {
        setNull(col); // empty text is null for every type but string
      }
      return after;
    }
    return switch (kind) {
      case STRING -> {
        nulls[col] = false;
        inScratch[col] = false;
        offsets[col] = start;
        lengths[col] = rawLen;
        if (hashing && tailBytes >= 0) {
          long tail = tailBytes == 0 ? 0 : tailWord & (-1L >>> (64 - 8 * tailBytes));
          hashes[col] = ByteHash.finish(h, tail, rawLen);
          hashValid[col] = true;
        }
        yield after;
      }
      case GUID -> guid(col, b, start, rawLen) ? after : -1;
      case DATETIME -> datetime(col, b, start, rawLen) ? after : -1;
      default -> -1; // text for a number, bool, dynamic...: the general path converts or rejects it
    };
  }

  /**
   * The rest of a string column's string that has escapes, from its first backslash at {@code i}:
   * unescaped into the scratch buffer while scanning, eight bytes at a time between escapes (Windows
   * paths have many). Other types with escaped text take the general path.
   */
  private int escapedString(int col, byte[] b, int start, int i, int end, boolean high) {
    if (kinds[col] != STRING) return -1;
    ensureScratch(end - start + 8); // the output is never longer than the input; +8 for word writes
    byte[] out = scratch;
    int first = scratchSize;
    int o = first + (i - start);
    System.arraycopy(b, start, out, first, i - start);
    long highMask = high ? 0 : HIGH;
    while (true) {
      byte c = b[i]; // a stop byte
      if (c == '"') break;
      if (c == '\\') {
        if (i + 1 >= end) return -1;
        byte e = b[i + 1];
        int simple = JsonEscapes.simple(e);
        if (simple == JsonEscapes.INVALID) return -1;
        if (simple >= 0) {
          out[o++] = (byte) simple;
          i += 2;
        } else {
          if (i + 6 > end) return -1;
          int cp = 0;
          for (int k = 2; k < 6; k++) {
            int d = Character.digit(b[i + k], 16);
            if (d < 0) return -1;
            cp = cp * 16 + d;
          }
          if (cp >= 0xD800 && cp <= 0xDFFF) return -1; // surrogates: the general path decides
          i += 6;
          if (cp < 0x80) {
            out[o++] = (byte) cp;
          } else if (cp < 0x800) {
            out[o++] = (byte) (0xC0 | cp >> 6);
            out[o++] = (byte) (0x80 | (cp & 0x3F));
          } else {
            out[o++] = (byte) (0xE0 | cp >> 12);
            out[o++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            out[o++] = (byte) (0x80 | (cp & 0x3F));
          }
        }
      } else if (c >= 0 && c < 0x20) {
        return -1; // a raw control character
      } else {
        high = true; // a byte >= 0x80: copied; the raw string is validated below
        highMask = 0;
        out[o++] = c;
        i++;
      }
      // Copy up to the next stop byte, a word at a time (a word may spill past it: scratch has room).
      boolean stopped = false;
      while (i + 8 <= end) {
        long w = (long) LONGS.get(b, i);
        long stop = has(w, QUOTES) | has(w, BACKSLASHES) | ((w - CONTROL) & ~w & HIGH) | (w & highMask);
        LONGS.set(out, o, w);
        if (stop != 0) {
          int q = Long.numberOfTrailingZeros(stop) >>> 3;
          i += q;
          o += q;
          stopped = true;
          break;
        }
        i += 8;
        o += 8;
      }
      if (!stopped) {
        while (i < end) {
          byte d = b[i];
          if (d == '"' || d == '\\' || (d >= 0 && d < 0x20) || (d < 0 && highMask != 0)) break;
          out[o++] = d;
          i++;
        }
        if (i >= end) return -1;
      }
    }
    if (high && Utf8.firstInvalid(b, start, i - start) >= 0) return -1;
    nulls[col] = false;
    inScratch[col] = true;
    offsets[col] = first;
    lengths[col] = o - first;
    scratchSize = o;
    return i + 1;
  }

  private void ensureScratch(int more) {
    if (scratchSize + more > scratch.length) {
      scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, scratchSize + more));
    }
  }

  /** A canonical 8-4-4-4-12 guid; stored lowercase, as the general path prints a UUID. */
  private boolean guid(int col, byte[] b, int from, int len) {
    if (len != 36) return false;
    ensureScratch(36);
    for (int k = 0; k < 36; k++) {
      byte c = b[from + k];
      if (k == 8 || k == 13 || k == 18 || k == 23) {
        if (c != '-') return false;
      } else if (c >= 'A' && c <= 'F') {
        c += 'a' - 'A';
      } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
      scratch[scratchSize + k] = c;
    }
    nulls[col] = false;
    inScratch[col] = true;
    offsets[col] = scratchSize;
    lengths[col] = 36;
    scratchSize += 36;
    return true;
  }

  private boolean datetime(int col, byte[] b, int p, int len) {
    long ticks = isoTicks[col].ticks(b, p, len);
    if (ticks == Long.MIN_VALUE) return false;
    longs[col] = ticks;
    nulls[col] = false;
    return true;
  }

  // --- slots ---

  public int columnCount() {
    return names.length;
  }

  public boolean isNull(int col) {
    return nulls[col];
  }

  /** int, long, bool (1/0) and datetime (ticks) columns. */
  public long longValue(int col) {
    return longs[col];
  }

  public double realValue(int col) {
    return reals[col];
  }

  /** The array holding a string or guid column's UTF-8 bytes (a null string is empty). */
  public byte[] bytes(int col) {
    return inScratch[col] ? scratch : line;
  }

  public int offset(int col) {
    return offsets[col];
  }

  public int length(int col) {
    return lengths[col];
  }

  /** {@link ByteHash#of} of a string or guid column's bytes (mostly computed while scanning). */
  public int hash(int col) {
    if (hashValid[col]) return hashes[col];
    hashValid[col] = true;
    return hashes[col] = ByteHash.of(bytes(col), offsets[col], lengths[col]);
  }
}
