package dev.kqlhunt.binder;

import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.symbols.Suggestions;
import dev.kqlhunt.symbols.TableSchema;
import dev.kqlhunt.syntax.Parser;
import dev.kqlhunt.syntax.ParseResult;
import dev.kqlhunt.syntax.tree.Expression;
import dev.kqlhunt.syntax.tree.QueryOperator;
import dev.kqlhunt.syntax.tree.Statement;
import dev.kqlhunt.text.TextSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds statements and tabular expressions: sources (tables, {@code let} values, function calls,
 * {@code materialize}) and pipes, dispatching each query operator to {@link OperatorBinder}.
 */
final class TabularBinder {
  private final BindContext cx;
  final FunctionExpander expander;
  final OperatorBinder operators;
  private final Map<String, Scope.FunctionEntry> storedFunctions = new HashMap<>();
  private final Scope storedHome = new Scope(null);
  private int probeDepth;

  TabularBinder(BindContext cx) {
    this.cx = cx;
    this.expander = new FunctionExpander(cx);
    this.operators = new OperatorBinder(cx);
  }

  /** Binds {@code let} and other statements into {@code scope}; returns the lets for the bound query. */
  List<BoundQuery.Let> bindStatements(List<Statement> statements, Scope scope) {
    List<BoundQuery.Let> lets = new ArrayList<>();
    for (Statement s : statements) {
      switch (s) {
        case Statement.LetStatement let -> lets.add(bindLet(let, scope));
        case Statement.DeclareQueryParametersStatement d -> {
          for (var p : d.parameters()) {
            ScalarType t = p.type() instanceof dev.kqlhunt.syntax.tree.TypeExpression.PrimitiveType pt
                ? scalarType(pt.name(), pt.span()) : ScalarType.UNKNOWN;
            scope.declare(p.name().text(), new Scope.ScalarEntry(new BoundExpr.VariableRef(p.name().text(), t, null)));
          }
        }
        case Statement.SetStatement set -> {}
        case Statement.AliasStatement alias -> {}
        case Statement.DeclarePatternStatement pattern -> cx.patterns.put(pattern.name().text(), pattern);
        case Statement.RestrictAccessStatement restrict -> restrict(restrict, scope);
        case Statement.QueryStatement q -> {}
      }
    }
    return lets;
  }

  /** Checks the restrict list's names and limits later table references to them. */
  private void restrict(Statement.RestrictAccessStatement restrict, Scope scope) {
    List<String> names = new ArrayList<>();
    for (Expression e : restrict.entities()) {
      Expression target = e;
      while (target instanceof Expression.PathExpression p) target = new Expression.NameReference(p.selector().span(), p.selector());
      if (!(target instanceof Expression.NameReference n)) {
        cx.error(BindErrors.TABULAR_EXPECTED, e.span());
        continue;
      }
      String name = n.name().text();
      names.add(name);
      if (name.contains("*")) continue;
      if (scope.lookup(name) == null && cx.catalog.table(name) == null && storedFunction(name) == null) {
        List<String> candidates = new ArrayList<>(cx.catalog.tableNames());
        scope.collectNames(candidates);
        cx.error(BindErrors.UNKNOWN_TABLE, e.span(), name, BindContext.didYouMean(Suggestions.closest(name, candidates)));
      }
    }
    cx.restrictedTo = names;
  }

  private BoundQuery.Let bindLet(Statement.LetStatement let, Scope scope) {
    String name = let.name().text();
    if (let.value() instanceof Expression.FunctionDeclaration f) {
      scope.declare(name, new Scope.FunctionEntry(new UserFunction(name, f, false), scope));
      return new BoundQuery.Let(name, null, null);
    }
    BoundValue v = bindValue(let.value(), Env.of(Row.EMPTY, scope));
    if (v.tabular() != null) {
      boolean materialized = let.value() instanceof Expression.FunctionCall c && c.name().text().equals("materialize");
      scope.declare(name, new Scope.TabularEntry(new BoundTabular.LetRef(name, v.tabular(), materialized)));
      return new BoundQuery.Let(name, v.tabular(), null);
    }
    BoundExpr value = v.scalar();
    scope.declare(name, new Scope.ScalarEntry(new BoundExpr.VariableRef(name, value.type(), value)));
    return new BoundQuery.Let(name, null, value);
  }

