package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundExpr;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.plan.PlanNode;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.Bins;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code evaluate} plugins over one input besides {@code bag_unpack}: {@code rows_near},
 * {@code rolling_percentile}, {@code active_users_count}, {@code dcount_intersect}, {@code pivot}, and
 * (in their own classes) {@code basket} and {@code sequence_detect}. Their output schema depends on arguments,
 * so each builds its own columns. Semantics decisions are in docs/EXECUTION.md.
 */
final class Plugins {
  private Plugins() {}

  static Table run(ExprEvaluator eval, Table input, PlanNode.Evaluate e) {
    return switch (e.plugin()) {
      case "rows_near" -> rowsNear(eval, input, e.arguments());
      case "rolling_percentile" -> rollingPercentile(eval, input, e.arguments());
      case "active_users_count" -> activeUsersCount(eval, input, e.arguments());
      case "dcount_intersect" -> dcountIntersect(eval, input, e.arguments());
      case "pivot" -> pivot(eval, input, e.arguments());
      case "basket" -> Basket.basket(eval, input, e.arguments());
      case "sequence_detect" -> SequenceDetect.detect(eval, input, e.arguments());
      default -> throw new ExecutionException(ExecError.UNSUPPORTED_OPERATOR, "evaluate " + e.plugin());
    };
  }

  /** {@code rows_near(condition, before [, after])}: rows within {@code before}/{@code after} rows of a match, in order. */
  static Table rowsNear(ExprEvaluator eval, Table input, List<BoundExpr> args) {
    need(args, 2, "rows_near");
    long before = Coerce.toLong(eval.constant(args.get(1)));
    long after = args.size() > 2 ? Coerce.toLong(eval.constant(args.get(2))) : before;
    if (before < 0 || after < 0) throw new ExecutionException(ExecError.BAD_ARGUMENT, "rows_near", "row counts must be >= 0");
    int n = input.rowCount();
    boolean[] keep = new boolean[n];
    for (int m : eval.select(args.get(0), input)) {
      for (long i = Math.max(0, m - before); i <= Math.min(n - 1L, m + after); i++) keep[(int) i] = true;
    }
    int[] rows = new int[n];
    int count = 0;
    for (int i = 0; i < n; i++) if (keep[i]) rows[count++] = i;
    return input.gather(rows, count);
  }

