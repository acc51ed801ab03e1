package dev.kqlhunt.hunt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Events held in memory, per table: typed rows as the ingest stage produces them (column name to
 * {@code String}, {@code Long}, {@code Double}, {@code BigDecimal}, {@code Boolean}, {@link Instant},
 * dynamic values, or null). The time of a row is its {@code Timestamp}, else its {@code TimeGenerated}
 * (Defender tables carry both; Sentinel-only tables only the latter); a row with neither has no time
 * and is never inside a window.
 *
 * <p>Immutable once built; rows are not copied on read, so callers must not modify them.
 */
public final class EventData {
  /** Time columns in order of preference. */
  public static final List<String> TIME_COLUMNS = List.of("Timestamp", "TimeGenerated");

  private final Map<String, List<Map<String, Object>>> tables;

  private EventData(Map<String, List<Map<String, Object>>> tables) {
    this.tables = tables;
  }

  public static EventData empty() {
    return new EventData(Map.of());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Table names in the order they were first added. */
  public Set<String> tableNames() {
    return tables.keySet();
  }

  /** All rows of {@code table}, or an empty list for an unknown table. */
  public List<Map<String, Object>> rows(String table) {
    return tables.getOrDefault(table, List.of());
  }

  public boolean hasTable(String table) {
    return tables.containsKey(table);
  }

  /** Rows of {@code table} whose time lies in [from, to). Linear in the table's size. */
  public List<Map<String, Object>> rows(String table, Instant from, Instant to) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : rows(table)) {
      Instant t = timeOf(row);
      if (t != null && !t.isBefore(from) && t.isBefore(to)) out.add(row);
    }
    return out;
  }

  /** Number of rows of {@code table} whose time lies in [from, to). */
  public long rowCount(String table, Instant from, Instant to) {
    long n = 0;
    for (Map<String, Object> row : rows(table)) {
      Instant t = timeOf(row);
      if (t != null && !t.isBefore(from) && t.isBefore(to)) n++;
    }
    return n;
  }

  /** Total rows over all tables. */
  public long size() {
    long n = 0;
    for (List<Map<String, Object>> rows : tables.values()) n += rows.size();
    return n;
  }

  /** The time of a row: its first time column holding an {@link Instant}, or null. */
  public static Instant timeOf(Map<String, Object> row) {
    for (String c : TIME_COLUMNS) {
      if (row.get(c) instanceof Instant t) return t;
    }
    return null;
  }

  /** Collects rows; not thread-safe. */
  public static final class Builder {
    private final Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();

    public Builder add(String table, Map<String, Object> row) {
      Objects.requireNonNull(table, "table is null");
      Objects.requireNonNull(row, "row is null");
      tables.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
      return this;
    }

    public Builder addAll(String table, List<Map<String, Object>> rows) {
      for (Map<String, Object> row : rows) add(table, row);
      return this;
    }

    /** Declares a table that may stay empty (so it is known but has no rows). */
    public Builder table(String table) {
      tables.computeIfAbsent(table, t -> new ArrayList<>());
      return this;
    }

    public EventData build() {
      Map<String, List<Map<String, Object>>> copy = new LinkedHashMap<>();
      tables.forEach((name, rows) -> copy.put(name, Collections.unmodifiableList(new ArrayList<>(rows))));
      return new EventData(Collections.unmodifiableMap(copy));
    }
  }
}