  /** Binds an expression that may be tabular or scalar. */
  BoundValue bindValue(Expression e, Env env) {
    if (isTabular(e, env)) return BoundValue.of(bindTabular(e, env.scope()));
    if (e instanceof Expression.FunctionCall c && isUserFunction(c.name().text(), env.scope())) {
      Scope.FunctionEntry f = functionEntry(c.name().text(), env.scope());
      BoundValue v = expander.expand(f, c, c.arguments(), env);
      if (v.tabular() != null) {
        return BoundValue.of(new BoundTabular.UserCall(f.function().name(), v.arguments(), v.tabular()));
      }
      return v.scalar() == null ? BoundValue.ERROR
          : BoundValue.of(new BoundExpr.UserCall(f.function().name(), v.arguments(), v.scalar()));
    }
    return BoundValue.of(cx.exprs.bind(e, env));
  }

  /** Like {@link #isTabular(Expression, Scope)}, but a column of the row shadows a tabular name. */
  boolean isTabular(Expression e, Env env) {
    Expression inner = e;
    while (inner instanceof Expression.ParenthesizedExpression p) inner = p.inner();
    if (inner instanceof Expression.NameReference n && env.row().find(n.name().text()) != null) return false;
    return isTabular(e, env.scope());
  }

  /** Whether {@code e} denotes a table in this scope (decided from syntax and names, without binding). */
  boolean isTabular(Expression e, Scope scope) {
    return switch (e) {
      case Expression.PipeExpression p -> true;
      case QueryOperator q -> true;
      case Expression.ParenthesizedExpression p -> isTabular(p.inner(), scope);
      case Expression.NameReference n -> {
        String name = n.name().text();
        Scope.Entry entry = scope.lookup(name);
        if (entry != null) {
          yield entry instanceof Scope.TabularEntry
              || (entry instanceof Scope.FunctionEntry f && bodyIsTabular(f));
        }
        if (cx.catalog.table(name) != null) yield true;
        Scope.FunctionEntry stored = storedFunction(name);
        yield stored != null && bodyIsTabular(stored);
      }
      case Expression.FunctionCall c -> {
        String name = c.name().text();
        if (cx.patterns.containsKey(name)) yield true;
        if (name.equals("materialize") || name.equals("table") || name.equals("database")
            || name.equals("cluster") || name.equals("view")) yield true;
        Scope.FunctionEntry f = functionEntry(name, scope);
        yield f != null && bodyIsTabular(f);
      }
      case Expression.PathExpression p -> isRemote(p.target()) || patternCall(p.target()) != null;
      case Expression.PathCall p -> isRemote(p.target()) || isRemote(p.call());
      default -> false;
    };
  }

  /** {@code e} as a call of a declared pattern, or null. */
  private Expression.FunctionCall patternCall(Expression e) {
    return e instanceof Expression.FunctionCall c && cx.patterns.containsKey(c.name().text()) ? c : null;
  }

  /** {@code cluster(...)}, {@code database(...)} and paths through them. */
  private static boolean isRemote(Expression e) {
    return switch (e) {
      case Expression.FunctionCall c -> c.name().text().equals("database") || c.name().text().equals("cluster");
      case Expression.PathCall p -> isRemote(p.target());
      case Expression.PathExpression p -> isRemote(p.target());
      default -> false;
    };
  }

  private boolean isUserFunction(String name, Scope scope) {
    return functionEntry(name, scope) != null;
  }

  private Scope.FunctionEntry functionEntry(String name, Scope scope) {
    Scope.Entry entry = scope.lookup(name);
    if (entry instanceof Scope.FunctionEntry f) return f;
    return entry == null ? storedFunction(name) : null;
  }

  /** Whether a function's body ends in a tabular expression (judged from syntax, parameters included). */
  private boolean bodyIsTabular(Scope.FunctionEntry f) {
    if (probeDepth >= BindContext.MAX_EXPANSION_DEPTH) return false; // recursion: Kusto rejects it anyway
    probeDepth++;
    try {
      return probeBody(f);
    } finally {
      probeDepth--;
    }
  }

