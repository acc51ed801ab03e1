package dev.kqlhunt.exec.vector;

import dev.kqlhunt.symbols.ScalarType;
import java.util.Arrays;
import java.util.Objects;

/** Appends longs (or nulls) into a growing array; {@link #build()} hands the array over. */
public final class LongVectorBuilder {
  private final ScalarType type;
  private long[] values;
  private long[] nullWords = new long[1];
  private int size;

  public LongVectorBuilder(ScalarType type, int expectedSize) {
    this.type = Objects.requireNonNull(type, "type is null");
    this.values = new long[Math.max(8, expectedSize)];
  }

  public LongVectorBuilder append(long value) {
    if (size == values.length) values = Arrays.copyOf(values, size * 2);
    values[size++] = value;
    return this;
  }

  public LongVectorBuilder appendNull() {
    nullWords = NullMask.set(nullWords, size);
    return append(0);
  }

  public int size() {
    return size;
  }

  /** Builds the vector; the builder must not be used afterwards. */
  public LongVector build() {
    return new LongVector(type, values, size, NullMask.build(nullWords, size));
  }
}
