package dev.kqlhunt.store;

import dev.kqlhunt.ingest.ByteHash;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The distinct values of a string (or dynamic) column being built, keyed by their UTF-8 bytes: codes
 * are dense, in first-seen order. Interning from a byte slice allocates nothing for a value already
 * present, so the JSON fast path never makes a {@code String} per value. All entry bytes live in one
 * arena; the table is open addressing over entry numbers. Single-threaded.
 */
final class ByteDictionary {
  private byte[] arena = new byte[1 << 12];
  private int arenaSize;
  /** Per entry: its start in the arena at [2 * code], its length at [2 * code + 1] (one cache line). */
  private int[] entries = new int[128];
  private int count;
  /**
   * Per slot: the entry's hash in the high 32 bits, entry number + 1 in the low ones; 0 is an empty
   * slot. Keeping the hash in the slot means a probe touches the entry only on a likely match (the
   * arrays of a column with a million distinct values do not fit in a cache). Length: a power of two.
   */
  private long[] slots = new long[128];

  int size() {
    return count;
  }

  /** Bytes held by the entries (UTF-8). */
  long entryBytes() {
    return arenaSize;
  }

  /** Approximate heap bytes held. */
  long heapBytes() {
    return arena.length + 4L * entries.length + 8L * slots.length;
  }

  /** The code of the value {@code b[off..off+len)}, adding it when new. */
  int intern(byte[] b, int off, int len) {
    return intern(b, off, len, ByteHash.of(b, off, len));
  }

  /** {@link #intern(byte[], int, int)} with the value's {@link ByteHash} already known. */
  int intern(byte[] b, int off, int len, int h) {
    int mask = slots.length - 1;
    int i = h & mask;
    while (true) {
      long e = slots[i];
      if (e == 0) break;
      if ((int) (e >>> 32) == h) {
        int code = (int) e - 1;
        if (entries[2 * code + 1] == len && entryEquals(code, b, off, len)) return code;
      }
      i = (i + 1) & mask;
    }
    return add(b, off, len, h, i);
  }

  /** Whether entry {@code code} is {@code b[off..off+len)}. */
  boolean entryEquals(int code, byte[] b, int off, int len) {
    int start = entries[2 * code];
    return entries[2 * code + 1] == len && Arrays.equals(arena, start, start + len, b, off, off + len);
  }

  /** The code of {@code s} (as UTF-8), adding it when new. */
  int intern(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return intern(b, 0, b.length);
  }

  private int add(byte[] b, int off, int len, int h, int slot) {
    if (2 * count == entries.length) entries = Arrays.copyOf(entries, entries.length * 2);
    if (arenaSize + len > arena.length) {
      long want = Math.max((long) arena.length * 2, (long) arenaSize + len);
      if (want > Integer.MAX_VALUE - 16) throw new IllegalStateException("dictionary over 2 GiB");
      arena = Arrays.copyOf(arena, (int) want);
    }
    System.arraycopy(b, off, arena, arenaSize, len);
    int code = count++;
    entries[2 * code] = arenaSize;
    entries[2 * code + 1] = len;
    arenaSize += len;
    slots[slot] = ((long) h << 32) | (code + 1);
    if (count * 2 > slots.length) rehash();
    return code;
  }

  private void rehash() {
    long[] next = new long[slots.length * 2];
    int mask = next.length - 1;
    for (long e : slots) {
      if (e == 0) continue;
      int i = (int) (e >>> 32) & mask;
      while (next[i] != 0) i = (i + 1) & mask;
      next[i] = e;
    }
    slots = next;
  }

  /** Writes {@code varint count} then each entry as varint length + bytes (SegmentFile's strings). */
  void writeTo(ByteSink out) {
    out.varint(count);
    for (int code = 0; code < count; code++) {
      out.varint(entries[2 * code + 1]);
      out.bytes(arena, entries[2 * code], entries[2 * code + 1]);
    }
  }
}