  private boolean probeBody(Scope.FunctionEntry f) {
    Scope probe = new Scope(f.home());
    for (var p : f.function().parameters()) {
      if (p.type() instanceof dev.kqlhunt.syntax.tree.TypeExpression.SchemaType) {
        probe.declare(p.name().text(), new Scope.TabularEntry(
            new BoundTabular.LetRef(p.name().text(), new BoundTabular.TableScan("", List.of(), false), false)));
      } else {
        probe.declare(p.name().text(), new Scope.ScalarEntry(
            new BoundExpr.VariableRef(p.name().text(), ScalarType.UNKNOWN, null)));
      }
    }
    for (Statement s : f.function().declaration().body().statements()) {
      if (s instanceof Statement.LetStatement let) {
        boolean tab = !(let.value() instanceof Expression.FunctionDeclaration) && isTabular(let.value(), probe);
        probe.declare(let.name().text(), tab
            ? new Scope.TabularEntry(new BoundTabular.LetRef(let.name().text(),
                new BoundTabular.TableScan("", List.of(), false), false))
            : new Scope.ScalarEntry(new BoundExpr.VariableRef(let.name().text(), ScalarType.UNKNOWN, null)));
      }
    }
    Expression body = f.function().declaration().body().expression();
    return body != null && isTabular(body, probe);
  }

  /** Binds {@code e} as a table; a scalar here is reported and yields an empty unknown table. */
  BoundTabular bindTabular(Expression e, Scope scope) {
    return switch (e) {
      case Expression.PipeExpression p -> operators.apply(p.operator(), bindTabular(p.input(), scope), scope);
      case QueryOperator q -> operators.apply(q, null, scope);
      case Expression.ParenthesizedExpression p -> bindTabular(p.inner(), scope);
      case Expression.NameReference n -> tableByName(n.name().text(), n, scope);
      case Expression.FunctionCall c when patternCall(c) != null -> Patterns.bind(cx, c, null, scope);
      case Expression.FunctionCall c -> tabularCall(c, scope);
      case Expression.PathExpression p when patternCall(p.target()) != null ->
          Patterns.bind(cx, patternCall(p.target()), p.selector(), scope);
      case Expression.PathExpression p -> remoteTable(p);
      case Expression.PathCall p -> unknownTable(p.call().name().text());
      default -> {
        cx.exprs.bind(e, Env.of(Row.EMPTY, scope));
        cx.error(BindErrors.TABULAR_EXPECTED, e.span());
        yield unknownTable("");
      }
    };
  }

  private BoundTabular tableByName(String name, Expression site, Scope scope) {
    if (name.isEmpty()) return unknownTable(name);
    Scope.Entry entry = scope.lookup(name);
    if (entry instanceof Scope.TabularEntry t) return t.ref();
    if (entry instanceof Scope.FunctionEntry f) return tabularUserCall(f, site, List.of(), scope);
    if (entry == null) {
      TableSchema table = cx.catalog.table(name);
      if (table != null && !Patterns.accessible(cx, name)) {
        cx.error(BindErrors.RESTRICTED_TABLE, site.span(), name);
        return cx.unknownTable(name);
      }
      if (table != null) return new BoundTabular.TableScan(name, table.columns(), true);
      Scope.FunctionEntry stored = storedFunction(name);
      if (stored != null) return tabularUserCall(stored, site, List.of(), scope);
    }
    if (entry instanceof Scope.ScalarEntry) {
      cx.error(BindErrors.TABULAR_EXPECTED, site.span());
      return unknownTable(name);
    }
    if (cx.fuzzyUnion > 0) return cx.unknownTable(name);
    List<String> candidates = new ArrayList<>(cx.catalog.tableNames());
    scope.collectNames(candidates);
    cx.error(BindErrors.UNKNOWN_TABLE, site.span(), name, BindContext.didYouMean(Suggestions.closest(name, candidates)));
    return cx.unknownTable(name);
  }

