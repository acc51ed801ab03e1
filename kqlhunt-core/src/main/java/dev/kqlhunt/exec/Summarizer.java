package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundExpr;
import dev.kqlhunt.binder.BoundTabular.NamedAggregate;
import dev.kqlhunt.binder.BoundTabular.NamedExpr;
import dev.kqlhunt.exec.vector.StringVector;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.plan.PlanNode;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code summarize} and {@code distinct}: hash grouping on the key vectors. A single dictionary-coded
 * string key groups by code (no hashing of strings); other keys go through {@link RowGrouper} (primitive
 * hashing, no boxing), in which nulls of a column form one group (docs/SEMANTICS.md). Groups come out in first-seen order. Without group keys,
 * {@code summarize} yields exactly one row, even over no input (then {@code count()} is 0).
 */
final class Summarizer {
  private final ExprEvaluator eval;

  Summarizer(ExprEvaluator eval) {
    this.eval = eval;
  }

  /** Group ids per row and each group's first row. */
  record Groups(int[] groupOf, int[] firstRow, int count) {}

  Table summarize(Table input, PlanNode.Aggregate a) {
    List<Vector> keys = new ArrayList<>();
    for (int i = 0; i < a.groupBy().size(); i++) {
      keys.add(Executor.typed(eval.evaluate(a.groupBy().get(i).expr(), input), a.columns().get(i)));
    }
    Groups g = group(keys, input.rowCount());
    if (keys.isEmpty() && g.count() == 0) g = new Groups(new int[0], new int[] {-1}, 1);
    List<Vector> out = new ArrayList<>();
    for (Vector k : keys) out.add(Gather.gather(k, g.firstRow(), g.count()));
    Set<String> byNames = new HashSet<>();
    for (NamedExpr n : a.groupBy()) byNames.add(n.name());
    for (NamedAggregate agg : a.aggregates()) out.addAll(aggregate(input, agg, g, byNames));
    return new Table(a.columns(), out, g.count());
  }

  Table distinct(Table input, PlanNode.Distinct d) {
    List<Vector> keys = new ArrayList<>();
    for (int i = 0; i < d.keys().size(); i++) {
      keys.add(Executor.typed(eval.evaluate(d.keys().get(i).expr(), input), d.columns().get(i)));
    }
    Groups g = group(keys, input.rowCount());
    List<Vector> out = new ArrayList<>();
    for (Vector k : keys) out.add(Gather.gather(k, g.firstRow(), g.count()));
    return new Table(d.columns(), out, g.count());
  }

  static Groups group(List<Vector> keys, int rows) {
    int[] groupOf = new int[rows];
    int[] first = new int[Math.max(16, Math.min(rows, 1024))];
    int count = 0;
    if (keys.isEmpty()) {
      if (rows > 0) first[count++] = 0;
      return new Groups(groupOf, first, count);
    }
    if (keys.size() == 1 && keys.get(0) instanceof StringVector s) return groupByCode(s, rows);
    RowGrouper grouper = new RowGrouper(keys);
    for (int r = 0; r < rows; r++) groupOf[r] = grouper.groupOf(r);
    return new Groups(groupOf, grouper.firstRows(), grouper.count());
  }

  private static Groups groupByCode(StringVector s, int rows) {
    int[] byCode = new int[s.dictionary().size()];
    Arrays.fill(byCode, -1);
    int[] codes = s.rawCodes();
    int[] groupOf = new int[rows];
    int[] first = new int[Math.max(1, s.dictionary().size())];
    int count = 0;
    for (int r = 0; r < rows; r++) {
      int c = codes[r];
      int id = byCode[c];
      if (id < 0) {
        id = count;
        byCode[c] = id;
        first[count++] = r;
      }
      groupOf[r] = id;
    }
    return new Groups(groupOf, first, count);
  }

  /** The output vectors of one named aggregate. */
  private List<Vector> aggregate(Table input, NamedAggregate agg, Groups g, Set<String> byNames) {
    if (agg.expr() instanceof BoundExpr.AggregateCall call) {
      return run(input, call, agg.outputs(), g, byNames);
    }
    // An expression over aggregates: compute each aggregate as a column, then the expression per group.
    List<ColumnSymbol> cols = new ArrayList<>();
    List<Vector> vecs = new ArrayList<>();
    BoundExpr rewritten = AggregateRewrite.rewrite(agg.expr(), call -> {
      ColumnSymbol c = new ColumnSymbol("\u0000agg" + cols.size(), call.type());
      cols.add(c);
      vecs.add(run(input, call, List.of(c), g, byNames).get(0));
      return new BoundExpr.ColumnRef(c);
    });
    Table perGroup = new Table(cols, vecs, g.count());
    return List.of(Executor.typed(eval.evaluate(rewritten, perGroup), agg.outputs().get(0)));
  }

  private List<Vector> run(Table input, BoundExpr.AggregateCall call, List<ColumnSymbol> outputs, Groups g,
      Set<String> byNames) {
    List<BoundExpr> args = expandStar(call, input, byNames);
    Vector[] vs = new Vector[args.size()];
    ScalarType[] types = new ScalarType[args.size()];
    for (int i = 0; i < vs.length; i++) {
      vs[i] = eval.evaluate(args.get(i), input);
      types[i] = args.get(i).type();
    }
    Supplier<Accumulator> factory = Aggregates.factory(call.function().name(), types, outputs.size(), call.type());
    Accumulator[] accs = new Accumulator[g.count()];
    for (int i = 0; i < accs.length; i++) accs[i] = factory.get();
    Object[] row = new Object[vs.length];
    int[] groupOf = g.groupOf();
    for (int r = 0; r < groupOf.length; r++) {
      for (int i = 0; i < vs.length; i++) row[i] = Cells.get(vs[i], r);
      accs[groupOf[r]].add(row);
    }
    List<ColumnBuilder> builders = new ArrayList<>();
    for (ColumnSymbol c : outputs) builders.add(new ColumnBuilder(c.type(), g.count()));
    for (Accumulator acc : accs) {
      Object[] result = acc.result();
      for (int o = 0; o < builders.size(); o++) {
        builders.get(o).append(result == null || o >= result.length ? null : result[o]);
      }
    }
    List<Vector> out = new ArrayList<>();
    for (ColumnBuilder b : builders) out.add(b.build());
    return out;
  }

  /** {@code arg_max(t, *)}: {@code *} is every input column but the by-columns and the key column. */
  private static List<BoundExpr> expandStar(BoundExpr.AggregateCall call, Table input, Set<String> byNames) {
    List<BoundExpr> args = call.arguments();
    boolean star = false;
    for (BoundExpr a : args) star |= a instanceof BoundExpr.Star;
    if (!star) return args;
    String fn = call.function().name();
    if (fn.equals("count")) return List.of();
    String skip = (fn.startsWith("arg") && args.get(0) instanceof BoundExpr.ColumnRef r) ? r.column().name() : null;
    List<BoundExpr> out = new ArrayList<>();
    for (BoundExpr a : args) {
      if (!(a instanceof BoundExpr.Star)) {
        out.add(a);
        continue;
      }
      for (ColumnSymbol c : input.columns()) {
        if (!byNames.contains(c.name()) && !c.name().equals(skip)) out.add(new BoundExpr.ColumnRef(c));
      }
    }
    return out;
  }
}
