package dev.kqlhunt.exec;

import java.util.HashMap;
import java.util.Map;

/**
 * The stored tables a query reads. Implementations must be safe to read from several threads if
 * queries run concurrently; the in-memory one is immutable once built.
 */
@FunctionalInterface
public interface DataSource {
  /** The table called {@code name} (case-sensitive), or null when there is no data for it. */
  Table table(String name);

  /**
   * The rows of {@code request.table()} that may satisfy the request, with at least the columns it
   * names (see {@link ScanRequest} for what a source may leave out). By default the whole table.
   */
  default Table scan(ScanRequest request) {
    return table(request.table());
  }

  /** No tables at all. */
  DataSource EMPTY = name -> null;

  /** A fixed set of tables by name. */
  static DataSource of(Map<String, Table> tables) {
    Map<String, Table> copy = Map.copyOf(new HashMap<>(tables));
    return copy::get;
  }
}
