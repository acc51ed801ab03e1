package dev.kqlhunt.binder;

import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.syntax.ParseResult;
import dev.kqlhunt.syntax.tree.Expression;
import dev.kqlhunt.syntax.tree.QueryBlock;
import dev.kqlhunt.syntax.tree.Statement;
import java.util.List;
import java.util.Objects;

/**
 * Binds parsed queries against a {@link SchemaRegistry}. Never throws on a tree the parser produced:
 * problems become {@link BindErrors} diagnostics. Immutable and thread-safe; each call allocates its
 * own state. Cost is linear in the query size plus one binding of a user function body per call site.
 */
public final class Binder {
  private final SchemaRegistry catalog;

  public Binder(SchemaRegistry catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog is null");
  }

  public SchemaRegistry catalog() {
    return catalog;
  }

  public BindResult bind(ParseResult parsed) {
    return bind(parsed.tree(), parsed.source().text());
  }

  /** Binds {@code tree}, whose spans point into {@code text}. */
  public BindResult bind(QueryBlock tree, String text) {
    BindContext first = bindOnce(tree, text, null);
    if (first.discovered.isEmpty()) return first.result;
    // Unknown tables had columns read from them: bind again with those columns in place, so result
    // schemas list them where the official parser does.
    return bindOnce(tree, text, first.discovered).result;
  }

  private BindContext bindOnce(QueryBlock tree, String text,
      java.util.Map<String, java.util.LinkedHashSet<String>> seeded) {
    BindContext cx = new BindContext(catalog, text);
    cx.seeded = seeded;
    Scope root = new Scope(null);
    List<Statement> statements = tree.statements();
    List<BoundQuery.Let> lets = cx.tables.bindStatements(statements, root);
    Expression last = null;
    for (Statement s : statements) {
      if (!(s instanceof Statement.QueryStatement q)) continue;
      // Every query statement is a result of its own in Kusto; the last one is the query's result here,
      // the earlier ones are bound for their diagnostics.
      if (last != null) cx.tables.bindValue(last, Env.of(Row.EMPTY, root));
      last = q.expression();
    }
    BoundQuery query;
    if (last == null) {
      query = new BoundQuery(lets, null, null);
    } else {
      BoundValue v = cx.tables.bindValue(last, Env.of(Row.EMPTY, root));
      query = new BoundQuery(lets, v.tabular(), v.tabular() == null ? v.scalar() : null);
    }
    cx.result = new BindResult(query, cx.diagnostics());
    return cx;
  }
}
