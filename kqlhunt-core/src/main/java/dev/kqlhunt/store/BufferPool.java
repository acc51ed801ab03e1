package dev.kqlhunt.store;

import java.util.ArrayDeque;

/**
 * Value arrays of column buffers whose segment has been written, handed to the buffers of the next
 * partition. Why: a partition's arrays live until its segment is written, long enough for a young
 * collection to copy them again and again; recycled arrays are tenured once and stay, and the
 * doubling growth from a small array is skipped. Keeps a bounded number of arrays. Single-threaded:
 * one pool per {@link SegmentBuffers}.
 */
final class BufferPool {
  private static final int MAX_ARRAYS = 256;
  static final int MIN_LENGTH = 1024;

  private final ArrayDeque<long[]> longs = new ArrayDeque<>();
  private final ArrayDeque<int[]> ints = new ArrayDeque<>();

  /** A long array of at least {@link #MIN_LENGTH} elements (contents undefined). */
  long[] longs() {
    long[] a = longs.poll();
    return a != null ? a : new long[MIN_LENGTH];
  }

  /** An int array of at least {@link #MIN_LENGTH} elements (contents undefined). */
  int[] ints() {
    int[] a = ints.poll();
    return a != null ? a : new int[MIN_LENGTH];
  }

  void give(long[] a) {
    if (a.length >= MIN_LENGTH && longs.size() < MAX_ARRAYS) longs.push(a);
  }

  void give(int[] a) {
    if (a.length >= MIN_LENGTH && ints.size() < MAX_ARRAYS) ints.push(a);
  }
}
