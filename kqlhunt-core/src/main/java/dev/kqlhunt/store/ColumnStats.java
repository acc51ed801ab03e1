package dev.kqlhunt.store;

import dev.kqlhunt.symbols.ScalarType;
import java.util.Objects;

/**
 * Statistics of one column of one segment, kept in the segment footer so pruning needs no column
 * data.
 *
 * @param name column name
 * @param type stored type (see {@link SegmentFile} for which Kusto types map to which)
 * @param nullCount rows whose value is null (always 0 for strings: Kusto strings are never null)
 * @param distinctCount entries of the dictionary for {@code string} and {@code dynamic}, else 0
 * @param hasRange whether {@link #min}/{@link #max} hold (false when every value is null, and for
 *     string, dynamic and bool columns)
 * @param min smallest non-null value: the long itself for int/long/datetime/timespan (datetime and
 *     timespan in 100 ns ticks), {@link Double#doubleToLongBits} for real
 * @param max largest non-null value, encoded like {@code min}
 */
public record ColumnStats(
    String name,
    ScalarType type,
    long nullCount,
    int distinctCount,
    boolean hasRange,
    long min,
    long max) {
  public ColumnStats {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(type, "type is null");
    if (nullCount < 0 || distinctCount < 0) throw new IllegalArgumentException("negative count");
  }

  /** {@link #min} of a real column as a double. */
  public double minReal() {
    return Double.longBitsToDouble(min);
  }

  /** {@link #max} of a real column as a double. */
  public double maxReal() {
    return Double.longBitsToDouble(max);
  }
}
