package dev.kqlhunt.ingest.sysmon;

import java.util.Map;
import java.util.Objects;

/** What {@link SysmonMapper#map} made of one event: a row for a table, or a reason it has none. */
public sealed interface SysmonMapping {
  /** A row of {@code table}; values keyed by Device* column name, nulls omitted. */
  record Row(String table, Map<String, Object> values) implements SysmonMapping {
    public Row {
      Objects.requireNonNull(table, "table is null");
      values = Map.copyOf(values);
    }
  }

  /**
   * The event deliberately has no row (an event ID without a Device* table, a non-Sysmon event).
   */
  record Skipped(String reason) implements SysmonMapping {
    public Skipped {
      Objects.requireNonNull(reason, "reason is null");
    }
  }
}
