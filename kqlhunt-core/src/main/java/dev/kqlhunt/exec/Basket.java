package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundExpr;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code evaluate basket([threshold, weightColumn, maxDimensions, wildcard, ...])}: the frequent
 * patterns of the input, Apriori style. A pattern fixes one value in each of up to {@code
 * maxDimensions} columns (default 5); its count is the number (or weight) of rows that match it, and it
 * is frequent when that count is at least {@code threshold} (default 0.05) of all rows. A pattern is
 * returned only when it is closed: no pattern with one more column fixed matches as many rows (the
 * documented example returns {@code Hail, NO, 0} but not {@code Hail, NO}, whose rows are the same).
 *
 * <p>Output: {@code SegmentId} (long, from 0), {@code Count} (long), {@code Percent} (real, 100 *
 * count / total), then the input columns holding the pattern's value or the column type's wildcard
 * (null, or "" for strings, unless a custom wildcard of that type is given). Nulls, empty strings and
 * dynamic columns never form part of a pattern, nor does the weight column (it holds the wildcard). Kusto samples and its segment order is unspecified; we
 * count exactly and order by count descending, then fewer fixed columns, then first seen, so results
 * are deterministic.
 */
final class Basket {
  private Basket() {}

  /** One fixed value: column index and value (boxed; compared with equals). */
  private record Item(int column, Object value) {}

  /** A pattern: its items in column order and the rows matching it. */
  private record Pattern(Item[] items, int[] rows, long count) {}

