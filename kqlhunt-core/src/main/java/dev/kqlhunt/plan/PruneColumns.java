package dev.kqlhunt.plan;

import dev.kqlhunt.binder.BoundExpr;
import dev.kqlhunt.binder.BoundTabular.NamedAggregate;
import dev.kqlhunt.binder.BoundTabular.NamedExpr;
import dev.kqlhunt.binder.BoundTabular.SortKey;
import dev.kqlhunt.symbols.ColumnSymbol;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Projection pruning: each operator asks its input only for the columns it (and the operators above
 * it) use, and a {@link PlanNode.Scan}'s {@code columns} shrink to those, so the scan aligns, filters
 * and gathers only them and its {@code ScanRequest} names only them. The seed rule reads 7 of
 * DeviceProcessEvents' 73 columns.
 *
 * <p>Needs flow top-down as sets of names; {@code null} means "every column of that input". The root
 * needs all its columns, so the plan's output is unchanged. Operators whose output is built from the
 * input's column list, or whose needs this rule does not model, ask for all their input's columns:
 * {@code join} (both sides), {@code union}, {@code mv-expand}, {@code parse}, {@code evaluate}, {@code
 * mv-apply}; an expression with {@code *} or a whole-row function ({@link ColumnRefs}) also asks for
 * all. A shared node (a tabular {@code let}) gets the union of its uses' needs and is rewritten once.
 * Apart from a scan's columns, only {@code project} (outputs nobody above reads are dropped) and {@code
 * extend} (input columns it no longer receives are dropped) change their columns; every other node keeps
 * its columns. Run after {@link
 * PushFiltersIntoScan}: a scan keeps the columns of its own predicates.
 *
 * <p>Stateless; each {@link #rewrite} call has its own walk state.
 */
public final class PruneColumns implements PlanRule {
  @Override
  public PlanNode rewrite(PlanNode plan) {
    Walk walk = new Walk();
    walk.collectShared(plan, null);
    return walk.rewrite(plan, null);
  }

  private static final class Walk {
    /** Per shared node: the union of its uses' needs (null = all); present once any use was seen. */
    private final Map<PlanNode.Shared, Set<String>> sharedNeeds = new IdentityHashMap<>();
    private final Map<PlanNode.Shared, PlanNode.Shared> rewritten = new IdentityHashMap<>();

    /** First pass: the needs of every shared node, growing until no use adds a column. */
    void collectShared(PlanNode node, Set<String> need) {
      if (node instanceof PlanNode.Shared s) {
        boolean seen = sharedNeeds.containsKey(s);
        Set<String> before = sharedNeeds.get(s);
        Set<String> merged = seen ? union(before, need) : copy(need);
        if (seen && sameNeed(before, merged)) return;
        sharedNeeds.put(s, merged);
        collectShared(s.input(), merged);
        return;
      }
      List<PlanNode> inputs = node.inputs();
      for (int i = 0; i < inputs.size(); i++) collectShared(inputs.get(i), inputNeed(node, i, need));
      if (node instanceof PlanNode.MvApply m) collectShared(m.subquery(), null);
    }

    PlanNode rewrite(PlanNode node, Set<String> need) {
      return switch (node) {
        case PlanNode.Scan s -> scan(s, need);
        case PlanNode.Shared s -> rewritten.computeIfAbsent(s, k -> {
          PlanNode in = rewrite(k.input(), sharedNeeds.containsKey(k) ? sharedNeeds.get(k) : null);
          return in == k.input() ? k : new PlanNode.Shared(k.name(), in);
        });
        case PlanNode.Filter f -> {
          PlanNode in = rewrite(f.input(), inputNeed(f, 0, need));
          yield in == f.input() ? f : new PlanNode.Filter(in, f.predicate());
        }
        case PlanNode.Project p -> project(p, need);
        case PlanNode.Extend e -> extend(e, need);
        case PlanNode.Aggregate a -> {
          PlanNode in = rewrite(a.input(), inputNeed(a, 0, need));
          yield in == a.input() ? a : new PlanNode.Aggregate(in, a.groupBy(), a.aggregates(), a.columns());
        }
        case PlanNode.Sort s -> {
          PlanNode in = rewrite(s.input(), inputNeed(s, 0, need));
          yield in == s.input() ? s : new PlanNode.Sort(in, s.keys());
        }
        case PlanNode.Top t -> {
          PlanNode in = rewrite(t.input(), inputNeed(t, 0, need));
          yield in == t.input() ? t : new PlanNode.Top(in, t.count(), t.keys());
        }
        case PlanNode.Limit l -> {
          PlanNode in = rewrite(l.input(), inputNeed(l, 0, need));
          yield in == l.input() ? l : new PlanNode.Limit(in, l.count());
        }
        case PlanNode.Distinct d -> {
          PlanNode in = rewrite(d.input(), inputNeed(d, 0, need));
          yield in == d.input() ? d : new PlanNode.Distinct(in, d.keys(), d.columns());
        }
        case PlanNode.Count c -> {
          PlanNode in = rewrite(c.input(), inputNeed(c, 0, need));
          yield in == c.input() ? c : new PlanNode.Count(in, c.columns());
        }
        case PlanNode.MakeSeries m -> {
          PlanNode in = rewrite(m.input(), inputNeed(m, 0, need));
          yield in == m.input() ? m : new PlanNode.MakeSeries(in, m.aggregates(), m.defaults(), m.axis(), m.from(), m.to(),
              m.step(), m.groupBy(), m.columns());
        }
        // Below here every input is asked for all its columns (inputNeed gives null): prune inside only.
        case PlanNode.Join j -> {
          PlanNode l = rewrite(j.left(), null);
          PlanNode r = rewrite(j.right(), null);
          yield l == j.left() && r == j.right() ? j : new PlanNode.Join(l, r, j.kind(), j.keys(), j.residual(), j.columns());
        }
        case PlanNode.Union u -> {
          List<PlanNode> ins = new ArrayList<>(u.inputs().size());
          boolean same = true;
          for (PlanNode in : u.inputs()) {
            PlanNode r = rewrite(in, null);
            same &= r == in;
            ins.add(r);
          }
          yield same ? u : new PlanNode.Union(ins, u.sourceColumn(), u.sourceNames(), u.columns());
        }
        case PlanNode.MvExpand m -> {
          PlanNode in = rewrite(m.input(), null);
          yield in == m.input() ? m
              : new PlanNode.MvExpand(in, m.items(), m.bagExpansionArray(), m.itemIndex(), m.limit(), m.columns());
        }
        case PlanNode.Parse p -> {
          PlanNode in = rewrite(p.input(), null);
          yield in == p.input() ? p
              : new PlanNode.Parse(in, p.source(), p.kind(), p.flags(), p.pattern(), p.where(), p.columns());
        }
        case PlanNode.Evaluate e -> {
          PlanNode in = rewrite(e.input(), null);
          yield in == e.input() ? e : new PlanNode.Evaluate(e.plugin(), in, e.arguments(), e.columns());
        }
        case PlanNode.MvApply m -> {
          // The subquery sees the row placeholder (fixed columns), so the input keeps all of them.
          PlanNode in = rewrite(m.input(), null);
          PlanNode sub = rewrite(m.subquery(), null);
          yield in == m.input() && sub == m.subquery() ? m : new PlanNode.MvApply(in, m.row(), sub, m.columns());
        }
        case PlanNode.Special x -> {
          List<PlanNode> ins = new ArrayList<>(x.inputs().size());
          boolean same = true;
          for (PlanNode in : x.inputs()) {
            PlanNode r = rewrite(in, null);
            same &= r == in;
            ins.add(r);
          }
          yield same ? x : new PlanNode.Special(x.spec(), ins, x.columns());
        }
        case PlanNode.Values v -> v;
        case PlanNode.Range r -> r;
        case PlanNode.RowPlaceholder r -> r;
        case PlanNode.Unsupported u -> u;
      };
    }

    /** The scan's columns that are needed or read by its own predicates, in schema order (at least one). */
    private static PlanNode scan(PlanNode.Scan s, Set<String> need) {
      if (need == null) return s;
      Set<String> keep = new HashSet<>(need);
      if (!ColumnRefs.all(s.predicates(), keep)) return s;
      List<ColumnSymbol> cols = new ArrayList<>();
      for (ColumnSymbol c : s.columns()) if (keep.contains(c.name())) cols.add(c);
      // A scan of no columns would lose its row count for sources that count rows per column.
      if (cols.isEmpty() && !s.columns().isEmpty()) cols.add(s.columns().get(0));
      if (cols.size() == s.columns().size()) return s;
      return new PlanNode.Scan(s.table(), cols, s.predicates(), s.known());
    }

    /** Drops the outputs nobody above uses ({@code project-away X | project Y} then reads only Y). */
    private PlanNode project(PlanNode.Project p, Set<String> need) {
      PlanNode in = rewrite(p.input(), inputNeed(p, 0, need));
      List<Integer> kept = keptOutputs(p, need);
      if (in == p.input() && kept.size() == p.outputs().size()) return p;
      List<NamedExpr> outputs = new ArrayList<>(kept.size());
      List<ColumnSymbol> cols = new ArrayList<>(kept.size());
      for (int i : kept) {
        outputs.add(p.outputs().get(i));
        cols.add(p.columns().get(i));
      }
      return new PlanNode.Project(in, outputs, cols);
    }

    /**
     * Keeps every assignment (later ones may read earlier ones); the output keeps the assigned columns
     * and the input columns the pruned input still has, in the original order.
     */
    private PlanNode extend(PlanNode.Extend e, Set<String> need) {
      PlanNode in = rewrite(e.input(), inputNeed(e, 0, need));
      if (in == e.input()) return e;
      Set<String> present = new HashSet<>();
      for (ColumnSymbol c : in.columns()) present.add(c.name());
      for (NamedExpr a : e.assignments()) present.add(a.name());
      List<ColumnSymbol> cols = new ArrayList<>();
      for (ColumnSymbol c : e.columns()) if (present.contains(c.name())) cols.add(c);
      return new PlanNode.Extend(in, e.assignments(), cols);
    }
  }

  /** What {@code node} needs from its input {@code index} when its parent needs {@code need} (null = all). */
  static Set<String> inputNeed(PlanNode node, int index, Set<String> need) {
    return switch (node) {
      case PlanNode.Filter f -> plus(need, List.of(f.predicate()));
      case PlanNode.Sort s -> plus(need, keyExprs(s.keys()));
      case PlanNode.Top t -> plus(need, keyExprs(t.keys()));
      case PlanNode.Limit l -> need;
      case PlanNode.Shared s -> need;
      case PlanNode.Project p -> {
        List<BoundExpr> used = new ArrayList<>();
        for (int i : keptOutputs(p, need)) used.add(p.outputs().get(i).expr());
        yield plus(Set.of(), used);
      }
      case PlanNode.Extend e -> {
        if (need == null) yield null;
        Set<String> fromInput = new HashSet<>(need);
        for (NamedExpr a : e.assignments()) fromInput.remove(a.name());
        yield plus(fromInput, exprs(e.assignments()));
      }
      case PlanNode.Aggregate a -> plus(plus(Set.of(), exprs(a.groupBy())), aggregateExprs(a.aggregates()));
      case PlanNode.Distinct d -> plus(Set.of(), exprs(d.keys()));
      case PlanNode.Count c -> Set.of();
      case PlanNode.MakeSeries m -> {
        List<BoundExpr> all = new ArrayList<>(aggregateExprs(m.aggregates()));
        all.addAll(m.defaults());
        all.add(m.axis().expr());
        all.add(m.from());
        all.add(m.to());
        all.add(m.step());
        all.addAll(exprs(m.groupBy()));
        yield plus(Set.of(), all);
      }
      case PlanNode.Join j -> null;
      case PlanNode.Union u -> null;
      case PlanNode.MvExpand m -> null;
      case PlanNode.Parse p -> null;
      case PlanNode.Evaluate e -> null;
      case PlanNode.MvApply m -> null;
      case PlanNode.Scan s -> null;
      case PlanNode.Values v -> null;
      case PlanNode.Range r -> null;
      case PlanNode.RowPlaceholder r -> null;
      case PlanNode.Unsupported u -> null;
      case PlanNode.Special x -> null;
    };
  }

  /** The indexes of the outputs of {@code p} its parent needs (all when need is null; at least one). */
  private static List<Integer> keptOutputs(PlanNode.Project p, Set<String> need) {
    List<Integer> kept = new ArrayList<>(p.outputs().size());
    for (int i = 0; i < p.outputs().size(); i++) {
      if (need == null || need.contains(p.columns().get(i).name())) kept.add(i);
    }
    // An operator that needs no column (count) still needs the rows: keep one column to carry them.
    if (kept.isEmpty() && !p.outputs().isEmpty()) kept.add(0);
    return kept;
  }

  /** {@code need} plus the columns {@code exprs} read; null (all) when need is null or one may read any column. */
  private static Set<String> plus(Set<String> need, List<BoundExpr> exprs) {
    if (need == null) return null;
    Set<String> out = new HashSet<>(need);
    return ColumnRefs.all(exprs, out) ? out : null;
  }

  private static List<BoundExpr> exprs(List<NamedExpr> named) {
    List<BoundExpr> out = new ArrayList<>(named.size());
    for (NamedExpr n : named) out.add(n.expr());
    return out;
  }

  private static List<BoundExpr> keyExprs(List<SortKey> keys) {
    List<BoundExpr> out = new ArrayList<>(keys.size());
    for (SortKey k : keys) out.add(k.expr());
    return out;
  }

  private static List<BoundExpr> aggregateExprs(List<NamedAggregate> aggregates) {
    List<BoundExpr> out = new ArrayList<>(aggregates.size());
    for (NamedAggregate a : aggregates) out.add(a.expr());
    return out;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    if (a == null || b == null) return null;
    Set<String> out = new HashSet<>(a);
    out.addAll(b);
    return out;
  }

  private static Set<String> copy(Set<String> s) {
    return s == null ? null : new HashSet<>(s);
  }

  private static boolean sameNeed(Set<String> a, Set<String> b) {
    return a == null ? b == null : a.equals(b);
  }
}
