package dev.kqlhunt.rules.hunt;

import dev.kqlhunt.rules.alerts.ResultTable;
import dev.kqlhunt.text.SourceText;
import java.time.Instant;
import java.util.Set;

/**
 * What running rules needs from the engine and store. The integration implements it over the local
 * executor; tests use fakes. Implementations report query errors by throwing {@link QueryFailure}.
 */
public interface QueryEngine {
  /**
   * Runs {@code query} with {@code now()} pinned to {@code now}, reading table rows whose time lies in
   * [{@code windowStart}, {@code windowEnd}) (Sentinel scopes a scheduled run to its lookback).
   */
  ResultTable run(SourceText query, Instant now, Instant windowStart, Instant windowEnd);

  /** Rows of {@code table} with a time in [from, to); 0 when the table is unknown or empty. */
  long rowCount(String table, Instant from, Instant to);

  /**
   * The database tables {@code query} reads by name, for the no-data check of rules that declare no
   * required table; empty when unknown (then only declared tables are checked).
   */
  default Set<String> tablesRead(SourceText query) {
    return Set.of();
  }

  /** A query that failed to parse, bind or execute; {@code text} is the query as run. */
  final class QueryFailure extends RuntimeException {
    private final transient SourceText text;

    public QueryFailure(String message, SourceText text) {
      super(message);
      this.text = text;
    }

    public SourceText text() {
      return text;
    }
  }
}
