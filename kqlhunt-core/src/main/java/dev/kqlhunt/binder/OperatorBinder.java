package dev.kqlhunt.binder;

import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.syntax.tree.Clause;
import dev.kqlhunt.syntax.tree.Expression;
import dev.kqlhunt.syntax.tree.NullsOrder;
import dev.kqlhunt.syntax.tree.QueryOperator;
import dev.kqlhunt.syntax.tree.SortDirection;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds one query operator applied to its input (null for an operator that starts a query), and
 * computes its output schema. The operators that shape columns live in {@link ProjectionBinder},
 * {@link SummarizeBinder}, {@link JoinBinder} and {@link ExpandBinder}; this class dispatches and
 * handles the ones that keep their input's columns.
 */
final class OperatorBinder {
  private final BindContext cx;
  private final ProjectionBinder projections;
  private final SummarizeBinder summaries;
  private final JoinBinder joins;
  private final ExpandBinder expansions;
  private final SearchBinder searches;

  OperatorBinder(BindContext cx) {
    this.cx = cx;
    this.projections = new ProjectionBinder(cx);
    this.summaries = new SummarizeBinder(cx);
    this.joins = new JoinBinder(cx);
    this.expansions = new ExpandBinder(cx);
    this.searches = new SearchBinder(cx);
  }

  BoundTabular apply(QueryOperator op, BoundTabular input, Scope scope) {
    if (input == null && !startsQuery(op)) {
      cx.error(BindErrors.OPERATOR_FIRST, keywordSpan(op.span()));
      input = new BoundTabular.TableScan("", List.of(), true); // closed: names in the operator are still checked
    }
    Env env = input == null ? Env.of(Row.EMPTY, scope) : Env.of(Row.of(input), scope);
    return switch (op) {
      case QueryOperator.WhereOperator w -> new BoundTabular.Filter(input, cx.exprs.bindPredicate(w.predicate(), env));
      case QueryOperator.ExtendOperator e -> projections.extend(e.expressions(), input, env);
      case QueryOperator.ProjectOperator p -> projections.project(p.expressions(), input, env);
      case QueryOperator.ProjectAwayOperator p -> projections.projectAway(p.columns(), input, env);
      case QueryOperator.ProjectKeepOperator p -> projections.projectKeep(p.columns(), input, env);
      case QueryOperator.ProjectRenameOperator p -> projections.projectRename(p.renames(), input, env);
      case QueryOperator.ProjectReorderOperator p -> projections.projectReorder(p.columns(), input, env);
      case QueryOperator.DistinctOperator d -> projections.distinct(d.columns(), input, env);
      case QueryOperator.PrintOperator p -> projections.print(p.expressions(), env);
      case QueryOperator.SerializeOperator s -> projections.serialize(s.expressions(), input, env);
      case QueryOperator.SummarizeOperator s -> summaries.summarize(s, input, env);
      case QueryOperator.MakeSeriesOperator m -> summaries.makeSeries(m, input, env);
      case QueryOperator.JoinOperator j -> joins.join(j, input, scope);
      case QueryOperator.LookupOperator l -> joins.lookup(l, input, scope);
      case QueryOperator.UnionOperator u -> joins.union(u, input, scope);
      case QueryOperator.SortOperator s -> sort(s, input, env);
      case QueryOperator.TopOperator t -> new BoundTabular.Top(input, count(t.count(), env),
          t.by() == null ? List.of() : sortKeys(List.of(t.by()), env));
      case QueryOperator.TakeOperator t -> new BoundTabular.Take(input, count(t.count(), env), false);
      case QueryOperator.SampleOperator s -> new BoundTabular.Take(input, count(s.count(), env), true);
      case QueryOperator.CountOperator c -> new BoundTabular.Count(input, List.of(new ColumnSymbol("Count", ScalarType.LONG)));
      case QueryOperator.GetSchemaOperator g -> new BoundTabular.GetSchema(input, List.of(
          new ColumnSymbol("ColumnName", ScalarType.STRING), new ColumnSymbol("ColumnOrdinal", ScalarType.LONG),
          new ColumnSymbol("DataType", ScalarType.STRING), new ColumnSymbol("ColumnType", ScalarType.STRING)));
      case QueryOperator.MvExpandOperator m -> expansions.mvExpand(m, input, env);
      case QueryOperator.MvApplyOperator m -> expansions.mvApply(m, input, env);
      case QueryOperator.ParseOperator p -> expansions.parse(p, input, env);
      case QueryOperator.ParseKvOperator p -> expansions.parseKv(p, input, env);
      case QueryOperator.EvaluateOperator e -> expansions.evaluate(e, input, env);
      case QueryOperator.RangeOperator r -> expansions.range(r, env);
      case QueryOperator.DataTableOperator d -> expansions.datatable(d.schema(), d.values(), env);
      case QueryOperator.ExternalDataOperator x -> expansions.externaldata(x, env);
      case QueryOperator.InvokeOperator i -> invoke(i, input, scope);
      case QueryOperator.AsOperator a -> input;
      case QueryOperator.RenderOperator r -> input;
      case QueryOperator.ConsumeOperator c -> new BoundTabular.Other("consume", input, List.of(), List.of(), false);
      case QueryOperator.SampleDistinctOperator s -> sampleDistinct(s, input, env);
      case QueryOperator.TopHittersOperator t -> other("top-hitters", input, env, t.count(), t.of(), t.by());
      case QueryOperator.TopNestedOperator t -> searches.topNested(t, input, env);
      case QueryOperator.FacetOperator f -> other("facet", input, env);
      case QueryOperator.ForkOperator f -> other("fork", input, env);
      case QueryOperator.PartitionOperator p -> expansions.partition(p, input, env);
      case QueryOperator.ReduceOperator r -> reduce(r, input, env);
      case QueryOperator.ScanOperator s -> scan(s, input, env);
      case QueryOperator.SearchOperator s -> searches.search(s, input, scope);
      case QueryOperator.FindOperator f -> searches.find(f, input, scope);
      case QueryOperator.GenericOperator g -> generic(g, input, env);
    };
  }

