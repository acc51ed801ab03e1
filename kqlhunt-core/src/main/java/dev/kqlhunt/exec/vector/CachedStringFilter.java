package dev.kqlhunt.exec.vector;

import dev.kqlhunt.value.StringPredicate;
import java.util.Objects;

/**
 * A {@link StringFilter} bound to one prepared predicate that remembers the verdicts of the last
 * dictionary it saw. Batches of one segment share one {@link StringDictionary} instance, so the
 * predicate runs once per distinct value per segment, not per batch. One instance per operator
 * and thread (not thread-safe); the cache holds one dictionary, by identity.
 */
public final class CachedStringFilter {
  private final StringPredicate predicate;
  private StringDictionary lastDictionary;
  private boolean[] lastVerdicts;
  private long evaluations;

  public CachedStringFilter(StringPredicate predicate) {
    this.predicate = Objects.requireNonNull(predicate, "predicate is null");
  }

  /** The verdicts for {@code dictionary}, computed at most once per distinct dictionary in a row. */
  public boolean[] verdicts(StringDictionary dictionary) {
    if (dictionary != lastDictionary) {
      lastVerdicts = StringFilter.evaluate(dictionary, predicate);
      lastDictionary = dictionary;
      evaluations += dictionary.size();
    }
    return lastVerdicts;
  }

  /** Whether any value of {@code dictionary} passes: if not, a segment can be skipped unread. */
  public boolean mayMatch(StringDictionary dictionary) {
    return StringFilter.anyTrue(verdicts(dictionary));
  }

  public Selection filter(StringVector vector) {
    return StringFilter.filter(vector, verdicts(vector.dictionary()));
  }

  public Selection filter(StringVector vector, Selection input) {
    return StringFilter.filter(vector, verdicts(vector.dictionary()), input);
  }

  /**
   * The predicate as a bool column ({@code extend IsRdp = FileName has "rdp.exe"}): a string
   * predicate is never null, so the result has no null mask.
   */
  public BoolVector evaluate(StringVector vector) {
    boolean[] verdicts = verdicts(vector.dictionary());
    int[] codes = vector.rawCodes();
    int size = vector.size();
    byte[] out = new byte[size];
    for (int i = 0; i < size; i++) out[i] = (byte) (verdicts[codes[i]] ? 1 : 0);
    return new BoolVector(out, size, NullMask.NONE);
  }

  /** How many dictionary entries the predicate has been run on (for tests and metrics). */
  public long evaluations() {
    return evaluations;
  }
}
