package dev.kqlhunt.exec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.diag.DiagnosticRenderer;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.value.DateTimes;
import java.util.Map;

/** Runs queries in tests and renders results as CSV-like text for exact comparison. */
final class ExecTestSupport {
  static final long NOW = DateTimes.of(2024, 3, 10, 12, 0, 0, 0);

  private ExecTestSupport() {}

  static QueryResult run(String query, Map<String, Table> tables) {
    return new QueryRunner(SchemaRegistry.builtIn(), DataSource.of(tables))
        .run(SourceText.of("test.kql", query), ExecOptions.at(NOW));
  }

  /** The result as CSV; fails with the rendered diagnostics when the query did not run. */
  static String csv(String query, Map<String, Table> tables) {
    QueryResult r = run(query, tables);
    assertTrue(r.ok(), () -> render(query, r));
    return ResultWriter.csv(r.table());
  }

  static String csv(String query) {
    return csv(query, Map.of());
  }

  static String render(String query, QueryResult r) {
    StringBuilder sb = new StringBuilder();
    SourceText s = SourceText.of("test.kql", query);
    r.diagnostics().forEach(d -> sb.append(DiagnosticRenderer.render(s, d)));
    return sb.toString();
  }
}
