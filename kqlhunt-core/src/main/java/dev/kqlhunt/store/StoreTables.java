package dev.kqlhunt.store;

import dev.kqlhunt.exec.DataSource;
import dev.kqlhunt.exec.Table;
import dev.kqlhunt.exec.vector.BoolVector;
import dev.kqlhunt.exec.vector.DoubleVector;
import dev.kqlhunt.exec.vector.DynamicVector;
import dev.kqlhunt.exec.vector.LongVector;
import dev.kqlhunt.exec.vector.NullMask;
import dev.kqlhunt.exec.vector.StringDictionary;
import dev.kqlhunt.exec.vector.StringVector;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.value.Dynamic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The store as the executor's {@link DataSource}: a table is every live segment of it, optionally
 * pruned by time, loaded into one in-memory {@link Table} whose string columns share one dictionary
 * (the segments' dictionaries merged, codes remapped). Loaded tables are cached; thread-safe.
 *
 * <p>Cost: reads every column of every selected segment; for a query that needs few columns or a
 * narrow time range the executor should use {@link Store#segments(String, long, long)} and {@link
 * SegmentReader} directly (see the package documentation).
 */
public final class StoreTables implements DataSource {
  private final Store store;
  private final Map<String, Table> cache = new ConcurrentHashMap<>();

  public StoreTables(Store store) {
    this.store = store;
  }

  /** The whole table, or null when the store has no such table. Damage surfaces as an exception. */
  @Override
  public Table table(String name) {
    if (!store.tables().contains(name)) return null;
    return cache.computeIfAbsent(name, n -> load(n, Long.MIN_VALUE, Long.MAX_VALUE));
  }

  /** The rows of the segments that may hold times in {@code [fromTicks, toTicks]} (not cached). */
  public Table table(String name, long fromTicks, long toTicks) {
    if (!store.tables().contains(name)) return null;
    return load(name, fromTicks, toTicks);
  }

  /**
   * The rows of the segments that may hold times in {@code [fromTicks, toTicks]} and, for every
   * entry of {@code dictionaryFilters} (a string column and a predicate over its values), have some
   * dictionary entry satisfying the predicate: a segment where no value of a column can match is
   * skipped after reading only that column's dictionary. The predicates must be what the query's
   * filter requires of every row (conjuncts), or rows would be lost. Not cached.
   */
  public Table table(String name, long fromTicks, long toTicks, Map<String, Predicate<String>> dictionaryFilters) {
    if (!store.tables().contains(name)) return null;
    List<SegmentMeta> kept = new ArrayList<>();
    for (SegmentMeta s : store.segments(name, fromTicks, toTicks)) {
      if (mayMatch(s, dictionaryFilters)) kept.add(s);
    }
    return load(name, kept);
  }

  private boolean mayMatch(SegmentMeta segment, Map<String, Predicate<String>> filters) {
    if (filters.isEmpty()) return true;
    try (SegmentReader r = store.open(segment)) {
      for (Map.Entry<String, Predicate<String>> f : filters.entrySet()) {
        ColumnStats stats = r.stats(f.getKey());
        if (stats != null && stats.type() != dev.kqlhunt.symbols.ScalarType.STRING) continue;
        if (!r.anyDictionaryEntry(f.getKey(), f.getValue())) return false;
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Table load(String name, long from, long to) {
    return load(name, store.segments(name, from, to));
  }

  private Table load(String name, List<SegmentMeta> segments) {
    List<ColumnSymbol> columns = store.columns(name);
    long total = 0;
    for (SegmentMeta s : segments) total += s.rows();
    if (total > Integer.MAX_VALUE - 16) throw new IllegalStateException(name + " has too many rows to load: " + total);
    int rows = (int) total;
    List<Vector[]> parts = new ArrayList<>();
    for (SegmentMeta s : segments) {
      try (SegmentReader r = store.open(s)) {
        Vector[] v = new Vector[columns.size()];
        for (int c = 0; c < v.length; c++) v[c] = r.load(columns.get(c).name(), columns.get(c).type());
        parts.add(v);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<Vector> vectors = new ArrayList<>(columns.size());
    for (int c = 0; c < columns.size(); c++) vectors.add(concat(columns.get(c), parts, c, rows));
    return new Table(columns, vectors, rows);
  }

  private static Vector concat(ColumnSymbol column, List<Vector[]> parts, int c, int rows) {
    if (parts.size() == 1) return parts.get(0)[c];
    if (parts.isEmpty()) return ColumnDecoder.missing(column.type(), 0);
    long[] nullWords = new long[(rows + 63) >>> 6];
    return switch (column.type()) {
      case INT, LONG, DATETIME, TIMESPAN -> {
        long[] out = new long[rows];
        int at = 0;
        for (Vector[] p : parts) {
          LongVector v = (LongVector) p[c];
          System.arraycopy(v.rawValues(), 0, out, at, v.size());
          at = copyNulls(v.nulls(), v.size(), nullWords, at);
        }
        yield new LongVector(column.type(), out, rows, NullMask.of(nullWords));
      }
      case REAL -> {
        double[] out = new double[rows];
        int at = 0;
        for (Vector[] p : parts) {
          DoubleVector v = (DoubleVector) p[c];
          System.arraycopy(v.rawValues(), 0, out, at, v.size());
          at = copyNulls(v.nulls(), v.size(), nullWords, at);
        }
        yield new DoubleVector(out, rows, NullMask.of(nullWords));
      }
      case BOOL -> {
        byte[] out = new byte[rows];
        int at = 0;
        for (Vector[] p : parts) {
          BoolVector v = (BoolVector) p[c];
          System.arraycopy(v.rawValues(), 0, out, at, v.size());
          at = copyNulls(v.nulls(), v.size(), nullWords, at);
        }
        yield new BoolVector(out, rows, NullMask.of(nullWords));
      }
      case STRING -> mergeStrings(parts, c, rows);
      case DYNAMIC -> {
        Dynamic[] out = new Dynamic[rows];
        int at = 0;
        for (Vector[] p : parts) {
          DynamicVector v = (DynamicVector) p[c];
          for (int i = 0; i < v.size(); i++) out[at++] = v.get(i);
        }
        yield new DynamicVector(out, rows);
      }
      case GUID, DECIMAL, UNKNOWN -> throw new IllegalStateException("not a stored type: " + column.type());
    };
  }

  /** Sets the null bits of {@code nulls} (of a vector of {@code size}) at offset {@code at}. */
  private static int copyNulls(NullMask nulls, int size, long[] words, int at) {
    if (nulls.mayHaveNulls()) {
      for (int i = 0; i < size; i++) {
        if (nulls.isNull(i)) words[(at + i) >>> 6] |= 1L << (at + i);
      }
    }
    return at + size;
  }

  /** One dictionary for all parts: each part's codes remapped once per distinct entry. */
  private static StringVector mergeStrings(List<Vector[]> parts, int c, int rows) {
    Map<String, Integer> codes = new HashMap<>();
    List<String> entries = new ArrayList<>();
    int[] out = new int[rows];
    int at = 0;
    for (Vector[] p : parts) {
      StringVector v = (StringVector) p[c];
      StringDictionary d = v.dictionary();
      int[] remap = new int[d.size()];
      for (int k = 0; k < remap.length; k++) {
        String s = d.get(k);
        Integer code = codes.get(s);
        if (code == null) {
          code = entries.size();
          codes.put(s, code);
          entries.add(s);
        }
        remap[k] = code;
      }
      int[] raw = v.rawCodes();
      for (int i = 0; i < v.size(); i++) out[at + i] = remap[raw[i]];
      at += v.size();
    }
    return new StringVector(out, rows, new StringDictionary(entries.toArray(new String[0]), entries.size()));
  }
}
