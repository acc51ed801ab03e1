package dev.kqlhunt.exec;

import dev.kqlhunt.diag.Diagnostic;
import java.util.List;

/**
 * The outcome of running one query: the result table (null when the query could not run), every
 * diagnostic (syntax, binding, execution; warnings such as a row-cap truncation included), whether
 * the rows were cut at the row cap and how many rows the query produced before the cut, and the
 * peak of live bytes the memory budget saw.
 */
public record QueryResult(Table table, List<Diagnostic> diagnostics, boolean truncated, long producedRows, long peakBytes) {
  public QueryResult {
    diagnostics = List.copyOf(diagnostics);
  }

  /** Whether the query produced a table (possibly truncated) and no error. */
  public boolean ok() {
    if (table == null) return false;
    for (Diagnostic d : diagnostics) if (d.isError()) return false;
    return true;
  }

  /** Whether an error is an internal failure ({@link ExecError#INTERNAL}) rather than a problem of the query or data. */
  public boolean internalError() {
    for (Diagnostic d : diagnostics) if (d.code() == ExecError.INTERNAL) return true;
    return false;
  }
}
