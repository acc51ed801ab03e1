package dev.kqlhunt.pack;

import java.util.Set;

/**
 * An open-addressing hash set of folded keys that is probed with chars in a buffer, so that looking up
 * every term of a dictionary entry allocates nothing. Immutable after construction.
 */
final class KeyTable {
  private final String[] slots;
  private final int[] ids;
  private final String[] keys;
  private final int mask;
  /** Bit {@code n} set when a key has length {@code n} (lengths of 63 and more share bit 63). */
  private final long lengths;

  KeyTable(Set<String> keySet) {
    keys = keySet.toArray(new String[0]);
    long bits = 0;
    for (String k : keys) bits |= 1L << Math.min(63, k.length());
    lengths = bits;
    int capacity = Integer.highestOneBit(Math.max(4, keys.length * 3)) << 1;
    slots = new String[capacity];
    ids = new int[capacity];
    mask = capacity - 1;
    for (int id = 0; id < keys.length; id++) {
      String k = keys[id];
      int i = hash(k) & mask;
      while (slots[i] != null) i = (i + 1) & mask;
      slots[i] = k;
      ids[i] = id;
    }
  }

  int size() {
    return keys.length;
  }

  String key(int id) {
    return keys[id];
  }

  /** Whether some key may have {@code length} chars (a cheap test before folding a whole value). */
  boolean hasLength(int length) {
    return (lengths & (1L << Math.min(63, length))) != 0;
  }

  /**
   * The id of the key spelled by {@code chars[from..from+length)} (whose {@link #hash} is {@code
   * hash}), or -1.
   */
  int find(char[] chars, int from, int length, int hash) {
    if ((lengths & (1L << Math.min(63, length))) == 0) return -1;
    int i = hash & mask;
    while (true) {
      String s = slots[i];
      if (s == null) return -1;
      if (s.length() == length && equal(s, chars, from, length)) return ids[i];
      i = (i + 1) & mask;
    }
  }

  private static boolean equal(String s, char[] chars, int from, int length) {
    for (int k = 0; k < length; k++) if (s.charAt(k) != chars[from + k]) return false;
    return true;
  }

  /** The hash {@link #find} expects: {@code step} applied to each char, from 0. */
  static int hash(String s) {
    int h = 0;
    for (int i = 0; i < s.length(); i++) h = step(h, s.charAt(i));
    return spread(h);
  }

  static int step(int h, char c) {
    return 31 * h + c;
  }

  static int spread(int h) {
    return h ^ (h >>> 16);
  }
}
