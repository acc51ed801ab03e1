package dev.kqlhunt.plan;

import dev.kqlhunt.binder.BoundTabular;
import dev.kqlhunt.binder.BoundTabular.NamedExpr;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a logical plan from a bound tabular expression, then applies the rewrite rules in order. A
 * tabular {@code let} used several times becomes one {@link PlanNode.Shared} node (by identity of its
 * bound value), so the executor computes it once.
 *
 * <p>Not thread-safe: one planner per query (it remembers the shared nodes it built).
 */
public final class Planner {
  /** The rules applied by {@link #plan}, in order. */
  public static final List<PlanRule> DEFAULT_RULES = List.of(new PushFiltersIntoScan(), new PruneColumns());

  private final Map<BoundTabular, PlanNode.Shared> shared = new IdentityHashMap<>();
  /** Bound inputs of enclosing mv-applies, which the subquery sees as one row at a time. */
  private final Map<BoundTabular, PlanNode.RowPlaceholder> rows = new IdentityHashMap<>();
  private final List<PlanRule> rules;

  public Planner() {
    this(DEFAULT_RULES);
  }

  public Planner(List<PlanRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The optimised plan of {@code tabular}. */
  public PlanNode plan(BoundTabular tabular) {
    PlanNode node = build(tabular);
    for (PlanRule rule : rules) node = rule.rewrite(node);
    return node;
  }

  /** The plan of {@code tabular} as bound, without rewrites. */
  public PlanNode build(BoundTabular tabular) {
    PlanNode.RowPlaceholder row = rows.get(tabular);
    if (row != null) return row;
    return switch (tabular) {
      case BoundTabular.TableScan s -> new PlanNode.Scan(s.table(), s.columns(), List.of(), s.known());
      case BoundTabular.LetRef r -> shared.computeIfAbsent(r.value(), v -> new PlanNode.Shared(r.name(), build(v)));
      case BoundTabular.UserCall c -> build(c.expansion());
      case BoundTabular.Filter f -> new PlanNode.Filter(build(f.input()), f.predicate());
      case BoundTabular.Extend e -> new PlanNode.Extend(build(e.input()), e.assignments(), e.columns());
      case BoundTabular.Serialize s -> new PlanNode.Extend(build(s.input()), s.assignments(), s.columns());
      case BoundTabular.Project p -> new PlanNode.Project(build(p.input()), p.outputs(), p.columns());
      case BoundTabular.Summarize s ->
          new PlanNode.Aggregate(build(s.input()), s.groupBy(), s.aggregates(), s.columns());
      case BoundTabular.Distinct d -> new PlanNode.Distinct(build(d.input()), d.keys(), d.columns());
      case BoundTabular.Join j ->
          new PlanNode.Join(build(j.left()), build(j.right()), j.kind(), j.keys(), j.residual(), j.columns());
      case BoundTabular.Union u -> union(u);
      case BoundTabular.Sort s -> new PlanNode.Sort(build(s.input()), s.keys());
      case BoundTabular.Top t -> new PlanNode.Top(build(t.input()), t.count(), t.keys());
      case BoundTabular.Take t -> new PlanNode.Limit(build(t.input()), t.count());
      case BoundTabular.Count c -> new PlanNode.Count(build(c.input()), c.columns());
      case BoundTabular.MvExpand m ->
          new PlanNode.MvExpand(build(m.input()), m.items(), m.bagExpansionArray(), m.itemIndex(), m.limit(), m.columns());
      case BoundTabular.Print p -> new PlanNode.Values(p.columns(), exprs(p.outputs()));
      case BoundTabular.Datatable d -> new PlanNode.Values(d.columns(), d.values());
      case BoundTabular.Range r -> range(r);
      case BoundTabular.Other o -> other(o);
      case BoundTabular.MvApply m -> mvApply(m);
      case BoundTabular.Parse p ->
          new PlanNode.Parse(build(p.input()), p.source(), p.kind(), p.flags(), p.pattern(), p.where(), p.columns());
      case BoundTabular.GetSchema g -> getSchema(g);
      case BoundTabular.Special x -> new PlanNode.Special(x.spec(), buildAll(x.inputs()), x.columns());
      case BoundTabular.MakeSeries m -> m.step() == null || m.axis() == null
          ? new PlanNode.Unsupported("make-series", m.columns())
          : new PlanNode.MakeSeries(build(m.input()), m.aggregates(), m.defaults(), m.axis(), m.from(), m.to(), m.step(),
              m.groupBy(), m.columns());
    };
  }

  private PlanNode mvApply(BoundTabular.MvApply m) {
    PlanNode input = build(m.input());
    PlanNode.RowPlaceholder row = new PlanNode.RowPlaceholder(m.input().columns());
    rows.put(m.input(), row);
    try {
      return new PlanNode.MvApply(input, row, build(m.subquery()), m.columns());
    } finally {
      rows.remove(m.input());
    }
  }

  /** {@code getschema}: one constant row per input column (name, ordinal, CLR type, Kusto type). */
  private static PlanNode getSchema(BoundTabular.GetSchema g) {
    List<dev.kqlhunt.binder.BoundExpr> values = new ArrayList<>();
    List<dev.kqlhunt.symbols.ColumnSymbol> in = g.input().columns();
    for (int i = 0; i < in.size(); i++) {
      dev.kqlhunt.symbols.ScalarType t = in.get(i).type();
      values.add(text(in.get(i).name()));
      values.add(new dev.kqlhunt.binder.BoundExpr.Literal(i, Integer.toString(i), dev.kqlhunt.symbols.ScalarType.INT));
      values.add(text(clrType(t)));
      values.add(text(t.kustoName()));
    }
    if (g.columns().size() != 4) return new PlanNode.Unsupported("getschema", g.columns());
    return new PlanNode.Values(g.columns(), values);
  }

  private static dev.kqlhunt.binder.BoundExpr text(String s) {
    return new dev.kqlhunt.binder.BoundExpr.Literal(s, s, dev.kqlhunt.symbols.ScalarType.STRING);
  }

  /** The .NET type Kusto reports for a column type (bool is stored as a signed byte). */
  private static String clrType(dev.kqlhunt.symbols.ScalarType t) {
    return switch (t) {
      case BOOL -> "System.SByte";
      case INT -> "System.Int32";
      case LONG -> "System.Int64";
      case REAL -> "System.Double";
      case DECIMAL -> "System.Data.SqlTypes.SqlDecimal";
      case STRING -> "System.String";
      case DATETIME -> "System.DateTime";
      case TIMESPAN -> "System.TimeSpan";
      case GUID -> "System.Guid";
      case DYNAMIC -> "System.Object";
      case UNKNOWN -> "System.Object";
    };
  }

  private PlanNode union(BoundTabular.Union u) {
    List<PlanNode> inputs = new ArrayList<>(u.inputs().size());
    for (BoundTabular t : u.inputs()) inputs.add(build(t));
    return new PlanNode.Union(inputs, u.sourceColumn(), u.sourceNames(), u.columns());
  }

  private static PlanNode range(BoundTabular.Range r) {
    if (r.from() == null || r.to() == null || r.step() == null) return new PlanNode.Unsupported("range", r.columns());
    return new PlanNode.Range(r.name(), r.from(), r.to(), r.step(), r.columns());
  }

  /** {@code render} and {@code as} only label the result: they pass rows through. */
  private PlanNode other(BoundTabular.Other o) {
    if (o.input() != null && (o.operator().equals("render") || o.operator().equals("as"))) return build(o.input());
    if (o.input() != null && o.operator().startsWith("evaluate ")) {
      return new PlanNode.Evaluate(o.operator().substring("evaluate ".length()), build(o.input()), o.arguments(), o.columns());
    }
    return new PlanNode.Unsupported(o.operator(), o.columns());
  }

  private List<PlanNode> buildAll(List<BoundTabular> tabulars) {
    List<PlanNode> out = new ArrayList<>(tabulars.size());
    for (BoundTabular t : tabulars) out.add(build(t));
    return out;
  }

  private static List<dev.kqlhunt.binder.BoundExpr> exprs(List<NamedExpr> named) {
    List<dev.kqlhunt.binder.BoundExpr> out = new ArrayList<>(named.size());
    for (NamedExpr n : named) out.add(n.expr());
    return out;
  }
}
