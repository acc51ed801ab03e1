package dev.kqlhunt.value;

/**
 * {@code bin()} / {@code floor()} (bin-function.md) and {@code bin_at()} (bin-at-function.md).
 * Values round down to a multiple of the bin size: toward negative infinity, so {@code bin(-7, 5)}
 * is {@code -10} and {@code bin_at(1h, 1d, 12h)} is {@code -12:00:00}. Datetimes are binned on
 * their ticks since 0001-01-01 (Monday), so 7-day bins start on Mondays. A bin size that is zero or
 * negative gives null (the {@code NULL} sentinel of the caller's type, or NaN for reals).
 * Allocation-free; these are the kernels' inner operations.
 */
public final class Bins {
  private Bins() {}

  /** {@code bin(long, long)} and {@code bin(datetime|timespan, timespan)} on ticks. */
  public static long bin(long value, long size) {
    if (size <= 0) return Long.MIN_VALUE;
    return Math.floorDiv(value, size) * size;
  }

  /** {@code bin(real, real)}. */
  public static double bin(double value, double size) {
    if (!(size > 0)) return Double.NaN;
    return Math.floor(value / size) * size;
  }

  /** {@code bin_at(value, size, fixedPoint)}: bins aligned so that fixedPoint starts a bin. */
  public static long binAt(long value, long size, long fixedPoint) {
    if (size <= 0) return Long.MIN_VALUE;
    return Math.floorDiv(value - fixedPoint, size) * size + fixedPoint;
  }

  public static double binAt(double value, double size, double fixedPoint) {
    if (!(size > 0)) return Double.NaN;
    return Math.floor((value - fixedPoint) / size) * size + fixedPoint;
  }
}
