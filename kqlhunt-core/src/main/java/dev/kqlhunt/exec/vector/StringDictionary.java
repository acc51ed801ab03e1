package dev.kqlhunt.exec.vector;

import java.util.Arrays;
import java.util.Objects;

/**
 * The distinct strings of a batch or segment, addressed by code {@code 0..size-1}. Immutable; may be
 * shared by many {@link StringVector}s (all batches of a segment), which is what lets a predicate
 * be evaluated once per distinct value ({@link StringFilter#evaluate}). Entries are distinct.
 */
public final class StringDictionary {
  private final String[] entries;
  private final long retainedBytes;

  /** Copies {@code entries[0..size)}; they must be non-null and distinct (not re-checked). */
  public StringDictionary(String[] entries, int size) {
    Objects.requireNonNull(entries, "entries is null");
    this.entries = Arrays.copyOf(entries, size);
    long bytes = 16 + Vector.arrayBytes(size, 4);
    for (String s : this.entries) {
      Objects.requireNonNull(s, "dictionary entry is null");
      bytes += stringBytes(s);
    }
    this.retainedBytes = bytes;
  }

  public int size() {
    return entries.length;
  }

  public String get(int code) {
    return entries[code];
  }

  /** Heap estimate: entries plus the array. */
  public long retainedBytes() {
    return retainedBytes;
  }

  /** Estimated heap bytes of one string: object header and fields, array header, chars. */
  static long stringBytes(String s) {
    boolean latin1 = true;
    for (int i = 0; i < s.length() && latin1; i++) latin1 = s.charAt(i) < 256;
    return 24 + Vector.arrayBytes(s.length(), latin1 ? 1 : 2);
  }
}
