package dev.kqlhunt.pack;

import dev.kqlhunt.binder.BoundExpr;
import dev.kqlhunt.binder.BoundTabular.JoinKey;
import dev.kqlhunt.binder.BoundTabular.JoinKind;
import dev.kqlhunt.binder.BoundTabular.NamedExpr;
import dev.kqlhunt.exec.ExecOptions;
import dev.kqlhunt.exec.QueryResult;
import dev.kqlhunt.exec.QueryRunner;
import dev.kqlhunt.exec.Table;
import dev.kqlhunt.exec.vector.StringDictionary;
import dev.kqlhunt.exec.vector.StringVector;
import dev.kqlhunt.plan.PlanNode;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.text.SourceText;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A necessary condition from a join: a scan that feeds, through {@code extend}, {@code project} and
 * {@code where} only, the left side of an equality join whose right side reads no table (a {@code
 * datatable} lookup, as the pack's correlation rules use) keeps only rows whose left key is one of the
 * right side's keys, for the join kinds that drop unmatched left rows (inner, innerunique, leftsemi,
 * rightsemi, lookup inner). When that key is computed from one string column of the scan ({@code
 * tolower(FileName)}) or is one, the condition is evaluated per dictionary entry by the engine itself:
 * the defining expression runs over a one-column table of the entries and each result is looked up
 * among the right side's keys (computed once, at compile time). Row-order functions ({@code prev},
 * {@code row_number}, ...) and random ones are not evaluated this way.
 */
final class JoinConditions {
  private static final Set<JoinKind> DROPS_UNMATCHED_LEFT =
      Set.of(JoinKind.INNER, JoinKind.INNERUNIQUE, JoinKind.LEFTSEMI, JoinKind.RIGHTSEMI, JoinKind.LOOKUP_INNER);
  private static final Set<String> NOT_PER_VALUE = Set.of("prev", "next", "row_number", "row_cumsum", "row_rank_dense",
      "row_rank_min", "row_window_session", "rand", "new_guid", "now", "ago");
  private static final String DICTIONARY_TABLE = "__pack_dictionary";

  private final SchemaRegistry registry;

  JoinConditions(SchemaRegistry registry) {
    this.registry = registry;
  }

  /** The join-derived condition of {@code scan} in {@code plan}, or null. */
  Alt condition(PlanNode.Scan scan, PlanNode plan, SourceText source, ExecOptions options) {
    for (PlanNode.Join j : joins(plan)) {
      if (!DROPS_UNMATCHED_LEFT.contains(j.kind()) || j.residual() != null || j.keys().isEmpty()) continue;
      List<PlanNode> path = path(j.left(), scan);
      if (path == null) continue;
      PlanShape right = PlanShape.of(j.right());
      if (!right.closed() || !right.scans().isEmpty()) continue;
      for (JoinKey key : j.keys()) {
        Alt a = keyCondition(key, path, scan, j.right(), source, options);
        if (a != null) return a;
      }
    }
    return null;
  }

  private Alt keyCondition(JoinKey key, List<PlanNode> path, PlanNode.Scan scan, PlanNode right, SourceText source,
      ExecOptions options) {
    if (key.left().type() != ScalarType.STRING || key.right().type() != ScalarType.STRING) return null;
    String name = key.left().name();
    BoundExpr definition = null;
    int at = path.size();
    for (int i = 0; i < path.size() && definition == null; i++) {
      BoundExpr e = defined(path.get(i), name);
      if (e == null) continue;
      if (e instanceof BoundExpr.ColumnRef c) {
        name = c.column().name(); // a rename: follow the column down
      } else {
        definition = e;
        at = i;
      }
    }
    String column;
    if (definition == null) {
      column = name;
    } else {
      Set<String> refs = new HashSet<>();
      if (!columnsOf(definition, refs) || refs.size() != 1) return null;
      column = refs.iterator().next();
      for (int i = at + 1; i < path.size(); i++) if (defined(path.get(i), column) != null) return null;
    }
    ColumnSymbol symbol = null;
    for (ColumnSymbol c : scan.columns()) if (c.name().equals(column) && c.type() == ScalarType.STRING) symbol = c;
    if (symbol == null) return null;
    Set<Object> keys = rightKeys(right, key.right().name(), source, options);
    if (keys == null) return null;
    ColumnSymbol in = symbol;
    BoundExpr expr = definition;
    return new Alt.Computed(column, dictionary -> matching(dictionary, in, expr, key.left(), keys, source, options));
  }

