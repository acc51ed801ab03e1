package dev.kqlhunt.exec.vector;

import dev.kqlhunt.symbols.ScalarType;

/** One column of a {@link Batch}: {@link #size()} values of one {@link ScalarType}. */
public sealed interface Vector
    permits LongVector, DoubleVector, BoolVector, StringVector, DynamicVector {

  /** The Kusto type of the values. */
  ScalarType type();

  /** The number of positions. */
  int size();

  /** Whether the value at {@code position} is null; always false for strings. */
  boolean isNull(int position);

  /** An estimate of the heap bytes this vector keeps reachable (arrays, dictionary, headers). */
  long retainedBytes();

  /** Bytes of a Java array of {@code length} elements of {@code elementBytes} each (header 16). */
  static long arrayBytes(long length, int elementBytes) {
    return 16 + length * elementBytes;
  }
}
