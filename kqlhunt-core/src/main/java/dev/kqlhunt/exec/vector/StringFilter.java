package dev.kqlhunt.exec.vector;

import dev.kqlhunt.value.StringPredicate;
import java.util.Objects;

/**
 * Filters a dictionary-coded {@link StringVector} with a prepared {@link StringPredicate} in two
 * steps: the predicate runs once per distinct value of the dictionary ({@link #evaluate}), giving a
 * {@code boolean[]} indexed by code; then one tight loop over the codes keeps the positions whose
 * code is true. With a segment-wide dictionary the first step is paid once per segment, and the
 * second step is a load and a branch per row, whatever the predicate ({@code has}, {@code in~},
 * a regex) costs.
 *
 * <p>Stateless and thread-safe; allocates the result selection only.
 */
public final class StringFilter {
  private StringFilter() {}

  /** The predicate's verdict for every dictionary entry, indexed by code. */
  public static boolean[] evaluate(StringDictionary dictionary, StringPredicate predicate) {
    Objects.requireNonNull(predicate, "predicate is null");
    boolean[] verdicts = new boolean[dictionary.size()];
    for (int code = 0; code < verdicts.length; code++) {
      verdicts[code] = predicate.test(dictionary.get(code));
    }
    return verdicts;
  }

  /** Whether any dictionary entry satisfies the verdicts: if none, a segment can be skipped. */
  public static boolean anyTrue(boolean[] verdicts) {
    for (boolean v : verdicts) {
      if (v) return true;
    }
    return false;
  }

  /** The positions of {@code vector} satisfying {@code predicate}. */
  public static Selection filter(StringVector vector, StringPredicate predicate) {
    return filter(vector, evaluate(vector.dictionary(), predicate));
  }

  /**
   * The positions whose code is true in {@code verdicts} (from {@link #evaluate} on this vector's
   * dictionary, possibly cached across batches sharing it).
   */
  public static Selection filter(StringVector vector, boolean[] verdicts) {
    if (verdicts.length != vector.dictionary().size()) {
      throw new IllegalArgumentException("verdicts do not match the vector's dictionary");
    }
    int[] codes = vector.rawCodes();
    int size = vector.size();
    int[] out = new int[size];
    int count = 0;
    // Branch-free append: always write, advance only when selected. The JIT keeps this loop free
    // of bounds checks past the first iteration.
    for (int i = 0; i < size; i++) {
      out[count] = i;
      count += verdicts[codes[i]] ? 1 : 0;
    }
    return Selection.trusted(out, count);
  }

  /** Narrows an existing selection: keeps its positions whose code is true in {@code verdicts}. */
  public static Selection filter(StringVector vector, boolean[] verdicts, Selection input) {
    if (verdicts.length != vector.dictionary().size()) {
      throw new IllegalArgumentException("verdicts do not match the vector's dictionary");
    }
    int[] codes = vector.rawCodes();
    int[] in = input.rawPositions();
    int n = input.count();
    int[] out = new int[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      int p = in[i];
      out[count] = p;
      count += verdicts[codes[p]] ? 1 : 0;
    }
    return Selection.trusted(out, count);
  }
}
