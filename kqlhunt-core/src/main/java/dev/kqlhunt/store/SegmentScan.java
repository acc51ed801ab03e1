package dev.kqlhunt.store;

import dev.kqlhunt.exec.ScanRequest;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The scan of one segment for a {@link ScanRequest}, cheapest evidence first:
 *
 * <ol>
 *   <li>each range against the column's footer min/max: a segment outside it is skipped, one inside
 *       it entirely (and without nulls) needs no row check;
 *   <li>each string condition against the column's dictionary, once per entry: a segment where no
 *       entry matches is skipped without reading any codes, one where every entry matches needs no
 *       row check. Dictionaries larger than {@link #SMALL_DICTIONARY} entries (and an eighth of the
 *       rows) are deferred when a smaller one is checked too: their entries are then tested only
 *       for the codes of rows that survive the others;
 *   <li>the rows: the most selective condition (fewest matching entries per entry) scans the codes,
 *       every later condition and range looks only at the surviving rows;
 *   <li>late materialisation: only the requested columns, only the surviving rows.
 * </ol>
 *
 * A condition on a column the segment lacks is tested on its value ({@code ""} for strings, null
 * for the rest, which fails every range). A condition whose column has another stored type is
 * ignored: the executor re-applies every predicate anyway.
 */
final class SegmentScan {
  static final int SMALL_DICTIONARY = 4096;

  /** One segment's surviving rows: their count and one part per requested column. */
  record Result(int rows, ColumnPart[] columns) {}

  private record Condition(int column, Predicate<String> test, boolean[] verdicts, double selectivity) {}

  private final SegmentData data;

  SegmentScan(SegmentData data) {
    this.data = data;
  }

  /** The rows of the segment that may meet the request, or null when none can. */
  Result run(List<ScanRequest.Range> ranges, List<ScanRequest.StringCondition> strings, List<ColumnSymbol> out)
      throws IOException {
    int rows = data.rows();
    List<int[]> activeRanges = new ArrayList<>(); // {column index, range index}
    for (int r = 0; r < ranges.size(); r++) {
      ScanRequest.Range range = ranges.get(r);
      if (range.low() > range.high()) return null;
      int i = data.indexOf(range.column());
      if (i < 0) return null; // every value null: no row meets a range
      ColumnStats s = data.stats(i);
      if (!longBacked(s.type())) continue;
      if (!s.hasRange() || s.max() < range.low() || s.min() > range.high()) return null;
      if (s.min() >= range.low() && s.max() <= range.high() && s.nullCount() == 0) continue;
      activeRanges.add(new int[] {i, r});
    }
    List<Condition> small = new ArrayList<>();
    List<ScanRequest.StringCondition> deferred = new ArrayList<>();
    List<Integer> deferredColumns = new ArrayList<>();
    int smallLimit = Math.max(SMALL_DICTIONARY, rows / 8);
    for (ScanRequest.StringCondition c : strings) {
      int i = data.indexOf(c.column());
      if (i < 0) {
        if (!c.test().test("")) return null;
        continue;
      }
      ColumnStats s = data.stats(i);
      if (s.type() != ScalarType.STRING) continue;
      if (s.distinctCount() > smallLimit) {
        deferred.add(c);
        deferredColumns.add(i);
        continue;
      }
      Condition cond = evaluate(i, c.test());
      if (cond == null) return null;
      if (cond.verdicts() != null) small.add(cond);
    }
    if (small.isEmpty()) {
      // Nothing cheaper narrows the rows first: test the large dictionaries whole after all.
      for (int k = 0; k < deferred.size(); k++) {
        Condition cond = evaluate(deferredColumns.get(k), deferred.get(k).test());
        if (cond == null) return null;
        if (cond.verdicts() != null) small.add(cond);
      }
      deferred.clear();
      deferredColumns.clear();
    }
    small.sort(Comparator.comparingDouble(Condition::selectivity));

    int[] positions = null;
    int count = rows;
    for (Condition c : small) {
      if (positions == null) {
        positions = new int[rows];
        count = data.select(c.column(), c.verdicts(), positions);
      } else {
        int[] codes = data.codesAt(c.column(), positions, count);
        boolean[] v = c.verdicts();
        int kept = 0;
        for (int k = 0; k < count; k++) {
          positions[kept] = positions[k];
          kept += v[codes[k]] ? 1 : 0;
        }
        count = kept;
      }
      if (count == 0) return null;
    }
    for (int k = 0; k < deferred.size(); k++) {
      count = lazyCondition(deferredColumns.get(k), deferred.get(k).test(), positions, count);
      if (count == 0) return null;
    }
    for (int[] ar : activeRanges) {
      if (positions == null) {
        positions = identity(rows);
        count = rows;
      }
      count = range(ar[0], ranges.get(ar[1]), positions, count);
      if (count == 0) return null;
    }
    ColumnPart[] parts = new ColumnPart[out.size()];
    for (int c = 0; c < parts.length; c++) parts[c] = materialise(out.get(c), positions, count);
    return new Result(count, parts);
  }

