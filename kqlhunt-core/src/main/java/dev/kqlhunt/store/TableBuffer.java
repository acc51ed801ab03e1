package dev.kqlhunt.store;

import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.symbols.TableSchema;
import dev.kqlhunt.value.DateTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one table buffered for the segments of the current commit, one {@link Partition} per
 * UTC day of the time column. The table's columns only grow: schema columns first (in schema
 * order), then extra columns in the order they first appeared, each with the stored type of its
 * first non-null value. Single-threaded.
 */
final class TableBuffer {
  /** The rows of one day (or of no day: {@link #NO_DAY}). */
  static final class Partition {
    final long day;
    /** Buffers in the table's column order; null or missing entries are columns not seen yet. */
    ColumnBuffer[] columns = new ColumnBuffer[0];
    int rows;
    /** The writer's row counter when this partition last received a row. */
    long lastTouched;
    long minTime = Long.MAX_VALUE;
    long maxTime = Long.MIN_VALUE;

    Partition(long day) {
      this.day = day;
    }

    String name() {
      return day == NO_DAY ? "none" : DateTimes.date(day * DateTimes.TICKS_PER_DAY).toString();
    }

    long bufferedBytes() {
      long b = 0;
      for (ColumnBuffer c : columns) if (c != null) b += c.bufferedBytes();
      return b;
    }
  }

  static final long NO_DAY = Long.MIN_VALUE;

  final String table;
  private final LinkedHashMap<String, ScalarType> columnTypes = new LinkedHashMap<>();
  // The same columns as arrays, for the per-row loop (no map iteration per row).
  private String[] names = new String[0];
  private ScalarType[] types = new ScalarType[0];
  private final String timeColumn;
  final Map<Long, Partition> partitions = new HashMap<>();
  long coerced;

  /**
   * @param known the table's columns as the manifest lists them (may be empty)
   * @param schema the table's schema, or null when the table has none
   */
  TableBuffer(String table, List<ColumnSymbol> known, TableSchema schema) {
    this.table = table;
    for (ColumnSymbol c : known) columnTypes.put(c.name(), c.type());
    if (schema != null) {
      for (ColumnSymbol c : schema.columns()) {
        columnTypes.putIfAbsent(c.name(), StoredTypes.storedType(c.type()));
      }
    }
    this.timeColumn = pickTimeColumn();
    refreshArrays();
  }

  private void refreshArrays() {
    names = columnTypes.keySet().toArray(new String[0]);
    types = columnTypes.values().toArray(new ScalarType[0]);
  }

  private String pickTimeColumn() {
    for (String candidate : new String[] {"Timestamp", "TimeGenerated"}) {
      if (columnTypes.get(candidate) == ScalarType.DATETIME) return candidate;
    }
    return null;
  }

  /** The table's columns in order, as the manifest should list them after this commit. */
  List<ColumnSymbol> columns() {
    List<ColumnSymbol> out = new ArrayList<>(columnTypes.size());
    columnTypes.forEach((n, t) -> out.add(new ColumnSymbol(n, t)));
    return out;
  }

  String timeColumn() {
    return timeColumn;
  }

  /** Appends one typed row; returns the partition it went to. */
  Partition append(Map<String, Object> values) {
    for (Map.Entry<String, Object> e : values.entrySet()) {
      if (e.getValue() != null && !columnTypes.containsKey(e.getKey())) {
        columnTypes.put(e.getKey(), StoredTypes.inferType(e.getValue()));
        refreshArrays();
      }
    }
    long time = timeOf(values);
    long day = time == Long.MIN_VALUE ? NO_DAY : Math.floorDiv(time, DateTimes.TICKS_PER_DAY);
    Partition p = partitions.computeIfAbsent(day, Partition::new);
    if (p.columns.length < names.length) p.columns = java.util.Arrays.copyOf(p.columns, names.length);
    for (int i = 0; i < names.length; i++) {
      ColumnBuffer b = p.columns[i];
      if (b == null) {
        b = ColumnBuffer.create(names[i], types[i]);
        b.padNulls(p.rows);
        p.columns[i] = b;
      }
      try {
        b.append(values.get(names[i]));
      } catch (StoredTypes.Mismatch e) {
        // Only extra columns can get here (schema columns were converted by TypingSink): a value
        // whose kind differs from the column's first one. Kept as null and counted.
        coerced++;
      }
    }
    p.rows++;
    if (time != Long.MIN_VALUE) {
      p.minTime = Math.min(p.minTime, time);
      p.maxTime = Math.max(p.maxTime, time);
    }
    return p;
  }

  private long timeOf(Map<String, Object> values) {
    if (timeColumn == null) return Long.MIN_VALUE;
    Object v = values.get(timeColumn);
    if (v instanceof Instant t) {
      try {
        return StoredTypes.ticks(t);
      } catch (ArithmeticException e) {
        return Long.MIN_VALUE;
      }
    }
    return Long.MIN_VALUE;
  }
}