  /**
   * {@code scan}: output = input columns, the declared columns, then the match id (long). Step
   * conditions and assignments see the input and declared columns and, per step, the same columns
   * named {@code step.column} (that step's state).
   */
  private BoundTabular scan(QueryOperator.ScanOperator s, BoundTabular input, Env env) {
    if (param(s.parameters(), "order_by") != null || param(s.parameters(), "partition_by") != null) {
      // Not executed yet: bind the expressions for diagnostics, keep the input's columns.
      List<Expression> exprs = new ArrayList<>();
      for (Clause.OperatorParameter p : s.parameters()) {
        if (!p.name().text().endsWith("_by")) continue;
        exprs.add(p.value() instanceof Expression.OrderedExpression o ? o.expression() : p.value());
      }
      return other("scan", input, env, exprs.toArray(Expression[]::new));
    }
    List<BoundTabular.NamedExpr> declared = new ArrayList<>();
    List<ColumnSymbol> declaredColumns = new ArrayList<>();
    ColumnListBuilder out = new ColumnListBuilder(input.columns());
    List<Clause.ScanStep> steps = new ArrayList<>();
    for (dev.kqlhunt.syntax.tree.SyntaxNode part : s.parts()) {
      if (part instanceof Clause.ScanDeclaration d) {
        ScalarType t = d.column().type() instanceof dev.kqlhunt.syntax.tree.TypeExpression.PrimitiveType p
            ? cx.tables.scalarType(p.name(), p.span()) : ScalarType.DYNAMIC;
        ColumnSymbol c = out.set(d.column().name().text(), t);
        declaredColumns.add(c);
        BoundExpr dflt = d.defaultValue() == null ? new BoundExpr.Literal(null, "null", t)
            : cx.exprs.bind(d.defaultValue(), env.withRow(Row.EMPTY));
        declared.add(new BoundTabular.NamedExpr(c.name(), dflt));
      } else if (part instanceof Clause.ScanStep st) {
        steps.add(st);
      }
    }
    List<ColumnSymbol> rowCols = out.build();
    List<ColumnSymbol> seen = new ArrayList<>(rowCols);
    for (Clause.ScanStep st : steps) {
      for (ColumnSymbol c : rowCols) seen.add(new ColumnSymbol(st.name().text() + "." + c.name(), c.type()));
    }
    Env stepEnv = env.withRow(new Row(seen, Row.isOpen(input)));
    List<OperatorSpec.ScanStep> bound = new ArrayList<>();
    for (Clause.ScanStep st : steps) {
      BoundExpr condition = cx.exprs.bindPredicate(st.condition(), stepEnv);
      List<BoundTabular.NamedExpr> assignments = new ArrayList<>();
      for (Expression a : st.assignments()) {
        if (a instanceof Expression.SimpleNamedExpression n) {
          assignments.add(new BoundTabular.NamedExpr(n.name().text(), cx.exprs.bind(n.value(), stepEnv)));
        }
      }
      String output = st.output() == null ? "all" : st.output().text().toLowerCase(java.util.Locale.ROOT);
      bound.add(new OperatorSpec.ScanStep(st.name().text(), output, condition, assignments));
    }
    String matchId = param(s.parameters(), "with_match_id");
    if (matchId != null) out.set(matchId, ScalarType.LONG);
    OperatorSpec.Scan spec = new OperatorSpec.Scan(matchId, declared, declaredColumns, bound);
    return new BoundTabular.Special(spec, List.of(input), out.build(), Row.isOpen(input));
  }

