package dev.kqlhunt.store;

import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * A segment's dictionary block, indexed but decoded entry by entry on demand: finding where each
 * entry starts costs one pass over the length prefixes; a {@code String} is made only for the entries
 * asked for. A scan that keeps few rows of a high-cardinality column (command lines) thus decodes a
 * few entries, not the whole dictionary.
 *
 * <p>Thread-safe: decoded entries are cached in an array whose racy writes only ever store equal,
 * immutable strings.
 */
final class LazyDictionary {
  private final byte[] block;
  private final int[] start;
  private final int[] length;
  private final String[] decoded;

  /** Indexes a dictionary block of {@code expected} entries; a malformed block is {@link CorruptStoreException}. */
  LazyDictionary(byte[] block, int expected, String name) {
    ByteSource in = new ByteSource(block, 0, block.length, name + " dictionary");
    int count = block.length == 0 && expected == 0 ? 0 : in.varintInt();
    if (count != expected) throw new CorruptStoreException(name + ": dictionary size mismatch");
    this.block = block;
    this.start = new int[count];
    this.length = new int[count];
    for (int k = 0; k < count; k++) {
      int n = in.varintInt();
      start[k] = in.skip(n);
      length[k] = n;
    }
    this.decoded = new String[count];
  }

  /** The dictionary of a column a segment lacks: the one entry {@code ""}. */
  static LazyDictionary emptyString() {
    return new LazyDictionary(new byte[] {1, 0}, 1, "missing column");
  }

  int size() {
    return start.length;
  }

  String get(int code) {
    String s = decoded[code];
    if (s == null) {
      s = new String(block, start[code], length[code], StandardCharsets.UTF_8);
      decoded[code] = s;
    }
    return s;
  }

  /** {@code test} of every entry, and how many are true, in {@code count[0]}. */
  boolean[] evaluate(Predicate<String> test, int[] count) {
    boolean[] out = new boolean[start.length];
    int n = 0;
    for (int k = 0; k < out.length; k++) {
      boolean v = test.test(get(k));
      out[k] = v;
      n += v ? 1 : 0;
    }
    count[0] = n;
    return out;
  }

  /** Heap estimate once every entry is decoded: the block, the index and the strings. */
  long retainedBytes() {
    return 64 + block.length * 3L + start.length * 32L;
  }
}
