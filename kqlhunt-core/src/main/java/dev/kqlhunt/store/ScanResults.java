package dev.kqlhunt.store;

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
import dev.kqlhunt.value.DynamicJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the segments' {@link SegmentScan.Result}s into one {@link Table}: primitive parts are copied
 * end to end; string parts get one dictionary holding only the entries their rows use (each
 * segment's codes remapped once per distinct code), so a scan that keeps seven rows of a command-line
 * column carries seven strings, not a segment's hundred thousand.
 */
final class ScanResults {
  private ScanResults() {}

  static Table join(List<ColumnSymbol> columns, List<SegmentScan.Result> parts) {
    long total = 0;
    for (SegmentScan.Result p : parts) total += p.rows();
    if (total > Integer.MAX_VALUE - 16) throw new IllegalStateException("scan result too large: " + total + " rows");
    int rows = (int) total;
    List<Vector> vectors = new ArrayList<>(columns.size());
    for (int c = 0; c < columns.size(); c++) vectors.add(column(columns.get(c), parts, c, rows));
    return new Table(columns, vectors, rows);
  }

  private static Vector column(ColumnSymbol column, List<SegmentScan.Result> parts, int c, int rows) {
    long[] nullWords = new long[(rows + 63) >>> 6];
    boolean anyNull = false;
    switch (column.type()) {
      case INT, LONG, DATETIME, TIMESPAN -> {
        long[] out = new long[rows];
        int at = 0;
        for (SegmentScan.Result p : parts) {
          ColumnPart part = p.columns()[c];
          if (part instanceof ColumnPart.Longs l) {
            System.arraycopy(l.values(), 0, out, at, p.rows());
            anyNull |= copyNulls(l.nullWords(), p.rows(), nullWords, at);
          } else {
            anyNull |= setNulls(p.rows(), nullWords, at);
          }
          at += p.rows();
        }
        return new LongVector(column.type(), out, rows, anyNull ? NullMask.of(nullWords) : NullMask.NONE);
      }
      case REAL -> {
        double[] out = new double[rows];
        int at = 0;
        for (SegmentScan.Result p : parts) {
          if (p.columns()[c] instanceof ColumnPart.Doubles d) {
            System.arraycopy(d.values(), 0, out, at, p.rows());
            anyNull |= copyNulls(d.nullWords(), p.rows(), nullWords, at);
          } else {
            anyNull |= setNulls(p.rows(), nullWords, at);
          }
          at += p.rows();
        }
        return new DoubleVector(out, rows, anyNull ? NullMask.of(nullWords) : NullMask.NONE);
      }
      case BOOL -> {
        byte[] out = new byte[rows];
        int at = 0;
        for (SegmentScan.Result p : parts) {
          if (p.columns()[c] instanceof ColumnPart.Bools b) {
            System.arraycopy(b.values(), 0, out, at, p.rows());
            anyNull |= copyNulls(b.nullWords(), p.rows(), nullWords, at);
          } else {
            anyNull |= setNulls(p.rows(), nullWords, at);
          }
          at += p.rows();
        }
        return new BoolVector(out, rows, anyNull ? NullMask.of(nullWords) : NullMask.NONE);
      }
      case STRING -> {
        return strings(parts, c, rows);
      }
      case DYNAMIC -> {
        return dynamics(parts, c, rows);
      }
      case GUID, DECIMAL, UNKNOWN -> throw new IllegalStateException("not a stored type: " + column.type());
    }
    throw new AssertionError(column.type());
  }

  /** Copies the first {@code size} null bits of {@code words} (may be null) to offset {@code at}. */
  private static boolean copyNulls(long[] words, int size, long[] out, int at) {
    if (words == null) return false;
    boolean any = false;
    for (int i = 0; i < size; i++) {
      if ((words[i >>> 6] & (1L << i)) != 0) {
        out[(at + i) >>> 6] |= 1L << (at + i);
        any = true;
      }
    }
    return any;
  }

  private static boolean setNulls(int size, long[] out, int at) {
    for (int i = 0; i < size; i++) out[(at + i) >>> 6] |= 1L << (at + i);
    return size > 0;
  }

  private static StringVector strings(List<SegmentScan.Result> parts, int c, int rows) {
    Map<String, Integer> ids = new HashMap<>();
    List<String> entries = new ArrayList<>();
    int[] out = new int[rows];
    int at = 0;
    for (SegmentScan.Result p : parts) {
      int n = p.rows();
      if (!(p.columns()[c] instanceof ColumnPart.Strings s)) {
        int code = id("", ids, entries);
        Arrays.fill(out, at, at + n, code);
        at += n;
        continue;
      }
      int[] remap = new int[s.dictionary().size()];
      Arrays.fill(remap, -1);
      int[] codes = s.codes();
      for (int i = 0; i < n; i++) {
        int k = codes[i];
        int m = remap[k];
        if (m < 0) {
          m = id(s.dictionary().get(k), ids, entries);
          remap[k] = m;
        }
        out[at + i] = m;
      }
      at += n;
    }
    if (entries.isEmpty()) entries.add("");
    return new StringVector(out, rows, new StringDictionary(entries.toArray(new String[0]), entries.size()));
  }

  private static int id(String s, Map<String, Integer> ids, List<String> entries) {
    Integer id = ids.get(s);
    if (id == null) {
      id = entries.size();
      ids.put(s, id);
      entries.add(s);
    }
    return id;
  }

  private static DynamicVector dynamics(List<SegmentScan.Result> parts, int c, int rows) {
    Dynamic[] out = new Dynamic[rows];
    int at = 0;
    for (SegmentScan.Result p : parts) {
      int n = p.rows();
      if (!(p.columns()[c] instanceof ColumnPart.Dynamics d)) {
        Arrays.fill(out, at, at + n, Dynamic.NULL);
        at += n;
        continue;
      }
      // Each distinct value is parsed once, and only if a kept row uses it.
      Dynamic[] parsed = new Dynamic[d.dictionary().size()];
      long[] nulls = d.nullWords();
      for (int i = 0; i < n; i++) {
        if (nulls != null && (nulls[i >>> 6] & (1L << i)) != 0) {
          out[at + i] = Dynamic.NULL;
          continue;
        }
        int k = d.codes()[i];
        Dynamic v = parsed[k];
        if (v == null) {
          v = DynamicJson.parse(d.dictionary().get(k));
          parsed[k] = v;
        }
        out[at + i] = v;
      }
      at += n;
    }
    return new DynamicVector(out, rows);
  }
}
