package dev.kqlhunt.pack;

import dev.kqlhunt.exec.Table;
import dev.kqlhunt.exec.vector.StringDictionary;
import dev.kqlhunt.exec.vector.StringVector;
import dev.kqlhunt.exec.vector.Vector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A rule's candidate rows with each string column re-coded over a dictionary of only the values those
 * rows hold.
 *
 * <p>Why: a rule's executor evaluates its string predicates per dictionary entry (or memoises per
 * code in an array the size of the dictionary). Over the table's own dictionaries (448,768 URLs in
 * the benchmark) that costs each rule time proportional to the dictionary, not to its handful of
 * candidate rows; over its re-coded candidates it costs the candidates only. Values, rows and their
 * order are unchanged, so results are too (the pack tests compare them with each rule run alone).
 * (Gathering the union of all rules' candidates once was tried and measured slower: it reads every
 * column any rule needs for every candidate row, where each rule reads only its own columns.)
 */
final class Compacted {
  private Compacted() {}

  /** {@code t} with every string column over a dictionary of only the entries its rows use. */
  static Table recoded(Table t) {
    List<Vector> vectors = new ArrayList<>(t.vectors().size());
    for (Vector v : t.vectors()) vectors.add(v instanceof StringVector s ? recode(s) : v);
    return new Table(t.columns(), vectors, t.rowCount());
  }

  /** {@code v} over a dictionary of only the entries its rows use, in order of first use. */
  private static StringVector recode(StringVector v) {
    int n = v.size();
    if (n >= v.dictionary().size()) return v;
    int[] codes = v.rawCodes();
    StringDictionary dictionary = v.dictionary();
    CodeMap map = new CodeMap(Math.min(n, dictionary.size()));
    String[] entries = new String[Math.min(n, dictionary.size())];
    int[] out = new int[n];
    for (int r = 0; r < n; r++) {
      int before = map.size();
      int code = map.put(codes[r]);
      if (code == before) entries[code] = dictionary.get(codes[r]);
      out[r] = code;
    }
    return new StringVector(out, n, new StringDictionary(entries, map.size()));
  }

  /** Old code to new code, new codes dense in order of first insertion (open addressing). */
  private static final class CodeMap {
    private final int[] keys;
    private final int[] values;
    private final int mask;
    private int size;

    CodeMap(int expected) {
      int capacity = Integer.highestOneBit(Math.max(4, expected * 2)) << 1;
      keys = new int[capacity];
      Arrays.fill(keys, -1);
      values = new int[capacity];
      mask = capacity - 1;
    }

    int size() {
      return size;
    }

    /** The new code of {@code key}, assigning the next one when it is new. */
    int put(int key) {
      int i = (key * 0x9E3779B9) >>> 7 & mask;
      while (true) {
        if (keys[i] == key) return values[i];
        if (keys[i] == -1) {
          keys[i] = key;
          values[i] = size;
          return size++;
        }
        i = (i + 1) & mask;
      }
    }
  }
}
