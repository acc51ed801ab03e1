package dev.kqlhunt.exec.vector;

import java.util.Arrays;
import java.util.Objects;

/**
 * Assigns dense codes to distinct strings in first-seen order, with an open-addressing hash table
 * (linear probing, load factor ≤ 0.5) so {@link #add} costs one hash and usually one compare and
 * allocates only when it grows. Single-threaded.
 */
public final class StringDictionaryBuilder {
  private String[] entries = new String[16];
  private int[] hashes = new int[16];
  /** Slots hold code + 1; 0 means empty. */
  private int[] table = new int[32];
  private int size;
  private StringDictionary lastBuilt;

  /** Returns the code of {@code value}, adding it if new. */
  public int add(String value) {
    Objects.requireNonNull(value, "Kusto strings are never null; use the empty string");
    int hash = value.hashCode();
    int mask = table.length - 1;
    int slot = mix(hash) & mask;
    while (true) {
      int entry = table[slot];
      if (entry == 0) break;
      int code = entry - 1;
      if (hashes[code] == hash && entries[code].equals(value)) return code;
      slot = (slot + 1) & mask;
    }
    return insert(value, hash, slot);
  }

  private int insert(String value, int hash, int slot) {
    int code = size++;
    if (code == entries.length) {
      entries = Arrays.copyOf(entries, code * 2);
      hashes = Arrays.copyOf(hashes, code * 2);
    }
    entries[code] = value;
    hashes[code] = hash;
    table[slot] = code + 1;
    if (size * 2 > table.length) rehash();
    return code;
  }

  private void rehash() {
    int[] bigger = new int[table.length * 2];
    int mask = bigger.length - 1;
    for (int code = 0; code < size; code++) {
      int slot = mix(hashes[code]) & mask;
      while (bigger[slot] != 0) slot = (slot + 1) & mask;
      bigger[slot] = code + 1;
    }
    table = bigger;
  }

  /** Spreads String.hashCode's weak low bits before masking. */
  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  public int size() {
    return size;
  }

  /**
   * Freezes the entries added so far; the builder stays usable. Costs a copy of the entries, except
   * that nothing added since the last call returns the same instance, so the batches of a segment
   * built from one shared builder share one dictionary object (and predicate verdicts cached by
   * dictionary identity stay valid for all of them).
   */
  public StringDictionary build() {
    if (lastBuilt == null || lastBuilt.size() != size) lastBuilt = new StringDictionary(entries, size);
    return lastBuilt;
  }
}
