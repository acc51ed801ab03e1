package dev.kqlhunt.pack;

import java.util.Arrays;

/** A growable list of ints (row positions, target ids) without boxing. */
final class IntList {
  private int[] values;
  private int size;

  IntList() {
    this(8);
  }

  IntList(int capacity) {
    values = new int[Math.max(1, capacity)];
  }

  void add(int v) {
    if (size == values.length) values = Arrays.copyOf(values, size * 2);
    values[size++] = v;
  }

  int size() {
    return size;
  }

  int get(int i) {
    return values[i];
  }

  int last() {
    return values[size - 1];
  }

  /** The backing array; only the first {@link #size()} are values. */
  int[] raw() {
    return values;
  }

  int[] toArray() {
    return Arrays.copyOf(values, size);
  }

  /** Sorts the values and drops duplicates. */
  void sortDistinct() {
    Arrays.sort(values, 0, size);
    int out = 0;
    for (int i = 0; i < size; i++) {
      if (out == 0 || values[i] != values[out - 1]) values[out++] = values[i];
    }
    size = out;
  }
}
