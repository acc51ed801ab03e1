package dev.kqlhunt.exec.vector;

import dev.kqlhunt.symbols.ScalarType;
import java.util.Objects;

/** A vector of {@code real} values. NaN is a value, not a null; nulls live in the mask. */
public final class DoubleVector implements Vector {
  private final double[] values;
  private final int size;
  private final NullMask nulls;

  /** Takes ownership of {@code values}. */
  public DoubleVector(double[] values, int size, NullMask nulls) {
    this.values = Objects.requireNonNull(values, "values is null");
    if (size < 0 || size > values.length) throw new IllegalArgumentException("bad size " + size);
    this.size = size;
    this.nulls = Objects.requireNonNull(nulls, "nulls is null");
  }

  @Override
  public ScalarType type() {
    return ScalarType.REAL;
  }

  @Override
  public int size() {
    return size;
  }

  public double get(int position) {
    Objects.checkIndex(position, size);
    return values[position];
  }

  /** The backing array for kernels (read-only by contract; may be longer than size). */
  public double[] rawValues() {
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