  private BoundTabular tabularCall(Expression.FunctionCall c, Scope scope) {
    String name = c.name().text();
    switch (name) {
      case "materialize" -> {
        if (c.arguments().size() != 1) {
          cx.error(BindErrors.WRONG_ARGUMENT_COUNT, c.span(), name, "1 argument");
          return unknownTable(name);
        }
        return new BoundTabular.LetRef("materialize", bindTabular(c.arguments().get(0), scope), true);
      }
      case "table", "view" -> {
        if (c.arguments().size() >= 1 && c.arguments().get(0) instanceof Expression.Literal l
            && l.value() instanceof String s) {
          return tableByName(s, c, scope);
        }
        return unknownTable(name);
      }
      case "database", "cluster" -> {
        return unknownTable(name);
      }
      default -> {}
    }
    Scope.FunctionEntry f = functionEntry(name, scope);
    if (f != null) return tabularUserCall(f, c, c.arguments(), scope);
    Scope.Entry entry = scope.lookup(name);
    if (entry != null || cx.catalog.functionCatalog().scalar(name) != null || cx.catalog.functionCatalog().aggregate(name) != null) {
      cx.exprs.bind(c, Env.of(Row.EMPTY, scope));
      cx.error(BindErrors.TABULAR_EXPECTED, c.span());
      return unknownTable(name);
    }
    if (cx.fuzzyUnion > 0) return cx.unknownTable(name);
    List<String> candidates = new ArrayList<>();
    for (var sf : cx.catalog.functions()) candidates.add(sf.name());
    scope.collectNames(candidates);
    cx.error(BindErrors.UNKNOWN_FUNCTION, c.name().span(), name, BindContext.didYouMean(Suggestions.closest(name, candidates)));
    for (Expression a : c.arguments()) {
      if (!isTabular(a, scope)) cx.exprs.bind(a, Env.of(Row.EMPTY, scope));
    }
    return cx.unknownTable(name);
  }

  BoundTabular tabularUserCall(Scope.FunctionEntry f, Expression site, List<Expression> args, Scope scope) {
    BoundValue v = expander.expand(f, site, args, Env.of(Row.EMPTY, scope));
    if (v.tabular() != null) return new BoundTabular.UserCall(f.function().name(), v.arguments(), v.tabular());
    if (v.scalar() != null && !(v.scalar() instanceof BoundExpr.Error)) cx.error(BindErrors.TABULAR_EXPECTED, site.span());
    return unknownTable(f.function().name());
  }

  /** {@code database("x").T}, {@code cluster("c").database("d").T}: tables we know nothing of. */
  private BoundTabular remoteTable(Expression.PathExpression p) {
    return unknownTable(p.selector().text());
  }

  static BoundTabular unknownTable(String name) {
    return new BoundTabular.TableScan(name, List.of(), false);
  }

  /** The stored function {@code name} of the schema file, parsed once per binding, or null. */
  Scope.FunctionEntry storedFunction(String name) {
    Scope.FunctionEntry cached = storedFunctions.get(name);
    if (cached != null || storedFunctions.containsKey(name)) return cached;
    dev.kqlhunt.symbols.StoredFunction sf = cx.catalog.function(name);
    Scope.FunctionEntry entry = null;
    if (sf != null) {
      // Parsing the declaration as a let statement reuses the parser's function grammar unchanged.
      ParseResult parsed = Parser.parse("let " + "f" + " = " + sf.parameters() + " " + sf.body() + ";");
      if (!parsed.tree().statements().isEmpty()
          && parsed.tree().statements().get(0) instanceof Statement.LetStatement let
          && let.value() instanceof Expression.FunctionDeclaration decl) {
        entry = new Scope.FunctionEntry(new UserFunction(name, decl, true), storedHome);
      }
    }
    storedFunctions.put(name, entry);
    return entry;
  }

  /** Resolves a written type name; reports and returns unknown for a bad one. */
  ScalarType scalarType(String name, TextSpan span) {
    ScalarType t = ScalarType.fromName(name);
    if (t == null || t == ScalarType.UNKNOWN) {
      cx.error(BindErrors.UNKNOWN_TYPE, span, name);
      return ScalarType.UNKNOWN;
    }
    return t;
  }
}
