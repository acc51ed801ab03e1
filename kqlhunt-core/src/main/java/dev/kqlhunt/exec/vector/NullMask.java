package dev.kqlhunt.exec.vector;

import java.util.Arrays;

/**
 * Which positions of a vector are null: a bitmap of {@code long} words, bit {@code i % 64} of word
 * {@code i / 64} set for a null at {@code i}. {@link #NONE} stands for "no nulls" and costs nothing,
 * so kernels can test {@link #mayHaveNulls()} once and take a null-free loop. Immutable.
 */
public final class NullMask {
  /** The mask of a vector without nulls. */
  public static final NullMask NONE = new NullMask(new long[0], 0);

  private final long[] words;
  private final int nullCount;

  private NullMask(long[] words, int nullCount) {
    this.words = words;
    this.nullCount = nullCount;
  }

  /**
   * Wraps {@code words} (not copied: the caller hands over ownership). Returns {@link #NONE} when no
   * bit is set.
   */
  public static NullMask of(long[] words) {
    int count = 0;
    for (long w : words) count += Long.bitCount(w);
    return count == 0 ? NONE : new NullMask(words, count);
  }

  public boolean isNull(int position) {
    int word = position >>> 6;
    return word < words.length && (words[word] & (1L << position)) != 0;
  }

  public boolean mayHaveNulls() {
    return nullCount > 0;
  }

  public int nullCount() {
    return nullCount;
  }

  public long retainedBytes() {
    return this == NONE ? 0 : Vector.arrayBytes(words.length, 8) + 16;
  }

  /** Sets bit {@code position} in a growable word array, returning the (possibly new) array. */
  static long[] set(long[] words, int position) {
    int word = position >>> 6;
    if (word >= words.length) words = Arrays.copyOf(words, Math.max(word + 1, words.length * 2));
    words[word] |= 1L << position;
    return words;
  }

  /** The mask restricted to the first {@code size} positions, trimmed. */
  static NullMask build(long[] words, int size) {
    int needed = (size + 63) >>> 6;
    long[] trimmed = Arrays.copyOf(words, Math.min(words.length, needed));
    return of(trimmed);
  }
}