  /** Codes of the entries whose key is among {@code keys}; null when the engine cannot tell. */
  private int[] matching(StringDictionary dictionary, ColumnSymbol column, BoundExpr expr, ColumnSymbol key,
      Set<Object> keys, SourceText source, ExecOptions options) {
    int n = dictionary.size();
    IntList out = new IntList(16);
    if (expr == null) {
      for (int code = 0; code < n; code++) if (keys.contains(dictionary.get(code))) out.add(code);
      return out.toArray();
    }
    int[] codes = new int[n];
    for (int i = 0; i < n; i++) codes[i] = i;
    Table entries = new Table(List.of(column), List.of(new StringVector(codes, n, dictionary)), n);
    ColumnSymbol k = new ColumnSymbol("__pack_key", key.type());
    PlanNode plan = new PlanNode.Extend(new PlanNode.Scan(DICTIONARY_TABLE, List.of(column), List.of(), true),
        List.of(new NamedExpr(k.name(), expr)), List.of(column, k));
    QueryResult r = new QueryRunner(registry, name -> entries).run(new QueryRunner.Prepared(source, plan, List.of()), options);
    if (!r.ok() || r.table().rowCount() != n) return null;
    for (int code = 0; code < n; code++) {
      Object v = r.table().get(code, 1);
      if (v != null && keys.contains(v)) out.add(code);
    }
    return out.toArray();
  }

  private Set<Object> rightKeys(PlanNode right, String name, SourceText source, ExecOptions options) {
    QueryResult r = new QueryRunner(registry, RuleAnalyzer.Recording.EMPTY_TABLES)
        .run(new QueryRunner.Prepared(source, right, List.of()), options);
    if (!r.ok() || r.table() == null) return null;
    int c = r.table().indexOf(name);
    if (c < 0) return null;
    Set<Object> out = new HashSet<>();
    for (int row = 0; row < r.table().rowCount(); row++) {
      Object v = r.table().get(row, c);
      if (v != null) out.add(v);
    }
    return out;
  }

  /** The expression a node gives column {@code name}, or null when it passes it through (or drops it). */
  private static BoundExpr defined(PlanNode node, String name) {
    List<NamedExpr> list = switch (node) {
      case PlanNode.Extend e -> e.assignments();
      case PlanNode.Project p -> p.outputs();
      default -> List.of();
    };
    BoundExpr last = null;
    for (NamedExpr e : list) if (e.name().equals(name)) last = e.expr();
    if (last instanceof BoundExpr.ColumnRef c && c.column().name().equals(name)) return null;
    return last;
  }

  /** The nodes from {@code top} down to {@code scan} (excluded) when all are extend/project/filter, else null. */
  private static List<PlanNode> path(PlanNode top, PlanNode.Scan scan) {
    List<PlanNode> out = new ArrayList<>();
    PlanNode n = top;
    while (n != scan) {
      PlanNode next = switch (n) {
        case PlanNode.Extend e -> e.input();
        case PlanNode.Project p -> p.input();
        case PlanNode.Filter f -> f.input();
        default -> null;
      };
      if (next == null) return null;
      out.add(n);
      n = next;
    }
    return out;
  }

  private static List<PlanNode.Join> joins(PlanNode plan) {
    List<PlanNode.Join> out = new ArrayList<>();
    walk(plan, node -> {
      if (node instanceof PlanNode.Join j) out.add(j);
    }, new IdentityHashMap<>());
    return out;
  }

  /** Adds the columns {@code e} reads; false when it holds anything not evaluable per value. */
  private static boolean columnsOf(BoundExpr e, Set<String> out) {
    boolean[] ok = {true};
    walk(e, node -> {
      switch (node) {
        case BoundExpr.ColumnRef c -> out.add(c.column().name());
        case BoundExpr.Call c when NOT_PER_VALUE.contains(c.function().name()) -> ok[0] = false;
        case BoundExpr.AggregateCall a -> ok[0] = false;
        case BoundExpr.ToScalar t -> ok[0] = false;
        case BoundExpr.InList i when i.subquery() != null -> ok[0] = false;
        default -> { }
      }
    }, new IdentityHashMap<>());
    return ok[0];
  }

  private static void walk(Object node, java.util.function.Consumer<Object> visitor, Map<Object, Boolean> seen) {
    if (node == null || seen.put(node, Boolean.TRUE) != null) return;
    if (node instanceof Collection<?> items) {
      for (Object item : items) walk(item, visitor, seen);
      return;
    }
    if (!(node instanceof Record record)) return;
    String pkg = record.getClass().getPackageName();
    if (!pkg.equals("dev.kqlhunt.plan") && !pkg.equals("dev.kqlhunt.binder")) return;
    visitor.accept(node);
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      try {
        c.getAccessor().setAccessible(true);
        walk(c.getAccessor().invoke(record), visitor, seen);
      } catch (IllegalAccessException | InvocationTargetException x) {
        throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass(), x);
      }
    }
  }
}
