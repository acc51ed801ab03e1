package dev.kqlhunt.rules.alerts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A run's result as plain values, the boundary between the engine and alert building: column names
 * and rows of Java values ({@code String}, {@code Long}, {@code Double}, {@code Boolean},
 * {@code java.time.Instant}, {@code null}, lists/maps for dynamic). Immutable; rows may hold nulls.
 */
public record ResultTable(List<String> columns, List<List<Object>> rows) {
  public ResultTable {
    columns = List.copyOf(columns);
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException("row has " + row.size() + " values for " + columns.size() + " columns");
      }
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copy);
  }

  public static ResultTable empty(List<String> columns) {
    return new ResultTable(columns, List.of());
  }

  public int size() {
    return rows.size();
  }

  /** The value of {@code column} in row {@code row}, or null when the column does not exist. */
  public Object value(int row, String column) {
    int c = columns.indexOf(column);
    return c < 0 ? null : rows.get(row).get(c);
  }
}
