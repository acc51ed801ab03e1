package dev.kqlhunt.plan;

import dev.kqlhunt.binder.BoundExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves the conjuncts of filters sitting directly on a {@link PlanNode.Scan} into the scan, in their
 * original order: {@code Scan | where Timestamp between (a..b) | where x has 'y'} becomes one scan
 * carrying both predicates. The scan can then test a time range against its data's bounds and a
 * string predicate once per dictionary entry before touching any row. Order is kept because a
 * predicate written first may be cheaper or guard a later one.
 *
 * <p>Pattern: {@code Filter(Filter(... Scan))}; applied bottom-up over the whole plan (below shared
 * nodes too, whose identity is preserved per shared value).
 */
public final class PushFiltersIntoScan implements PlanRule {
  @Override
  public PlanNode rewrite(PlanNode plan) {
    return new Walker().visit(plan);
  }

  /** Rewrites each shared node once so that its uses stay one node. */
  private static final class Walker {
    private final java.util.Map<PlanNode.Shared, PlanNode.Shared> done = new java.util.IdentityHashMap<>();

    PlanNode visit(PlanNode node) {
      return switch (node) {
        case PlanNode.Filter f -> pushOrKeep(new PlanNode.Filter(visit(f.input()), f.predicate()));
        case PlanNode.Shared s -> done.computeIfAbsent(s, k -> new PlanNode.Shared(k.name(), visit(k.input())));
        case PlanNode.Scan s -> s;
        case PlanNode.Values v -> v;
        case PlanNode.Range r -> r;
        case PlanNode.Unsupported u -> u;
        case PlanNode.Project p -> new PlanNode.Project(visit(p.input()), p.outputs(), p.columns());
        case PlanNode.Extend e -> new PlanNode.Extend(visit(e.input()), e.assignments(), e.columns());
        case PlanNode.Aggregate a -> new PlanNode.Aggregate(visit(a.input()), a.groupBy(), a.aggregates(), a.columns());
        case PlanNode.Join j ->
            new PlanNode.Join(visit(j.left()), visit(j.right()), j.kind(), j.keys(), j.residual(), j.columns());
        case PlanNode.Union u -> new PlanNode.Union(visitAll(u.inputs()), u.sourceColumn(), u.sourceNames(), u.columns());
        case PlanNode.Sort s -> new PlanNode.Sort(visit(s.input()), s.keys());
        case PlanNode.Top t -> new PlanNode.Top(visit(t.input()), t.count(), t.keys());
        case PlanNode.Limit l -> new PlanNode.Limit(visit(l.input()), l.count());
        case PlanNode.Distinct d -> new PlanNode.Distinct(visit(d.input()), d.keys(), d.columns());
        case PlanNode.Parse p ->
            new PlanNode.Parse(visit(p.input()), p.source(), p.kind(), p.flags(), p.pattern(), p.where(), p.columns());
        case PlanNode.MvApply m -> new PlanNode.MvApply(visit(m.input()), m.row(), visit(m.subquery()), m.columns());
        case PlanNode.RowPlaceholder r -> r;
        case PlanNode.Evaluate e -> new PlanNode.Evaluate(e.plugin(), visit(e.input()), e.arguments(), e.columns());
        case PlanNode.MakeSeries m -> new PlanNode.MakeSeries(visit(m.input()), m.aggregates(), m.defaults(), m.axis(),
            m.from(), m.to(), m.step(), m.groupBy(), m.columns());
        case PlanNode.Count c -> new PlanNode.Count(visit(c.input()), c.columns());
        case PlanNode.Special x -> new PlanNode.Special(x.spec(), visitAll(x.inputs()), x.columns());
        case PlanNode.MvExpand m -> new PlanNode.MvExpand(visit(m.input()), m.items(), m.bagExpansionArray(), m.itemIndex(), m.limit(),
            m.columns());
      };
    }

    private List<PlanNode> visitAll(List<PlanNode> nodes) {
      List<PlanNode> out = new ArrayList<>(nodes.size());
      for (PlanNode n : nodes) out.add(visit(n));
      return out;
    }
  }

  private static PlanNode pushOrKeep(PlanNode.Filter filter) {
    if (!(filter.input() instanceof PlanNode.Scan scan)) return filter;
    List<BoundExpr> predicates = new ArrayList<>(scan.predicates());
    conjuncts(filter.predicate(), predicates);
    return new PlanNode.Scan(scan.table(), scan.columns(), predicates, scan.known());
  }

  /** Splits {@code a and b and c} into its conjuncts, left to right. */
  static void conjuncts(BoundExpr e, List<BoundExpr> out) {
    if (e instanceof BoundExpr.Binary b && b.op() == BoundExpr.BinaryOp.AND) {
      conjuncts(b.left(), out);
      conjuncts(b.right(), out);
    } else {
      out.add(e);
    }
  }
}
