package dev.kqlhunt.rules;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.diag.DiagnosticCode;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.text.TextSpan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A stand-in for the binder: every occurrence of the word {@code Bogus} is an "unknown name" error,
 * the result columns are fixed by the test, and the tables read are the Device* words of the text.
 */
final class FakeQueryValidator implements QueryValidator {
  enum FakeCode implements DiagnosticCode {
    UNKNOWN_NAME;

    @Override
    public String id() {
      return "KQL2999";
    }

    @Override
    public String template() {
      return "Unknown name '%s'";
    }
  }

  private final List<String> columns;
  final List<String> analysed = new ArrayList<>();

  FakeQueryValidator(String... columns) {
    this.columns = List.of(columns);
  }

  @Override
  public QueryAnalysis analyze(SourceText query) {
    analysed.add(query.text());
    List<Diagnostic> diagnostics = new ArrayList<>();
    String text = query.text();
    for (int i = text.indexOf("Bogus"); i >= 0; i = text.indexOf("Bogus", i + 1)) {
      diagnostics.add(Diagnostic.error(FakeCode.UNKNOWN_NAME, new TextSpan(i, 5), "Bogus"));
    }
    Set<String> tables = new LinkedHashSet<>();
    for (String word : text.split("[^A-Za-z]+")) {
      if (word.startsWith("Device") && word.endsWith("Events")) tables.add(word);
    }
    List<ResultColumn> result = columns.stream().map(c -> new ResultColumn(c, ScalarType.STRING)).toList();
    return new QueryAnalysis(diagnostics, diagnostics.isEmpty() ? result : List.of(), tables, text.contains("union *"));
  }
}
