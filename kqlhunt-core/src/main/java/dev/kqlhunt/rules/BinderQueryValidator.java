package dev.kqlhunt.rules;

import dev.kqlhunt.binder.BoundTrees;
import dev.kqlhunt.binder.QueryCheck;
import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.text.SourceText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The {@link QueryValidator} of real runs: kqlhunt's parser and binder over a schema registry. */
public final class BinderQueryValidator implements QueryValidator {
  private final SchemaRegistry registry;

  public BinderQueryValidator(SchemaRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry is null");
  }

  @Override
  public QueryAnalysis analyze(SourceText query) {
    QueryCheck check = QueryCheck.run(query, registry);
    List<Diagnostic> diagnostics = new ArrayList<>(check.syntaxDiagnostics());
    diagnostics.addAll(check.semanticDiagnostics());
    diagnostics.sort(Comparator.comparingInt(d -> d.span().start()));
    List<ResultColumn> columns = new ArrayList<>();
    List<ColumnSymbol> result = check.resultColumns();
    if (result != null) {
      for (ColumnSymbol c : result) columns.add(new ResultColumn(c.name(), c.type()));
    }
    var bound = check.bind().query();
    return new QueryAnalysis(diagnostics, columns, BoundTrees.tablesRead(bound),
        BoundTrees.readsTablesIndirectly(bound));
  }
}
