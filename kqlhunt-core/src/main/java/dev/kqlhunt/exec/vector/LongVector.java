package dev.kqlhunt.exec.vector;

import dev.kqlhunt.symbols.ScalarType;
import java.util.Objects;

/**
 * A vector of 64-bit integers: {@code long}, {@code int} (values in int range), {@code datetime}
 * and {@code timespan} (100 ns ticks, see {@link dev.kqlhunt.value.DateTimes}). The array may be
 * longer than {@link #size()}; positions past it are garbage.
 */
public final class LongVector implements Vector {
  private final ScalarType type;
  private final long[] values;
  private final int size;
  private final NullMask nulls;

  /** Takes ownership of {@code values}. */
  public LongVector(ScalarType type, long[] values, int size, NullMask nulls) {
    this.type = Objects.requireNonNull(type, "type is null");
    if (type != ScalarType.LONG
        && type != ScalarType.INT
        && type != ScalarType.DATETIME
        && type != ScalarType.TIMESPAN) {
      throw new IllegalArgumentException("LongVector cannot hold " + type);
    }
    this.values = Objects.requireNonNull(values, "values is null");
    if (size < 0 || size > values.length) throw new IllegalArgumentException("bad size " + size);
    this.size = size;
    this.nulls = Objects.requireNonNull(nulls, "nulls is null");
  }

  @Override
  public ScalarType type() {
    return type;
  }

  @Override
  public int size() {
    return size;
  }

  /** The value at {@code position}; meaningless when {@link #isNull}. */
  public long get(int position) {
    Objects.checkIndex(position, size);
    return values[position];
  }

  /** The backing array for kernels (read-only by contract; may be longer than size). */
  public long[] rawValues() {
    return values;
  }

  public NullMask nulls() {
    return nulls;
  }

  @Override
  public boolean isNull(int position) {
    return nulls.isNull(position);
  }

  @Override
  public long retainedBytes() {
    return 32 + Vector.arrayBytes(values.length, 8) + nulls.retainedBytes();
  }
}