  /** {@code reduce by e [with ...]}: Pattern, Count, Representative; {@code kind=source} is not modelled. */
  private BoundTabular reduce(QueryOperator.ReduceOperator r, BoundTabular input, Env env) {
    String kind = param(r.parameters(), "kind");
    if (kind != null || r.by() == null) return other("reduce", input, env, r.by());
    BoundExpr by = cx.exprs.bind(r.by(), env);
    BoundExpr threshold = null;
    String characters = null;
    for (Clause.OperatorParameter p : r.with()) {
      if (p.name().text().equals("threshold")) threshold = cx.exprs.bind(p.value(), env.withRow(Row.EMPTY));
      else if (p.name().text().equals("characters")) characters = param(r.with(), "characters");
    }
    List<ColumnSymbol> cols = List.of(new ColumnSymbol("Pattern", ScalarType.STRING),
        new ColumnSymbol("Count", ScalarType.LONG), new ColumnSymbol("Representative", ScalarType.STRING));
    return new BoundTabular.Special(new OperatorSpec.Reduce(by, threshold, characters), List.of(input), cols, false);
  }

  private BoundTabular generic(QueryOperator.GenericOperator g, BoundTabular input, Env env) {
    if (g.name().equals("project-by-names") && input != null) return projectByNames(g, input, env);
    return new BoundTabular.Other(g.name(), input, List.of(), input == null ? List.of() : input.columns(), true);
  }

  /**
   * {@code project-by-names}: the names are constants, but may be computed ({@code column_names_of}),
   * so the output schema is known only when every argument is a literal; otherwise it stays open.
   */
  private BoundTabular projectByNames(QueryOperator.GenericOperator g, BoundTabular input, Env env) {
    List<BoundExpr> names = new ArrayList<>();
    for (dev.kqlhunt.syntax.tree.SyntaxNode part : g.parts()) {
      if (part instanceof Expression e) names.add(cx.exprs.bind(e, env.withRow(Row.EMPTY)));
    }
    List<String> literal = new ArrayList<>();
    boolean known = true;
    for (BoundExpr n : names) {
      if (n instanceof BoundExpr.Literal l && l.value() instanceof String s) literal.add(s);
      else known = false;
    }
    List<ColumnSymbol> cols = new ArrayList<>();
    if (known) {
      for (String name : literal) {
        for (ColumnSymbol c : input.columns()) {
          if (Wildcards.matches(name, c.name()) && !cols.contains(c)) cols.add(c);
        }
      }
    } else {
      cols.addAll(input.columns());
    }
    return new BoundTabular.Special(new OperatorSpec.ProjectByNames(names), List.of(input), cols, !known);
  }

  /** The operator's keyword ({@code where}, {@code project-away}) at the start of its span. */
  private dev.kqlhunt.text.TextSpan keywordSpan(dev.kqlhunt.text.TextSpan span) {
    String text = cx.text(span);
    int n = 0;
    while (n < text.length() && (Character.isLetterOrDigit(text.charAt(n)) || text.charAt(n) == '-' || text.charAt(n) == '_')) n++;
    return n == 0 ? span : new dev.kqlhunt.text.TextSpan(span.start(), n);
  }

  private static boolean startsQuery(QueryOperator op) {
    return switch (op) {
      case QueryOperator.PrintOperator p -> true;
      case QueryOperator.RangeOperator r -> true;
      case QueryOperator.DataTableOperator d -> true;
      case QueryOperator.ExternalDataOperator x -> true;
      case QueryOperator.UnionOperator u -> true;
      case QueryOperator.SearchOperator s -> true;
      case QueryOperator.FindOperator f -> true;
      case QueryOperator.EvaluateOperator e -> true;
      case QueryOperator.GenericOperator g -> true;
      default -> false;
    };
  }

  /** Binds an operator chain written without its source ({@code mv-apply ... on (summarize ...)}) over {@code input}. */
  BoundTabular applyChain(Expression chain, BoundTabular input, Scope scope) {
    return switch (chain) {
      case Expression.PipeExpression p -> apply(p.operator(), applyChain(p.input(), input, scope), scope);
      case QueryOperator q -> apply(q, input, scope);
      case Expression.ParenthesizedExpression p -> applyChain(p.inner(), input, scope);
      case Expression.SimpleNamedExpression n -> applyChain(n.value(), input, scope);
      default -> cx.tables.bindTabular(chain, scope);
    };
  }