  /** The verdicts of {@code test} over a column's dictionary: null when none matches, no verdicts when all do. */
  private Condition evaluate(int column, Predicate<String> test) throws IOException {
    LazyDictionary d = data.dictionary(column);
    int[] matches = new int[1];
    boolean[] verdicts = d.evaluate(test, matches);
    if (matches[0] == 0) return null;
    if (matches[0] == d.size()) return new Condition(column, test, null, 1);
    return new Condition(column, test, verdicts, (double) matches[0] / d.size());
  }

  /** Keeps the positions whose value passes {@code test}, testing each distinct code once. */
  private int lazyCondition(int column, Predicate<String> test, int[] positions, int count) throws IOException {
    int[] codes = data.codesAt(column, positions, count);
    LazyDictionary d = data.dictionary(column);
    byte[] memo = new byte[d.size()]; // 0 unknown, 1 false, 2 true
    int kept = 0;
    for (int k = 0; k < count; k++) {
      int code = codes[k];
      if (memo[code] == 0) memo[code] = (byte) (test.test(d.get(code)) ? 2 : 1);
      positions[kept] = positions[k];
      kept += memo[code] == 2 ? 1 : 0;
    }
    return kept;
  }

  private int range(int column, ScanRequest.Range r, int[] positions, int count) throws IOException {
    long[] values = ColumnDecoder.longsAt(data.dataAt(column, positions, count), data.rows(), positions, count, data.name());
    long[] nulls = data.nullWords(column);
    long low = r.low();
    long high = r.high();
    int kept = 0;
    for (int k = 0; k < count; k++) {
      int p = positions[k];
      boolean isNull = nulls != null && (nulls[p >>> 6] & (1L << p)) != 0;
      positions[kept] = p;
      kept += !isNull && values[k] >= low && values[k] <= high ? 1 : 0;
    }
    return kept;
  }

  private ColumnPart materialise(ColumnSymbol column, int[] positions, int count) throws IOException {
    int i = data.indexOf(column.name());
    if (i < 0) return new ColumnPart.Missing();
    ColumnStats s = data.stats(i);
    if (s.type() != column.type()) {
      throw new CorruptStoreException(data.name() + ": column " + column.name() + " is stored as " + s.type()
          + ", the manifest says " + column.type());
    }
    int rows = data.rows();
    String name = data.name();
    long[] words = s.type() == ScalarType.STRING ? null : data.nullWords(i);
    long[] nulls = positions == null || words == null ? words : ColumnDecoder.nullWordsAt(words, positions, count);
    return switch (s.type()) {
      case INT, LONG, DATETIME, TIMESPAN -> new ColumnPart.Longs(positions == null
          ? ColumnDecoder.longs(ColumnDecoder.bytes(data.data(i)), rows, name)
          : ColumnDecoder.longsAt(data.dataAt(i, positions, count), rows, positions, count, name), nulls);
      case REAL -> new ColumnPart.Doubles(positions == null
          ? ColumnDecoder.doubles(ColumnDecoder.bytes(data.data(i)), rows, name)
          : ColumnDecoder.doublesAt(data.dataAt(i, positions, count), rows, positions, count, name), nulls);
      case BOOL -> new ColumnPart.Bools(positions == null
          ? ColumnDecoder.bools(ColumnDecoder.bytes(data.data(i)), rows, name)
          : ColumnDecoder.boolsAt(data.dataAt(i, positions, count), rows, positions, count, name), nulls);
      case STRING -> new ColumnPart.Strings(positions == null ? data.codes(i) : data.codesAt(i, positions, count),
          data.dictionary(i));
      case DYNAMIC -> new ColumnPart.Dynamics(positions == null ? data.codes(i) : data.codesAt(i, positions, count),
          nulls, data.dictionary(i));
      case GUID, DECIMAL, UNKNOWN -> throw new CorruptStoreException(name + ": not a stored type: " + s.type());
    };
  }

  private static int[] identity(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) out[i] = i;
    return out;
  }

  private static boolean longBacked(ScalarType t) {
    return t == ScalarType.INT || t == ScalarType.LONG || t == ScalarType.DATETIME || t == ScalarType.TIMESPAN;
  }
}
