package dev.kqlhunt.exec.vector;

import dev.kqlhunt.symbols.ScalarType;
import java.util.Objects;

/**
 * A vector of {@code bool} values, one byte each (0 or 1) so kernels can combine them with plain
 * arithmetic. Kusto bools are nullable; nulls live in the mask.
 */
public final class BoolVector implements Vector {
  private final byte[] values;
  private final int size;
  private final NullMask nulls;

  /** Takes ownership of {@code values}; every element must be 0 or 1. */
  public BoolVector(byte[] values, int size, NullMask nulls) {
    this.values = Objects.requireNonNull(values, "values is null");
    if (size < 0 || size > values.length) throw new IllegalArgumentException("bad size " + size);
    this.size = size;
    this.nulls = Objects.requireNonNull(nulls, "nulls is null");
  }

  @Override
  public ScalarType type() {
    return ScalarType.BOOL;
  }

  @Override
  public int size() {
    return size;
  }

  public boolean get(int position) {
    Objects.checkIndex(position, size);
    return values[position] != 0;
  }

  public byte[] rawValues() {
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
    return 32 + Vector.arrayBytes(values.length, 1) + nulls.retainedBytes();
  }
}
