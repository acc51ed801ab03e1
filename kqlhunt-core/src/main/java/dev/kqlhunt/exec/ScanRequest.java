package dev.kqlhunt.exec;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a scan asks of its {@link DataSource}: the columns the plan reads and the conditions every
 * row the query keeps must meet. A source may use them to read less (skip segments whose time range
 * or dictionary cannot match, load only the named columns, drop rows that fail a condition); it may
 * also ignore them. The executor re-applies every predicate of the scan to what it gets back, so a
 * source only has to return a superset of the matching rows with at least the named columns.
 *
 * @param table the table name, case-sensitive
 * @param columns the columns the plan reads, or null for all of them
 * @param ranges inclusive bounds that a long-backed column (datetime, timespan, long, int) must meet
 * @param strings predicates that a string column's value must satisfy
 */
public record ScanRequest(String table, Set<String> columns, List<Range> ranges, List<StringCondition> strings) {
  public ScanRequest {
    Objects.requireNonNull(table, "table is null");
    columns = columns == null ? null : Set.copyOf(columns);
    ranges = List.copyOf(ranges);
    strings = List.copyOf(strings);
  }

  /** Everything of {@code table}: no column narrowing, no conditions. */
  public static ScanRequest all(String table) {
    return new ScanRequest(table, null, List.of(), List.of());
  }

  /** Whether the plan reads {@code column}. */
  public boolean reads(String column) {
    return columns == null || columns.contains(column);
  }

  /** Every kept row has {@code low <= column <= high} (raw long values; nulls fail). */
  public record Range(String column, long low, long high) {
    public Range {
      Objects.requireNonNull(column, "column is null");
    }
  }

  /** Every kept row's value of {@code column} satisfies {@code test} (strings are never null). */
  public record StringCondition(String column, Predicate<String> test) {
    public StringCondition {
      Objects.requireNonNull(column, "column is null");
      Objects.requireNonNull(test, "test is null");
    }
  }
}
