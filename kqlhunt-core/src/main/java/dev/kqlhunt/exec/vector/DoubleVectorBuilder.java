package dev.kqlhunt.exec.vector;

import java.util.Arrays;

/** Appends reals (or nulls) into a growing array; {@link #build()} hands the array over. */
public final class DoubleVectorBuilder {
  private double[] values;
  private long[] nullWords = new long[1];
  private int size;

  public DoubleVectorBuilder(int expectedSize) {
    this.values = new double[Math.max(8, expectedSize)];
  }

  public DoubleVectorBuilder append(double value) {
    if (size == values.length) values = Arrays.copyOf(values, size * 2);
    values[size++] = value;
    return this;
  }

  public DoubleVectorBuilder appendNull() {
    nullWords = NullMask.set(nullWords, size);
    return append(0);
  }

  public int size() {
    return size;
  }

  /** Builds the vector; the builder must not be used afterwards. */
  public DoubleVector build() {
    return new DoubleVector(values, size, NullMask.build(nullWords, size));
  }
}
