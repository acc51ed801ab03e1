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
      case QueryOperator.ReduceOperator r -> other("reduce", input, env, r.by());
      case QueryOperator.ScanOperator s -> new BoundTabular.Other("scan", input, List.of(), input.columns(), true);
      case QueryOperator.SearchOperator s -> searches.search(s, input, scope);
      case QueryOperator.FindOperator f -> searches.find(f, input, scope);
      case QueryOperator.GenericOperator g -> new BoundTabular.Other(g.name(), input, List.of(),
          input == null ? List.of() : input.columns(), true);
    };
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
