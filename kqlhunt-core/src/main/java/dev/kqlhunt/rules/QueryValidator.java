package dev.kqlhunt.rules;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.text.SourceText;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one thing the rules stage needs from the KQL front end: parse and bind a query, and say what it
 * returns. The lead plugs the binder in; tests use fakes. Implementations must not throw on bad input.
 */
@FunctionalInterface
public interface QueryValidator {
  /**
   * Parses and binds {@code query}. Diagnostic spans are offsets in {@code query}.
   */
  QueryAnalysis analyze(SourceText query);

  /** A result column: name and Kusto type. */
  record ResultColumn(String name, ScalarType type) {
    public ResultColumn {
      Objects.requireNonNull(name, "name is null");
      Objects.requireNonNull(type, "type is null");
    }
  }

  /**
   * The outcome of binding a query.
   *
   * @param diagnostics syntax and binding diagnostics (KQL1xxx/KQL2xxx), spans in the analysed text
   * @param columns the result schema; empty when the query does not bind or returns no table
   * @param tablesRead database tables the query reads by name (after resolving lets), for exclusions
   * @param readsTablesIndirectly true when the query reads tables the binder cannot name statically
   *     ({@code table("...")} with a computed name, wildcard {@code union Device*}, stored functions),
   *     so that filtering a table by a {@code let} shadow may not cover every read
   */
  record QueryAnalysis(
      List<Diagnostic> diagnostics, List<ResultColumn> columns, Set<String> tablesRead, boolean readsTablesIndirectly) {
    public QueryAnalysis {
      diagnostics = List.copyOf(diagnostics);
      columns = List.copyOf(columns);
      tablesRead = Set.copyOf(tablesRead);
    }

    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }
}
