package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundExpr;
import dev.kqlhunt.binder.BoundTabular.NamedAggregate;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.plan.PlanNode;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.Dynamic;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code make-series} (make-series-operator.md): groups by the by-expressions, splits each group's
 * rows into the bins {@code from + k*step} ({@code from} inclusive, {@code to} exclusive; rows outside
 * are ignored), aggregates per bin, and outputs per group one dynamic array per aggregate (a bin without
 * rows takes the aggregate's default, 0 when none is given) and the array of bin starts. Without
 * {@code from}/{@code to}, the data's smallest and largest axis values bound the bins.
 */
final class MakeSeriesOperator {
  private static final int MAX_BINS = 1_000_000;

  private MakeSeriesOperator() {}

  static Table makeSeries(ExprEvaluator eval, Table input, PlanNode.MakeSeries m) {
    return makeSeries(eval, input, m, false);
  }

  /** With {@code nonEmpty} ({@code kind=nonempty}) and no by-columns, no rows still give one row of defaults. */
  static Table makeSeries(ExprEvaluator eval, Table input, PlanNode.MakeSeries m, boolean nonEmpty) {
    int n = input.rowCount();
    Vector axis = eval.evaluate(m.axis().expr(), input);
    ScalarType axisType = m.axis().expr().type();
    long step = Coerce.toLong(ScalarOps.unwrap(eval.constant(m.step())));
    if (step <= 0 || step == Coerce.NULL_LONG || axisType == ScalarType.REAL) {
      throw new ExecutionException(ExecError.UNSUPPORTED_OPERATOR, "make-series");
    }
    long[] range = range(eval, m, axis, n);
    long from = range[0];
    int bins = (int) Math.min(MAX_BINS, Math.max(0, Math.ceilDiv(range[1] - from, step)));
    eval.context().memory().check((long) bins * 16 * Math.max(1, m.aggregates().size()), "make-series");
    List<Vector> keys = new ArrayList<>();
    for (int i = 0; i < m.groupBy().size(); i++) {
      keys.add(Executor.typed(eval.evaluate(m.groupBy().get(i).expr(), input), m.columns().get(i)));
    }
    Summarizer.Groups g = Summarizer.group(keys, n);
    if (nonEmpty && keys.isEmpty() && g.count() == 0) g = new Summarizer.Groups(new int[0], new int[0], 1);
    int[] binOf = new int[n];
    for (int r = 0; r < n; r++) {
      Long t = ScalarOps.unwrap(Cells.get(axis, r)) instanceof Long l ? l : null;
      binOf[r] = t == null || t < from || t >= range[1] ? -1 : (int) ((t - from) / step);
    }
    List<Vector> out = new ArrayList<>();
    for (Vector k : keys) out.add(Gather.gather(k, g.firstRow(), g.count()));
    for (int a = 0; a < m.aggregates().size(); a++) {
      Object dflt = m.defaults().get(a) == null ? 0L : eval.constant(m.defaults().get(a));
      out.add(series(eval, input, m.aggregates().get(a), g, binOf, bins, dflt));
    }
    ColumnBuilder axisOut = new ColumnBuilder(ScalarType.DYNAMIC, g.count());
    List<Dynamic> starts = new ArrayList<>(bins);
    for (int k = 0; k < bins; k++) starts.add(Cells.toDynamic(from + k * step, axisType));
    for (int i = 0; i < g.count(); i++) axisOut.append(new Dynamic.DynArray(starts));
    out.add(axisOut.build());
    return new Table(m.columns(), out, g.count());
  }

  /** [from, to) of the bins: the constants when given, else the data's min and just past its max. */
  private static long[] range(ExprEvaluator eval, PlanNode.MakeSeries m, Vector axis, int n) {
    long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
    for (int r = 0; r < n; r++) {
      if (ScalarOps.unwrap(Cells.get(axis, r)) instanceof Long t) {
        min = Math.min(min, t);
        max = Math.max(max, t);
      }
    }
    long from = m.from() != null ? Coerce.toLong(ScalarOps.unwrap(eval.constant(m.from()))) : min;
    long to = m.to() != null ? Coerce.toLong(ScalarOps.unwrap(eval.constant(m.to()))) : max + 1;
    if (from == Coerce.NULL_LONG || to == Coerce.NULL_LONG || min > max && (m.from() == null || m.to() == null)) {
      return new long[] {0, 0};
    }
    return new long[] {from, to};
  }

  /**
   * One aggregate's series per group. The aggregate may be an expression over aggregate calls (or a
   * constant): each call is accumulated per (group, bin), then the expression is evaluated once per
   * (group, bin) that has rows; bins without rows take the default.
   */
  private static Vector series(ExprEvaluator eval, Table input, NamedAggregate agg, Summarizer.Groups g, int[] binOf,
      int bins, Object dflt) {
    int groups = g.count();
    int[] groupOf = g.groupOf();
    // Cell (group, bin) -> its row in the per-cell table, or -1 when the bin has no rows.
    int[][] cell = new int[groups][bins];
    for (int[] c : cell) java.util.Arrays.fill(c, -1);
    int cells = 0;
    for (int r = 0; r < binOf.length; r++) {
      int bin = binOf[r];
      if (bin >= 0 && bin < bins && cell[groupOf[r]][bin] < 0) cell[groupOf[r]][bin] = cells++;
    }
    List<dev.kqlhunt.symbols.ColumnSymbol> cols = new ArrayList<>();
    List<Vector> vecs = new ArrayList<>();
    final int cellCount = cells;
    BoundExpr perCell = AggregateRewrite.rewrite(agg.expr(), call -> {
      dev.kqlhunt.symbols.ColumnSymbol c = new dev.kqlhunt.symbols.ColumnSymbol("\u0000agg" + cols.size(), call.type());
      cols.add(c);
      vecs.add(accumulate(eval, input, call, groupOf, binOf, cell, cellCount));
      return new BoundExpr.ColumnRef(c);
    });
    Vector values = eval.evaluate(perCell, new Table(cols, vecs, cellCount));
    ScalarType type = agg.expr().type();
    ColumnBuilder out = new ColumnBuilder(ScalarType.DYNAMIC, groups);
    for (int gi = 0; gi < groups; gi++) {
      List<Dynamic> series = new ArrayList<>(bins);
      for (int b = 0; b < bins; b++) {
        Object v = cell[gi][b] < 0 ? null : Cells.get(values, cell[gi][b]);
        series.add(Cells.toDynamic(v == null ? dflt : v, type));
      }
      out.append(new Dynamic.DynArray(series));
    }
    return out.build();
  }

  /** One aggregate call's result per cell (group, bin) with rows, in cell order. */
  private static Vector accumulate(ExprEvaluator eval, Table input, BoundExpr.AggregateCall call, int[] groupOf,
      int[] binOf, int[][] cell, int cells) {
    Vector[] vs = new Vector[call.arguments().size()];
    ScalarType[] types = new ScalarType[vs.length];
    for (int i = 0; i < vs.length; i++) {
      vs[i] = eval.evaluate(call.arguments().get(i), input);
      types[i] = call.arguments().get(i).type();
    }
    Supplier<Accumulator> factory = Aggregates.factory(call.function().name(), types, 1, call.type());
    Accumulator[] accs = new Accumulator[cells];
    Object[] row = new Object[vs.length];
    for (int r = 0; r < binOf.length; r++) {
      int bin = binOf[r];
      if (bin < 0 || bin >= cell[0].length) continue;
      int at = cell[groupOf[r]][bin];
      for (int i = 0; i < vs.length; i++) row[i] = Cells.get(vs[i], r);
      if (accs[at] == null) accs[at] = factory.get();
      accs[at].add(row);
    }
    ColumnBuilder out = new ColumnBuilder(call.type(), cells);
    for (Accumulator acc : accs) {
      Object[] result = acc == null ? null : acc.result();
      out.append(result == null || result.length == 0 ? null : result[0]);
    }
    return out.build();
  }
}