  static Table basket(ExprEvaluator eval, Table input, List<BoundExpr> args) {
    double threshold = 0.05;
    if (!args.isEmpty() && !isTilde(args.get(0))) threshold = Coerce.toReal(eval.constant(args.get(0)));
    if (!(threshold > 0 && threshold <= 1)) {
      throw new ExecutionException(ExecError.BAD_ARGUMENT, "basket", "threshold must be in (0, 1], got " + threshold);
    }
    Vector weights = null;
    int weightAt = -1;
    if (args.size() > 1 && !isTilde(args.get(1))) {
      weightAt = weightColumn(eval, input, args.get(1));
      weights = input.vector(weightAt);
    }
    int maxDims = 5;
    if (args.size() > 2 && !isTilde(args.get(2))) maxDims = (int) Coerce.toLong(eval.constant(args.get(2)));
    if (maxDims < 1) throw new ExecutionException(ExecError.BAD_ARGUMENT, "basket", "maxDimensions must be positive");
    Map<ScalarType, Object> wildcards = new HashMap<>();
    for (int i = 3; i < args.size(); i++) {
      if (!isTilde(args.get(i))) wildcards.putIfAbsent(args.get(i).type(), eval.constant(args.get(i)));
    }

    int n = input.rowCount();
    long[] weight = new long[n];
    long total = 0;
    for (int r = 0; r < n; r++) {
      Object w = weights == null ? 1L : Cells.get(weights, r);
      weight[r] = w == null ? 0 : Coerce.toLong(w);
      total += weight[r];
    }
    double min = threshold * total;
    List<ColumnSymbol> in = input.columns();
    List<List<Pattern>> levels = new ArrayList<>();
    levels.add(singles(input, weightAt, weight, min));
    while (levels.size() < maxDims && !levels.get(levels.size() - 1).isEmpty()) {
      levels.add(extend(levels.get(levels.size() - 1), weight, min));
    }
    List<Pattern> closed = new ArrayList<>();
    for (int k = 0; k < levels.size(); k++) {
      List<Pattern> larger = k + 1 < levels.size() ? levels.get(k + 1) : List.of();
      for (Pattern p : levels.get(k)) if (isClosed(p, larger)) closed.add(p);
    }
    // Stable sort keeps the discovery order (column order, then first appearance) among ties.
    closed.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count())
        : Integer.compare(a.items().length, b.items().length));

    List<ColumnSymbol> cols = new ArrayList<>();
    cols.add(new ColumnSymbol("SegmentId", ScalarType.LONG));
    cols.add(new ColumnSymbol("Count", ScalarType.LONG));
    cols.add(new ColumnSymbol("Percent", ScalarType.REAL));
    cols.addAll(in);
    TableBuilder out = new TableBuilder(cols, closed.size());
    for (int s = 0; s < closed.size(); s++) {
      Pattern p = closed.get(s);
      Object[] row = new Object[cols.size()];
      row[0] = (long) s;
      row[1] = p.count();
      row[2] = total == 0 ? 0.0 : 100.0 * p.count() / total;
      for (int c = 0; c < in.size(); c++) row[3 + c] = wildcard(in.get(c).type(), wildcards);
      for (Item item : p.items()) row[3 + item.column()] = item.value();
      out.addRow(row);
    }
    return out.build();
  }

  /** The weight column's index: a column reference, or its name as a string. */
  private static int weightColumn(ExprEvaluator eval, Table input, BoundExpr arg) {
    Object name = arg instanceof BoundExpr.ColumnRef c ? c.column().name() : eval.constant(arg);
    int at = name instanceof String s ? input.indexOf(s) : -1;
    if (at < 0) throw new ExecutionException(ExecError.BAD_ARGUMENT, "basket", "no weight column " + name);
    return at;
  }

  private static boolean isTilde(BoundExpr arg) {
    return arg instanceof BoundExpr.Literal l && "~".equals(l.value());
  }

  private static Object wildcard(ScalarType type, Map<ScalarType, Object> custom) {
    if (custom.containsKey(type)) return custom.get(type);
    return type == ScalarType.STRING ? "" : null;
  }

  /** The frequent single items, per column in column order, values in order of first appearance. */
  private static List<Pattern> singles(Table input, int weightAt, long[] weight, double min) {
    List<Pattern> out = new ArrayList<>();
    for (int c = 0; c < input.columns().size(); c++) {
      if (c == weightAt) continue;
      if (input.columns().get(c).type() == ScalarType.DYNAMIC || input.columns().get(c).type() == ScalarType.UNKNOWN) continue;
      Vector v = input.vector(c);
      Map<Object, List<Integer>> rows = new LinkedHashMap<>();
      for (int r = 0; r < input.rowCount(); r++) {
        Object value = Cells.get(v, r);
        if (value == null || "".equals(value)) continue;
        rows.computeIfAbsent(value, k -> new ArrayList<>()).add(r);
      }
      for (Map.Entry<Object, List<Integer>> e : rows.entrySet()) {
        int[] at = e.getValue().stream().mapToInt(Integer::intValue).toArray();
        long count = weigh(at, at.length, weight);
        if (count > 0 && count >= min) out.add(new Pattern(new Item[] {new Item(c, e.getKey())}, at, count));
      }
    }
    return out;
  }

  /** Apriori join: two k-patterns equal but for the last item (in distinct, ascending columns). */
  private static List<Pattern> extend(List<Pattern> level, long[] weight, double min) {
    List<Pattern> out = new ArrayList<>();
    for (int i = 0; i < level.size(); i++) {
      Item[] a = level.get(i).items();
      for (int j = i + 1; j < level.size(); j++) {
        Item[] b = level.get(j).items();
        int k = a.length;
        if (!Arrays.equals(a, 0, k - 1, b, 0, k - 1) || a[k - 1].column() >= b[k - 1].column()) continue;
        int[] both = intersect(level.get(i).rows(), level.get(j).rows());
        long count = weigh(both, both.length, weight);
        if (count == 0 || count < min) continue;
        Item[] items = Arrays.copyOf(a, k + 1);
        items[k] = b[k - 1];
        out.add(new Pattern(items, both, count));
      }
    }
    return out;
  }

  private static boolean isClosed(Pattern p, List<Pattern> larger) {
    List<Item> mine = Arrays.asList(p.items());
    for (Pattern q : larger) {
      if (q.count() == p.count() && Arrays.asList(q.items()).containsAll(mine)) return false;
    }
    return true;
  }

  private static int[] intersect(int[] a, int[] b) {
    int[] out = new int[Math.min(a.length, b.length)];
    int i = 0, j = 0, k = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) i++;
      else if (a[i] > b[j]) j++;
      else {
        out[k++] = a[i];
        i++;
        j++;
      }
    }
    return Arrays.copyOf(out, k);
  }

  private static long weigh(int[] rows, int count, long[] weight) {
    long sum = 0;
    for (int i = 0; i < count; i++) sum += weight[rows[i]];
    return sum;
  }
}
