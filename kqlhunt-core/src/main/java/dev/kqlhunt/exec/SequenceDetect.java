package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundExpr;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code evaluate sequence_detect(timeline, maxStepWindow, maxSpan, step1, step2, ..., dim1, ...)}: every
 * occurrence of the steps in order within one group of dims: rows r1, r2, ... (distinct) where row ri
 * satisfies step i, {@code 0 <= t(r(i+1)) - t(ri) <= maxStepWindow} and {@code t(rk) - t(r1) <= maxSpan}.
 * Each occurrence is one output row, so one first step followed by two matching second steps gives two
 * rows, as in the documented example. Rows with a null time never take part.
 *
 * <p>The steps are the leading boolean arguments after {@code maxSpan}; the rest are the dims. Output:
 * the dims (named after their column, else {@code Dim<i>}), one datetime column per step named {@code
 * <step>_<timeline>}, then {@code Duration} (timespan, last minus first step). The binder does not keep
 * the names of named arguments ({@code invite=(...)}), so steps are named {@code Expr1, Expr2, ...} as in
 * the documented syntax. Rows are ordered by first step time, as in the documented output (ties: group
 * first appearance, then later steps' times).
 */
final class SequenceDetect {
  private SequenceDetect() {}

  static Table detect(ExprEvaluator eval, Table input, List<BoundExpr> args) {
    if (args.size() < 5) {
      throw new ExecutionException(ExecError.BAD_ARGUMENT, "sequence_detect",
          "expects a timeline, a step window, a span and at least two steps, got " + args.size() + " arguments");
    }
    long window = Coerce.toTimespan(eval.constant(args.get(1)));
    long span = Coerce.toTimespan(eval.constant(args.get(2)));
    int firstDim = 3;
    while (firstDim < args.size() && args.get(firstDim).type() == ScalarType.BOOL) firstDim++;
    int steps = firstDim - 3;
    if (steps < 1) throw new ExecutionException(ExecError.BAD_ARGUMENT, "sequence_detect", "no step predicates");
    Vector time = eval.evaluate(args.get(0), input);
    boolean[][] matches = new boolean[steps][];
    for (int s = 0; s < steps; s++) {
      matches[s] = new boolean[input.rowCount()];
      for (int r : eval.select(args.get(3 + s), input)) matches[s][r] = true;
    }
    List<Vector> dims = new ArrayList<>();
    for (int i = firstDim; i < args.size(); i++) dims.add(eval.evaluate(args.get(i), input));
    // Per group, its rows sorted by time (stable: input order among equal times).
    Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
    for (int r = 0; r < input.rowCount(); r++) {
      if (Cells.get(time, r) == null) continue;
      List<Object> key = new ArrayList<>(dims.size());
      for (Vector d : dims) key.add(Cells.get(d, r));
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }
    String timeline = args.get(0) instanceof BoundExpr.ColumnRef c ? c.column().name() : "Timeline";
    List<ColumnSymbol> cols = new ArrayList<>();
    for (int i = firstDim; i < args.size(); i++) {
      BoundExpr d = args.get(i);
      cols.add(new ColumnSymbol(d instanceof BoundExpr.ColumnRef c ? c.column().name() : "Dim" + (i - firstDim + 1), d.type()));
    }
    for (int s = 0; s < steps; s++) cols.add(new ColumnSymbol("Expr" + (s + 1) + "_" + timeline, ScalarType.DATETIME));
    cols.add(new ColumnSymbol("Duration", ScalarType.TIMESPAN));
    List<Object[]> found = new ArrayList<>();
    for (Map.Entry<List<Object>, List<Integer>> g : groups.entrySet()) {
      List<Integer> rows = g.getValue();
      long[] t = new long[rows.size()];
      Integer[] order = rows.toArray(new Integer[0]);
      java.util.Arrays.sort(order, (a, b) -> Long.compare(Coerce.toDateTime(Cells.get(time, a)), Coerce.toDateTime(Cells.get(time, b))));
      for (int i = 0; i < order.length; i++) t[i] = Coerce.toDateTime(Cells.get(time, order[i]));
      int[] chain = new int[steps];
      for (int i = 0; i < order.length; i++) {
        if (!matches[0][order[i]]) continue;
        chain[0] = i;
        follow(order, t, matches, chain, 1, window, span, g.getKey(), found, cols.size());
      }
    }
    int firstTime = dims.size();
    found.sort((a, b) -> Long.compare((Long) a[firstTime], (Long) b[firstTime])); // stable
    TableBuilder out = new TableBuilder(cols, found.size());
    for (Object[] row : found) out.addRow(row);
    return out.build();
  }

  /** Extends a partial occurrence ({@code chain[0..step-1]}, positions in time order) by every fitting row. */
  private static void follow(Integer[] order, long[] t, boolean[][] matches, int[] chain, int step, long window, long span,
      List<Object> key, List<Object[]> out, int width) {
    if (step == chain.length) {
      Object[] row = new Object[width];
      for (int i = 0; i < key.size(); i++) row[i] = key.get(i);
      for (int s = 0; s < chain.length; s++) row[key.size() + s] = t[chain[s]];
      row[width - 1] = t[chain[chain.length - 1]] - t[chain[0]];
      out.add(row);
      return;
    }
    long previous = t[chain[step - 1]];
    for (int j = chain[step - 1] + 1; j < order.length && t[j] - previous <= window && t[j] - t[chain[0]] <= span; j++) {
      if (!matches[step][order[j]]) continue;
      chain[step] = j;
      follow(order, t, matches, chain, step + 1, window, span, key, out, width);
    }
  }
}