  List<BoundTabular.SortKey> sortKeys(List<Expression> orderings, Env env) {
    List<BoundTabular.SortKey> keys = new ArrayList<>(orderings.size());
    for (Expression o : orderings) {
      Expression e = o;
      SortDirection dir = SortDirection.UNSPECIFIED;
      NullsOrder nulls = NullsOrder.UNSPECIFIED;
      if (o instanceof Expression.OrderedExpression oe) {
        e = oe.expression();
        dir = oe.direction();
        nulls = oe.nulls();
      }
      // Kusto sorts descending by default; nulls go last when descending, first when ascending.
      boolean asc = dir == SortDirection.ASC;
      boolean nullsFirst = nulls == NullsOrder.UNSPECIFIED ? asc : nulls == NullsOrder.FIRST;
      keys.add(new BoundTabular.SortKey(cx.exprs.bind(e, env), asc, nullsFirst));
    }
    return keys;
  }

  /** {@code sort by}: Kusto cannot order by a dynamic value (top can, by its string form). */
  private BoundTabular sort(QueryOperator.SortOperator s, BoundTabular input, Env env) {
    List<BoundTabular.SortKey> keys = sortKeys(s.orderings(), env);
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).expr().type() == ScalarType.DYNAMIC) cx.error(BindErrors.DYNAMIC_NOT_ALLOWED, s.orderings().get(i).span());
    }
    return new BoundTabular.Sort(input, keys);
  }

  private BoundExpr count(Expression e, Env env) {
    if (e == null) return new BoundExpr.Error();
    BoundExpr b = cx.exprs.bind(e, env.withRow(Row.EMPTY));
    if (!b.type().isIntegral() && b.type() != ScalarType.UNKNOWN && b.type() != ScalarType.DYNAMIC) {
      cx.error(BindErrors.INTEGER_EXPECTED, e.span());
    }
    return b;
  }

  private BoundTabular invoke(QueryOperator.InvokeOperator i, BoundTabular input, Scope scope) {
    if (!(i.function() instanceof Expression.FunctionCall c)) return cx.tables.bindTabular(i.function(), scope);
    Scope.FunctionEntry f = scope.lookup(c.name().text()) instanceof Scope.FunctionEntry fe ? fe
        : cx.tables.storedFunction(c.name().text());
    if (f == null) {
      cx.error(BindErrors.UNKNOWN_FUNCTION, c.name().span(), c.name().text(), "");
      return TabularBinder.unknownTable(c.name().text());
    }
    // invoke passes the input as the function's first (tabular) argument.
    Scope inner = new Scope(scope);
    inner.declare("$invoke_input", new Scope.TabularEntry(new BoundTabular.LetRef("$invoke_input", input, false)));
    List<Expression> args = new ArrayList<>();
    args.add(new Expression.NameReference(i.span(), new dev.kqlhunt.syntax.tree.Name.IdentifierName(i.span(), "$invoke_input")));
    args.addAll(c.arguments());
    return cx.tables.tabularUserCall(f, c, args, inner);
  }

  private BoundTabular sampleDistinct(QueryOperator.SampleDistinctOperator s, BoundTabular input, Env env) {
    BoundExpr of = cx.exprs.bind(s.of(), env);
    String name = Naming.nameOf(s.of(), of);
    ColumnSymbol c = new ColumnSymbol(name == null ? "Column1" : name, of.type());
    return new BoundTabular.Distinct(new BoundTabular.Take(input, count(s.count(), env), true),
        List.of(new BoundTabular.NamedExpr(c.name(), of)), List.of(c));
  }

  /** An operator whose schema is not modelled: binds its expressions for diagnostics, keeps input columns, open. */
  private BoundTabular other(String name, BoundTabular input, Env env, Expression... exprs) {
    List<BoundExpr> args = new ArrayList<>();
    for (Expression e : exprs) if (e != null) args.add(cx.exprs.bind(e, env));
    return new BoundTabular.Other(name, input, args, input == null ? List.of() : input.columns(), true);
  }

  /** The text of an operator parameter's value ({@code kind=inner} gives {@code inner}), or null. */
  static String param(List<Clause.OperatorParameter> params, String name) {
    for (Clause.OperatorParameter p : params) {
      if (p.name().text().equalsIgnoreCase(name)) {
        return switch (p.value()) {
          case Expression.NameReference r -> r.name().text();
          case Expression.Literal l -> l.value() == null ? l.raw() : String.valueOf(l.value());
          case null -> "";
          default -> "";
        };
      }
    }
    return null;
  }
}
