package dev.kqlhunt.store;

/**
 * The rows one segment contributes to one column of a scan's result, before the segments are joined
 * into a vector ({@link ScanResults}). Null words may be null (no nulls); codes index the segment's
 * own dictionary.
 */
sealed interface ColumnPart {
  record Longs(long[] values, long[] nullWords) implements ColumnPart {}

  record Doubles(double[] values, long[] nullWords) implements ColumnPart {}

  record Bools(byte[] values, long[] nullWords) implements ColumnPart {}

  record Strings(int[] codes, LazyDictionary dictionary) implements ColumnPart {}

  record Dynamics(int[] codes, long[] nullWords, LazyDictionary dictionary) implements ColumnPart {}

  /** The segment lacks the column: every row is null (strings: empty). */
  record Missing() implements ColumnPart {}
}