  /**
   * {@code rolling_percentile(value, p, index, binSize, binsBack [, dims...])}: per group of dims and per
   * bin of {@code index} from the group's first to its last bin, the nearest-rank percentile of the
   * values in that bin and the {@code binsBack - 1} bins before it.
   */
  static Table rollingPercentile(ExprEvaluator eval, Table input, List<BoundExpr> args) {
    need(args, 5, "rolling_percentile");
    double p = Coerce.toReal(eval.constant(args.get(1)));
    long size = Coerce.toLong(eval.constant(args.get(3)));
    long back = Coerce.toLong(eval.constant(args.get(4)));
    if (size <= 0 || back <= 0) throw new ExecutionException(ExecError.BAD_ARGUMENT, "rolling_percentile", "bin size and bins must be positive");
    Vector values = eval.evaluate(args.get(0), input);
    Vector index = eval.evaluate(args.get(2), input);
    List<Vector> dims = new ArrayList<>();
    for (int i = 5; i < args.size(); i++) dims.add(eval.evaluate(args.get(i), input));
    // group -> bin -> values
    Map<List<Object>, TreeMap<Long, List<Object>>> groups = new LinkedHashMap<>();
    for (int r = 0; r < input.rowCount(); r++) {
      Object v = Cells.get(values, r);
      Object t = Cells.get(index, r);
      if (v == null || t == null) continue;
      List<Object> key = new ArrayList<>(dims.size());
      for (Vector d : dims) key.add(Cells.get(d, r));
      groups.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(Bins.bin((Long) t, size), k -> new ArrayList<>()).add(v);
    }
    ScalarType valueType = args.get(0).type();
    List<ColumnSymbol> cols = new ArrayList<>();
    cols.add(new ColumnSymbol(nameOf(args.get(2), "Index"), args.get(2).type()));
    for (int i = 5; i < args.size(); i++) cols.add(new ColumnSymbol(nameOf(args.get(i), "dim" + (i - 4)), args.get(i).type()));
    String pText = p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p).replace('.', '_');
    cols.add(new ColumnSymbol("rolling_" + back + "_percentile_" + nameOf(args.get(0), "value") + "_" + pText, valueType));
    TableBuilder out = new TableBuilder(cols, groups.size());
    for (Map.Entry<List<Object>, TreeMap<Long, List<Object>>> g : groups.entrySet()) {
      TreeMap<Long, List<Object>> bins = g.getValue();
      for (long b = bins.firstKey(); b <= bins.lastKey(); b += size) {
        List<Object> window = new ArrayList<>();
        for (List<Object> vs : bins.subMap(b - (back - 1) * size, true, b, true).values()) window.addAll(vs);
        Object[] row = new Object[cols.size()];
        row[0] = b;
        for (int i = 0; i < g.getKey().size(); i++) row[1 + i] = g.getKey().get(i);
        row[row.length - 1] = nearestRank(window, p);
        out.addRow(row);
      }
    }
    return out.build();
  }

  /** The smallest value with at least p% of the values at or below it (null for no value). */
  private static Object nearestRank(List<Object> values, double p) {
    if (values.isEmpty()) return null;
    Object[] sorted = values.toArray();
    Arrays.sort(sorted, (a, b) -> Double.compare(Coerce.toReal(a), Coerce.toReal(b)));
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /**
   * {@code active_users_count(id, time, start, end, lookback, period, activePeriods, bin [, dims...])}:
   * an appearance at {@code t} in [start, end] is active when its id appeared in at least {@code
   * activePeriods} distinct periods ({@code bin(time, period)}) within (t - lookback, t]; per bin (aligned
   * to start) and dims, the distinct count of ids with an active appearance. Bins with none are omitted.
   */
  static Table activeUsersCount(ExprEvaluator eval, Table input, List<BoundExpr> args) {
    need(args, 8, "active_users_count");
    long start = Coerce.toDateTime(eval.constant(args.get(2)));
    long end = Coerce.toDateTime(eval.constant(args.get(3)));
    long lookback = Coerce.toTimespan(eval.constant(args.get(4)));
    long period = Coerce.toTimespan(eval.constant(args.get(5)));
    long active = Coerce.toLong(eval.constant(args.get(6)));
    long bin = Coerce.toTimespan(eval.constant(args.get(7)));
    if (period <= 0 || bin <= 0) throw new ExecutionException(ExecError.BAD_ARGUMENT, "active_users_count", "period and bin must be positive");
    Vector ids = eval.evaluate(args.get(0), input);
    Vector times = eval.evaluate(args.get(1), input);
    List<Vector> dims = new ArrayList<>();
    for (int i = 8; i < args.size(); i++) dims.add(eval.evaluate(args.get(i), input));
    // Per (dims, id): the appearance times, to test each appearance's lookback window.
    Map<List<Object>, List<Long>> seen = new HashMap<>();
    for (int r = 0; r < input.rowCount(); r++) {
      Object id = Cells.get(ids, r);
      Object t = Cells.get(times, r);
      if (id == null || t == null) continue;
      List<Object> key = new ArrayList<>();
      for (Vector d : dims) key.add(Cells.get(d, r));
      key.add(id);
      seen.computeIfAbsent(key, k -> new ArrayList<>()).add((Long) t);
    }
    Map<List<Object>, Set<Object>> counts = new TreeMap<>(Plugins::compareKeys);
    for (Map.Entry<List<Object>, List<Long>> e : seen.entrySet()) {
      List<Long> ts = e.getValue();
      for (long t : ts) {
        if (t < start || t > end) continue;
        Set<Long> periods = new HashSet<>();
        for (long u : ts) if (u > t - lookback && u <= t) periods.add(Bins.bin(u, period));
        if (periods.size() < active) continue;
        List<Object> key = new ArrayList<>();
        key.add(Bins.binAt(t, bin, start));
        key.addAll(e.getKey().subList(0, dims.size()));
        counts.computeIfAbsent(key, k -> new HashSet<>()).add(e.getKey().get(dims.size()));
      }
    }
    List<ColumnSymbol> cols = new ArrayList<>();
    cols.add(new ColumnSymbol(nameOf(args.get(1), "Timestamp"), ScalarType.DATETIME));
    for (int i = 8; i < args.size(); i++) cols.add(new ColumnSymbol(nameOf(args.get(i), "dim" + (i - 7)), args.get(i).type()));
    cols.add(new ColumnSymbol("dcount", ScalarType.LONG));
    TableBuilder out = new TableBuilder(cols, counts.size());
    for (Map.Entry<List<Object>, Set<Object>> e : counts.entrySet()) {
      Object[] row = new Object[cols.size()];
      for (int i = 0; i < e.getKey().size(); i++) row[i] = e.getKey().get(i);
      row[row.length - 1] = (long) e.getValue().size();
      out.addRow(row);
    }
    return out.build();
  }

  /**
   * {@code pivot(p [, aggregate] [, c1, ...])}: one row per distinct (c1, ...) (one row overall without
   * them), then one column per distinct value of {@code p} (named by its text, in ascending order) holding
   * the aggregate over that group's rows with that value ({@code count()} when none is given; a cell
   * without rows is null, or 0 for the count).
   */
  static Table pivot(ExprEvaluator eval, Table input, List<BoundExpr> args) {
    need(args, 1, "pivot");
    boolean hasAggregate = args.size() > 1 && containsAggregate(args.get(1));
    List<BoundExpr> groups = args.subList(hasAggregate ? 2 : 1, args.size());
    Vector pivot = eval.evaluate(args.get(0), input);
    TreeMap<String, Integer> values = new TreeMap<>();
    String[] pivotText = new String[input.rowCount()];
    for (int r = 0; r < input.rowCount(); r++) {
      pivotText[r] = Coerce.toStringValue(Cells.get(pivot, r), args.get(0).type());
      values.putIfAbsent(pivotText[r], 0);
    }
    int k = 0;
    for (Map.Entry<String, Integer> v : values.entrySet()) v.setValue(k++);
    List<Vector> keys = new ArrayList<>();
    for (BoundExpr g : groups) keys.add(eval.evaluate(g, input));
    Summarizer.Groups g = Summarizer.group(keys, input.rowCount());
    if (keys.isEmpty() && input.rowCount() > 0 && g.count() == 0) g = new Summarizer.Groups(new int[input.rowCount()], new int[] {0}, 1);
    // Cell (group, value) -> the rows in it.
    List<List<List<Integer>>> cells = new ArrayList<>();
    for (int i = 0; i < g.count(); i++) {
      List<List<Integer>> row = new ArrayList<>();
      for (int j = 0; j < values.size(); j++) row.add(new ArrayList<>());
      cells.add(row);
    }
    for (int r = 0; r < input.rowCount(); r++) cells.get(g.groupOf()[r]).get(values.get(pivotText[r])).add(r);
    ScalarType valueType = hasAggregate ? args.get(1).type() : ScalarType.LONG;
    List<ColumnSymbol> cols = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) cols.add(new ColumnSymbol(nameOf(groups.get(i), "Column" + (i + 1)), groups.get(i).type()));
    for (String v : values.keySet()) cols.add(new ColumnSymbol(v, valueType));
    TableBuilder out = new TableBuilder(cols, g.count());
    Summarizer summarizer = new Summarizer(eval);
    ColumnSymbol cell = new ColumnSymbol("value", valueType);
    for (int i = 0; i < g.count(); i++) {
      Object[] row = new Object[cols.size()];
      for (int c = 0; c < keys.size(); c++) row[c] = Cells.get(keys.get(c), g.firstRow()[i]);
      for (int j = 0; j < values.size(); j++) {
        List<Integer> rows = cells.get(i).get(j);
        Object v;
        if (!hasAggregate) {
          v = (long) rows.size();
        } else if (rows.isEmpty()) {
          v = null;
        } else {
          int[] at = rows.stream().mapToInt(Integer::intValue).toArray();
          PlanNode.Aggregate a = new PlanNode.Aggregate(new PlanNode.Values(List.of(), List.of()), List.of(),
              List.of(new dev.kqlhunt.binder.BoundTabular.NamedAggregate(List.of(cell), args.get(1))), List.of(cell));
          v = summarizer.summarize(input.gather(at, at.length), a).get(0, 0);
        }
        row[keys.size() + j] = v;
      }
      out.addRow(row);
    }
    return out.build();
  }

  private static boolean containsAggregate(BoundExpr e) {
    boolean[] found = {false};
    AggregateRewrite.rewrite(e, call -> {
      found[0] = true;
      return call;
    });
    return found[0];
  }

  /**
   * {@code dcount_intersect(hll0, hll1, ...)}: per row, {@code s<i>} = the distinct count of the values in
   * every one of {@code hll0..hll<i>} (our hll sketches hold the exact values, see MoreAggregates).
   */
  static Table dcountIntersect(ExprEvaluator eval, Table input, List<BoundExpr> args) {
    need(args, 2, "dcount_intersect");
    List<Vector> sketches = new ArrayList<>();
    for (BoundExpr a : args) sketches.add(eval.evaluate(a, input));
    List<ColumnSymbol> cols = new ArrayList<>(input.columns());
    for (int i = 0; i < args.size(); i++) cols.add(new ColumnSymbol("s" + i, ScalarType.LONG));
    TableBuilder out = new TableBuilder(cols, input.rowCount());
    Object[] row = new Object[cols.size()];
    int width = input.columns().size();
    for (int r = 0; r < input.rowCount(); r++) {
      for (int c = 0; c < width; c++) row[c] = input.get(r, c);
      Set<Object> common = null;
      for (int i = 0; i < sketches.size(); i++) {
        Object v = Cells.get(sketches.get(i), r);
        Set<Object> values = new HashSet<>(v instanceof dev.kqlhunt.value.Dynamic.DynArray a ? a.elements() : List.of());
        if (common == null) common = values;
        else common.retainAll(values);
        row[width + i] = (long) common.size();
      }
      out.addRow(row);
    }
    return out.build();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareKeys(List<Object> a, List<Object> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      Object x = a.get(i);
      Object y = b.get(i);
      if (x == y) continue;
      if (x == null) return -1;
      if (y == null) return 1;
      int c = x instanceof Comparable cx && x.getClass() == y.getClass() ? cx.compareTo(y) : x.toString().compareTo(y.toString());
      if (c != 0) return c;
    }
    return Integer.compare(a.size(), b.size());
  }

  private static String nameOf(BoundExpr e, String fallback) {
    return e instanceof BoundExpr.ColumnRef c ? c.column().name() : fallback;
  }

  private static void need(List<BoundExpr> args, int count, String plugin) {
    if (args.size() < count) {
      throw new ExecutionException(ExecError.BAD_ARGUMENT, plugin, "expects at least " + count + " arguments, got " + args.size());
    }
  }
}
