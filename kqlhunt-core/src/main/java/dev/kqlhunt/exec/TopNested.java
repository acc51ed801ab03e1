package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundTabular.NamedAggregate;
import dev.kqlhunt.binder.OperatorSpec;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.plan.PlanNode;
import dev.kqlhunt.symbols.ColumnSymbol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code top-nested}: at each level, the rows are grouped by the level's {@code of} value, each group
 * gets the level's aggregate, the top {@code count} groups by that aggregate (descending unless {@code
 * asc}; ties keep first-seen order) are kept and the next level runs inside each. {@code with others}
 * adds a row for the groups not kept, aggregated together, with the deeper levels' columns null. The
 * output has one row per path through the levels: each level's value, then its aggregate.
 */
final class TopNested {
  private final ExprEvaluator eval;
  private final OperatorSpec.TopNested spec;
  private final List<ColumnSymbol> columns;
  private final TableBuilder out;

  private TopNested(ExprEvaluator eval, OperatorSpec.TopNested spec, List<ColumnSymbol> columns) {
    this.eval = eval;
    this.spec = spec;
    this.columns = columns;
    this.out = new TableBuilder(columns, 16);
  }

  static Table run(ExprEvaluator eval, Table input, OperatorSpec.TopNested spec, List<ColumnSymbol> columns) {
    TopNested t = new TopNested(eval, spec, columns);
    if (input.rowCount() > 0) t.level(input, 0, new Object[columns.size()]);
    return t.out.build();
  }

  private void level(Table rows, int depth, Object[] prefix) {
    OperatorSpec.NestedLevel level = spec.levels().get(depth);
    Vector of = eval.evaluate(level.of().expr(), rows);
    Map<Object, List<Integer>> groups = new LinkedHashMap<>();
    for (int r = 0; r < rows.rowCount(); r++) groups.computeIfAbsent(Cells.get(of, r), k -> new ArrayList<>()).add(r);
    List<Object> keys = new ArrayList<>(groups.keySet());
    List<Table> tables = new ArrayList<>(keys.size());
    Object[] aggregates = new Object[keys.size()];
    for (int g = 0; g < keys.size(); g++) {
      Table t = subset(rows, groups.get(keys.get(g)));
      tables.add(t);
      aggregates[g] = aggregate(t, depth);
    }
    Integer[] order = new Integer[keys.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> {
      int c = ScalarOps.compareNullsFirst(aggregates[a], aggregates[b]);
      return level.ascending() ? c : -c;
    });
    long limit = level.count() == null ? Long.MAX_VALUE : Coerce.toLong(eval.constant(level.count()));
    if (limit < 0) limit = Long.MAX_VALUE;
    List<Integer> rest = new ArrayList<>();
    for (int i = 0; i < order.length; i++) {
      int g = order[i];
      if (i >= limit) {
        rest.addAll(groups.get(keys.get(g)));
        continue;
      }
      emit(tables.get(g), depth, prefix, keys.get(g), aggregates[g]);
    }
    if (level.others() != null && !rest.isEmpty()) {
      Object[] row = prefix.clone();
      row[2 * depth] = eval.constant(level.others());
      row[2 * depth + 1] = aggregate(subset(rows, rest), depth);
      out.addRow(row);
    }
  }

  private void emit(Table group, int depth, Object[] prefix, Object key, Object aggregate) {
    Object[] row = prefix.clone();
    row[2 * depth] = key;
    row[2 * depth + 1] = aggregate;
    if (depth + 1 < spec.levels().size()) level(group, depth + 1, row);
    else out.addRow(row);
  }

  /** The level's aggregate over the rows of one group. */
  private Object aggregate(Table rows, int depth) {
    ColumnSymbol col = columns.get(2 * depth + 1);
    PlanNode.Aggregate a = new PlanNode.Aggregate(new PlanNode.Values(List.of(), List.of()), List.of(),
        List.of(new NamedAggregate(List.of(col), spec.levels().get(depth).by().expr())), List.of(col));
    Table t = new Summarizer(eval).summarize(rows, a);
    return t.get(0, 0);
  }

  private static Table subset(Table rows, List<Integer> positions) {
    int[] p = new int[positions.size()];
    for (int i = 0; i < p.length; i++) p[i] = positions.get(i);
    return rows.gather(p, p.length);
  }
}
