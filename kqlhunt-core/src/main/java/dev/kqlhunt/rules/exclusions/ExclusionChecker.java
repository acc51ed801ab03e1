package dev.kqlhunt.rules.exclusions;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.rules.FileDiagnostic;
import dev.kqlhunt.rules.QueryValidator;
import dev.kqlhunt.rules.QueryValidator.QueryAnalysis;
import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.text.TextSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Binds each exclusion's {@code where} predicate against its table, so that a misspelt column is
 * reported in the exclusions file when the file is checked, not discovered as "excluded nothing" at
 * run time. Entries without a {@code table} are checked against {@code defaultTable} when given.
 */
public final class ExclusionChecker {
  private final QueryValidator queries;

  public ExclusionChecker(QueryValidator queries) {
    this.queries = Objects.requireNonNull(queries, "queries is null");
  }

  /** Diagnostics of every predicate, with spans in the exclusions file. */
  public List<FileDiagnostic> check(ExclusionSet set, String defaultTable) {
    List<FileDiagnostic> out = new ArrayList<>();
    for (Exclusion e : set.exclusions()) {
      String table = e.table() != null ? e.table() : defaultTable;
      if (table == null) continue;
      String prefix = table + "\n| where ";
      QueryAnalysis analysis = queries.analyze(SourceText.of(set.file().name(), prefix + e.where().text()));
      for (Diagnostic d : analysis.diagnostics()) {
        int start = Math.max(0, d.span().start() - prefix.length());
        int length = Math.min(d.span().length(), Math.max(0, e.where().text().length() - start));
        Diagnostic local = new Diagnostic(d.code(), d.severity(), d.message(), new TextSpan(start, length));
        out.add(new FileDiagnostic(set.file(), e.where().toFile(local)));
      }
    }
    return out;
  }
}
