package dev.kqlhunt.value;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable hash set of strings that answers "is the char range {@code s[from, to)} a member?"
 * without allocating, optionally ignoring case (with {@link CharFold#fold}). This is what makes
 * {@code has_any} with a long needle list one pass over the value's terms instead of one pass per
 * needle, and {@code in~} allocation-free. Open addressing, linear probing, load ≤ 0.5.
 */
final class FoldedStringSet {
  private final boolean caseSensitive;
  private final char[][] entries;
  private final int[] hashes;
  /** Slots hold entry index + 1; 0 means empty. */
  private final int[] table;
  /** Bit k set when some member has length k (k < 64), bit 63 also for longer ones: a cheap reject. */
  private final long lengths;

  FoldedStringSet(List<String> values, boolean caseSensitive) {
    this.caseSensitive = caseSensitive;
    char[][] distinct = new char[values.size()][];
    int[] h = new int[values.size()];
    int size = 0;
    int capacity = Integer.highestOneBit(Math.max(4, values.size() * 2)) << 1;
    int[] slots = new int[capacity];
    for (String v : values) {
      char[] key = normalise(v);
      int hash = hash(key);
      if (contains(slots, distinct, h, key, hash)) continue;
      distinct[size] = key;
      h[size] = hash;
      int slot = hash & (capacity - 1);
      while (slots[slot] != 0) slot = (slot + 1) & (capacity - 1);
      slots[slot] = ++size;
    }
    this.entries = Arrays.copyOf(distinct, size);
    this.hashes = Arrays.copyOf(h, size);
    this.table = slots;
    long bits = 0;
    for (char[] e : entries) bits |= 1L << Math.min(e.length, 63);
    this.lengths = bits;
  }

  int size() {
    return entries.length;
  }

  /** The index of the member equal to {@code s[from, to)}, or -1. */
  int indexOf(CharSequence s, int from, int to) {
    if ((lengths & (1L << Math.min(to - from, 63))) == 0) return -1;
    int hash = hash(s, from, to);
    int mask = table.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      int e = table[slot];
      if (e == 0) return -1;
      if (hashes[e - 1] == hash && equal(entries[e - 1], s, from, to)) return e - 1;
    }
  }

  private int hash(CharSequence s, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      h = 31 * h + (caseSensitive ? c : CharFold.fold(c));
    }
    return mix(h);
  }

  private boolean equal(char[] key, CharSequence s, int from, int to) {
    if (key.length != to - from) return false;
    for (int i = 0; i < key.length; i++) {
      char c = s.charAt(from + i);
      if ((caseSensitive ? c : CharFold.fold(c)) != key[i]) return false;
    }
    return true;
  }

  private char[] normalise(String v) {
    char[] key = v.toCharArray();
    if (!caseSensitive) {
      for (int i = 0; i < key.length; i++) key[i] = CharFold.fold(key[i]);
    }
    return key;
  }

  /** Same function as {@link #hash(CharSequence, int, int)} over an already normalised key. */
  private static int hash(char[] key) {
    int h = 0;
    for (char c : key) h = 31 * h + c;
    return mix(h);
  }

  private static boolean contains(int[] slots, char[][] keys, int[] hashes, char[] key, int hash) {
    int mask = slots.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      int e = slots[slot];
      if (e == 0) return false;
      if (hashes[e - 1] == hash && Arrays.equals(keys[e - 1], key)) return true;
    }
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 15);
  }
}
