package dev.kqlhunt.exec.vector;

import java.util.Arrays;

/** Appends bools (or nulls) into a growing array; {@link #build()} hands the array over. */
public final class BoolVectorBuilder {
  private byte[] values;
  private long[] nullWords = new long[1];
  private int size;

  public BoolVectorBuilder(int expectedSize) {
    this.values = new byte[Math.max(8, expectedSize)];
  }

  public BoolVectorBuilder append(boolean value) {
    if (size == values.length) values = Arrays.copyOf(values, size * 2);
    values[size++] = (byte) (value ? 1 : 0);
    return this;
  }

  public BoolVectorBuilder appendNull() {
    nullWords = NullMask.set(nullWords, size);
    return append(false);
  }

  public int size() {
    return size;
  }

  /** Builds the vector; the builder must not be used afterwards. */
  public BoolVector build() {
    return new BoolVector(values, size, NullMask.build(nullWords, size));
  }
}
