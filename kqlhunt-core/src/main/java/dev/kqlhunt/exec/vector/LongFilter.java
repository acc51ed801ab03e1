package dev.kqlhunt.exec.vector;

/**
 * Range filters over a {@link LongVector} (long, int, datetime, timespan): the shape of {@code
 * where Timestamp between (a .. b)} and {@code where Timestamp > ago(1d)}. Null positions never
 * pass (a comparison with null is null, and {@code where} drops null). Stateless, thread-safe;
 * allocates the result selection only.
 */
public final class LongFilter {
  private LongFilter() {}

  /** Positions whose value lies in {@code [min, max]} (both inclusive) and is not null. */
  public static Selection range(LongVector vector, long min, long max) {
    long[] values = vector.rawValues();
    int size = vector.size();
    int[] out = new int[size];
    int count = 0;
    NullMask nulls = vector.nulls();
    if (!nulls.mayHaveNulls()) {
      // The common case: a branch-free loop the JIT can unroll.
      for (int i = 0; i < size; i++) {
        long v = values[i];
        out[count] = i;
        count += (v >= min & v <= max) ? 1 : 0;
      }
    } else {
      for (int i = 0; i < size; i++) {
        long v = values[i];
        out[count] = i;
        count += (v >= min & v <= max & !nulls.isNull(i)) ? 1 : 0;
      }
    }
    return Selection.trusted(out, count);
  }
}
