package dev.kqlhunt.pack;

import dev.kqlhunt.exec.vector.StringDictionary;
import dev.kqlhunt.exec.vector.StringVector;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The verdicts of one compiled pack's conditions per string dictionary ({@link TableRouter.Verdicts}),
 * kept while the dictionary is alive: a dictionary is immutable, so a later run over data that shares
 * it (the same in-memory table, a store's cached segment) skips evaluating the conditions again and
 * only routes rows. Keyed by dictionary identity ({@link StringDictionary} has identity equality) and
 * column name; the rows per code of a column vector (used to cost options) by vector identity.
 * Thread-safe.
 */
final class DictionaryCache {
  private final Map<StringDictionary, Map<String, TableRouter.Verdicts>> byDictionary = new WeakHashMap<>();
  private final Map<StringVector, int[]> counts = new WeakHashMap<>();

  /** Estimated rows per code of {@code vector} (also immutable), counted once. */
  synchronized int[] counts(StringVector vector) {
    return counts.computeIfAbsent(vector, TableRouter::countCodes);
  }

  synchronized TableRouter.Verdicts verdicts(String column, StringDictionary dictionary) {
    return byDictionary.computeIfAbsent(dictionary, d -> new HashMap<>())
        .computeIfAbsent(column, c -> new TableRouter.Verdicts(dictionary));
  }
}
