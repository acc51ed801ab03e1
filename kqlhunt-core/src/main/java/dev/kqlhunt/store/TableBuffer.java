package dev.kqlhunt.store;

import dev.kqlhunt.ingest.JsonRowDecoder;
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
    /** Written out as a segment (and removed from the table's partitions). */
    boolean written;

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
  /** Where new column buffers take their arrays from (null: allocate). */
  BufferPool pool;

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
        b = ColumnBuffer.create(names[i], types[i], pool);
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

  /** Adds the columns {@code other} has and this one lacks (after this one's, in their order). */
  void addColumns(TableBuffer other) {
    boolean added = false;
    for (Map.Entry<String, ScalarType> e : other.columnTypes.entrySet()) {
      added |= columnTypes.putIfAbsent(e.getKey(), e.getValue()) == null;
    }
    if (added) refreshArrays();
  }

  /**
   * Whether rows decoded for {@code schema} can be appended with {@link #appendDecoded}: every
   * schema column is stored with the type the schema implies (a store made with another version of
   * the schema might differ).
   */
  boolean acceptsDecoded(TableSchema schema) {
    for (ColumnSymbol c : schema.columns()) {
      ScalarType stored = columnTypes.get(c.name());
      if (stored != null && stored != StoredTypes.storedType(c.type())) return false;
    }
    return true;
  }

  // The buffer column of each schema column for appendDecoded, computed once per schema.
  private TableSchema decodedSchema;
  private int[] decodedColumns;
  private int decodedTime;
  private Partition lastDecoded; // rows of a day come in runs: skips the boxed map lookup

  private void mapDecoded(TableSchema schema) {
    for (ColumnSymbol c : schema.columns()) {
      columnTypes.putIfAbsent(c.name(), StoredTypes.storedType(c.type()));
    }
    refreshArrays();
    int[] map = new int[schema.columns().size()];
    for (int i = 0; i < map.length; i++) {
      String name = schema.columns().get(i).name();
      for (int k = 0; k < names.length; k++) if (names[k].equals(name)) map[i] = k;
    }
    decodedColumns = map;
    decodedTime = timeColumn == null ? -1 : schema.indexOf(timeColumn);
    decodedSchema = schema;
  }

  /** Appends the row {@code row} holds (see {@link #acceptsDecoded}); returns its partition. */
  Partition appendDecoded(JsonRowDecoder row) {
    if (decodedSchema != row.schema()) mapDecoded(row.schema());
    int[] map = decodedColumns;
    long time = decodedTime >= 0 && !row.isNull(decodedTime) ? row.longValue(decodedTime) : Long.MIN_VALUE;
    long day = time == Long.MIN_VALUE ? NO_DAY : Math.floorDiv(time, DateTimes.TICKS_PER_DAY);
    Partition p = lastDecoded;
    if (p == null || p.day != day || p.written) {
      p = partitions.get(day);
      if (p == null) {
        p = new Partition(day);
        partitions.put(day, p);
      }
      lastDecoded = p;
    }
    if (p.columns.length < names.length) p.columns = java.util.Arrays.copyOf(p.columns, names.length);
    if (map.length < names.length) {
      // Columns beyond the schema (extras of earlier rows or commits): null in this row.
      boolean[] covered = new boolean[names.length];
      for (int k : map) covered[k] = true;
      for (int k = 0; k < names.length; k++) if (!covered[k]) column(p, k).appendNull();
    }
    for (int c = 0; c < map.length; c++) {
      ColumnBuffer b = column(p, map[c]);
      if (row.isNull(c)) {
        b.appendNull();
        continue;
      }
      switch (b) {
        case ColumnBuffer.LongColumn l -> l.appendLong(row.longValue(c));
        case ColumnBuffer.DictColumn d -> d.appendBytes(row.bytes(c), row.offset(c), row.length(c), row.hash(c));
        case ColumnBuffer.RealColumn r -> r.appendReal(row.realValue(c));
        case ColumnBuffer.BoolColumn o -> o.appendBool(row.longValue(c) != 0);
      }
    }
    p.rows++;
    if (time != Long.MIN_VALUE) {
      p.minTime = Math.min(p.minTime, time);
      p.maxTime = Math.max(p.maxTime, time);
    }
    return p;
  }

  private ColumnBuffer column(Partition p, int k) {
    ColumnBuffer b = p.columns[k];
    if (b == null) {
      b = ColumnBuffer.create(names[k], types[k], pool);
      b.padNulls(p.rows);
      p.columns[k] = b;
    }
    return b;
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
