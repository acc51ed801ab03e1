package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundExpr;
import dev.kqlhunt.binder.BoundTabular.NamedExpr;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.plan.PlanNode;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a logical plan over in-memory columnar tables, operator at a time: each operator consumes its
 * inputs' tables and produces a new one (string dictionaries shared, so predicates evaluated per
 * dictionary entry stay valid downstream). Filters produce position lists, then one gather. After
 * each operator the bytes alive (inputs + output) are checked against the memory budget.
 *
 * <p>Not thread-safe: one executor per query. Throws {@link ExecutionException} for anything the
 * query cannot do; {@link QueryRunner} turns that into a diagnostic.
 */
final class Executor {
  private final QueryContext context;
  private final ExprEvaluator eval;
  private final ScanFilter scanFilter;
  private final Map<PlanNode.Shared, Table> shared = new IdentityHashMap<>();
  private final Map<PlanNode.RowPlaceholder, Table> currentRows = new IdentityHashMap<>();

  Executor(QueryContext context) {
    this.context = context;
    this.eval = new ExprEvaluator(context);
    this.scanFilter = new ScanFilter(eval);
    context.attach(this);
  }

  ExprEvaluator evaluator() {
    return eval;
  }

  Table execute(PlanNode node) {
    Table out = run(node);
    // A scan without predicates hands out the stored table itself: no new memory.
    if (node instanceof PlanNode.Scan s && s.predicates().isEmpty()) return out;
    long inputs = 0;
    for (PlanNode in : node.inputs()) {
      Table t = in instanceof PlanNode.Shared s ? shared.get(s) : null;
      if (t != null) inputs += t.retainedBytes();
    }
    context.memory().check(out.retainedBytes() + inputs, operatorName(node));
    return out;
  }

  private Table run(PlanNode node) {
    return switch (node) {
      case PlanNode.Scan s -> scan(s);
      case PlanNode.Filter f -> filter(execute(f.input()), f.predicate());
      case PlanNode.Project p -> project(execute(p.input()), p.outputs(), p.columns());
      case PlanNode.Extend e -> extend(execute(e.input()), e.assignments(), e.columns());
      case PlanNode.Aggregate a -> new Summarizer(eval).summarize(execute(a.input()), a);
      case PlanNode.MakeSeries m -> MakeSeriesOperator.makeSeries(eval, execute(m.input()), m);
      case PlanNode.Distinct d -> new Summarizer(eval).distinct(execute(d.input()), d);
      case PlanNode.Join j -> new Joiner(eval).join(execute(j.left()), execute(j.right()), j);
      case PlanNode.Union u -> union(u);
      case PlanNode.Sort s -> Sorter.sort(eval, execute(s.input()), s.keys(), Integer.MAX_VALUE);
      case PlanNode.Top t -> Sorter.sort(eval, execute(t.input()), t.keys(), count(t.count()));
      case PlanNode.Limit l -> execute(l.input()).head(count(l.count()));
      case PlanNode.Count c -> count(execute(c.input()), c.columns());
      case PlanNode.MvExpand m -> MvExpander.expand(eval, execute(m.input()), m);
      case PlanNode.Parse p -> ParseOperator.parse(eval, execute(p.input()), p);
      case PlanNode.Evaluate e -> plugin(execute(e.input()), e);
      case PlanNode.Values v -> values(v);
      case PlanNode.Range r -> RangeSource.range(eval, r);
      case PlanNode.Shared s -> shared(s);
      case PlanNode.MvApply m -> mvApply(execute(m.input()), m);
      case PlanNode.RowPlaceholder r -> {
        Table t = currentRows.get(r);
        if (t == null) throw new ExecutionException(ExecError.INTERNAL, "mv-apply", "row placeholder outside its mv-apply");
        yield t;
      }
      case PlanNode.Special x -> SpecialOperators.run(this, x);
      case PlanNode.Unsupported u -> throw new ExecutionException(ExecError.UNSUPPORTED_OPERATOR, u.operator());
    };
  }

  static String operatorName(PlanNode node) {
    return node.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Runs the subquery once per input row (the placeholder bound to that row), then pairs each row
   * with its results: a column the subquery outputs takes its value, the others the row's.
   */
  private Table mvApply(Table input, PlanNode.MvApply m) {
    List<ColumnSymbol> cols = m.columns();
    ColumnBuilder[] builders = new ColumnBuilder[cols.size()];
    for (int c = 0; c < builders.length; c++) builders[c] = new ColumnBuilder(cols.get(c).type(), input.rowCount());
    int total = 0;
    for (int r = 0; r < input.rowCount(); r++) {
      Table row = input.gather(new int[] {r}, 1);
      currentRows.put(m.row(), row);
      Table result;
      try {
        result = execute(m.subquery());
      } finally {
        currentRows.remove(m.row());
      }
      for (int k = 0; k < result.rowCount(); k++) {
        for (int c = 0; c < builders.length; c++) {
          int at = result.indexOf(cols.get(c).name());
          int in = input.indexOf(cols.get(c).name());
          builders[c].append(at >= 0 ? result.get(k, at) : in >= 0 ? input.get(r, in) : null);
        }
      }
      total += result.rowCount();
      if ((r & 1023) == 1023) context.memory().check((long) total * cols.size() * 16 + input.retainedBytes(), "mv-apply");
    }
    List<Vector> vectors = new ArrayList<>(builders.length);
    for (ColumnBuilder b : builders) vectors.add(b.build());
    return new Table(cols, vectors, total);
  }

  private Table plugin(Table input, PlanNode.Evaluate e) {
    return switch (e.plugin()) {
      case "bag_unpack" -> BagUnpack.unpack(eval, input, e.arguments());
      default -> Plugins.run(eval, input, e);
    };
  }

  private Table shared(PlanNode.Shared s) {
    Table t = shared.get(s);
    if (t == null) {
      t = execute(s.input());
      shared.put(s, t);
    }
    return t;
  }

  /** Reads the table, aligned to the plan's columns by name, and applies the pushed predicates. */
  private Table scan(PlanNode.Scan s) {
    Table data = context.data().scan(scanRequest(s));
    if (data == null && !s.known()) throw new ExecutionException(ExecError.UNKNOWN_TABLE, s.table());
    if (data == null) {
      // A known table that was not loaded (a rule over several Device* tables, one exported) finds nothing.
      context.warn(ExecError.NO_DATA, s.table());
      return Table.empty(s.columns());
    }
    Table aligned = align(data, s.columns());
    if (s.predicates().isEmpty()) return aligned;
    // Cheapest predicates first, each on the rows the earlier ones kept (ScanFilter).
    int[] positions = scanFilter.select(aligned, s.predicates());
    return positions.length == aligned.rowCount() ? aligned : aligned.gather(positions, positions.length);
  }

  /** What the scan asks of its source: its columns, plus ranges and string conditions ({@link ScanPushdown}). */
  private ScanRequest scanRequest(PlanNode.Scan s) {
    return ScanPushdown.request(s, eval);
  }

  /** {@code data}'s vectors in the order of {@code columns}; a column the data lacks is all null. */
  static Table align(Table data, List<ColumnSymbol> columns) {
    List<Vector> vectors = new ArrayList<>(columns.size());
    for (ColumnSymbol c : columns) {
      int i = data.indexOf(c.name());
      if (i >= 0 && (ColumnBuilder.storageType(c.type()) == data.vector(i).type() || c.type() == ScalarType.UNKNOWN)) {
        vectors.add(data.vector(i));
      } else {
        ColumnBuilder b = new ColumnBuilder(c.type(), data.rowCount());
        for (int r = 0; r < data.rowCount(); r++) b.append(i < 0 ? null : data.get(r, i));
        vectors.add(b.build());
      }
    }
    return new Table(columns, vectors, data.rowCount());
  }

  private Table filter(Table input, BoundExpr predicate) {
    int[] kept = eval.select(predicate, input);
    return kept.length == input.rowCount() ? input : input.gather(kept, kept.length);
  }

  private Table project(Table input, List<NamedExpr> outputs, List<ColumnSymbol> columns) {
    List<Vector> vectors = new ArrayList<>(outputs.size());
    for (int i = 0; i < outputs.size(); i++) vectors.add(typed(eval.evaluate(outputs.get(i).expr(), input), columns.get(i)));
    return new Table(columns, vectors, input.rowCount());
  }

  /** Input columns, a same-named one replaced; assignments see the columns assigned before them. */
  private Table extend(Table input, List<NamedExpr> assignments, List<ColumnSymbol> columns) {
    Table current = input;
    for (NamedExpr a : assignments) {
      Vector v = eval.evaluate(a.expr(), current);
      List<ColumnSymbol> cols = new ArrayList<>(current.columns());
      List<Vector> vecs = new ArrayList<>(current.vectors());
      int at = current.indexOf(a.name());
      ColumnSymbol c = columnNamed(columns, a.name(), a.expr().type());
      v = typed(v, c);
      if (at >= 0) {
        cols.set(at, c);
        vecs.set(at, v);
      } else {
        cols.add(c);
        vecs.add(v);
      }
      current = new Table(cols, vecs, input.rowCount());
    }
    return align(current, columns);
  }

  private static ColumnSymbol columnNamed(List<ColumnSymbol> columns, String name, ScalarType fallback) {
    for (ColumnSymbol c : columns) if (c.name().equals(name)) return c;
    return new ColumnSymbol(name, fallback);
  }

  /** {@code v} converted to the storage of {@code column}'s type when it differs (int literal into a long column). */
  static Vector typed(Vector v, ColumnSymbol column) {
    ScalarType want = ColumnBuilder.storageType(column.type());
    // An unknown type (a column of a plugin's data-dependent schema) keeps whatever the data holds.
    if (v.type() == want || column.type() == ScalarType.UNKNOWN) return v;
    ColumnBuilder b = new ColumnBuilder(column.type(), v.size());
    for (int i = 0; i < v.size(); i++) b.append(Cells.get(v, i));
    return b.build();
  }

  private int count(BoundExpr e) {
    Object v = eval.constant(e);
    long n = Coerce.toLong(v);
    if (n == Coerce.NULL_LONG || n < 0) throw new ExecutionException(ExecError.BAD_ARGUMENT, "row count", String.valueOf(v));
    return (int) Math.min(n, Integer.MAX_VALUE);
  }

  private static Table count(Table input, List<ColumnSymbol> columns) {
    TableBuilder b = new TableBuilder(columns, 1);
    b.addRow((long) input.rowCount());
    return b.build();
  }

  private Table values(PlanNode.Values v) {
    int width = v.columns().size();
    int rows = width == 0 ? 0 : v.values().size() / width;
    TableBuilder b = new TableBuilder(v.columns(), rows);
    Object[] row = new Object[width];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < width; c++) row[c] = eval.constant(v.values().get(r * width + c));
      b.addRow(row);
    }
    return b.build();
  }

  /** Columns matched by name (or by Kusto's {@code name_type} for a name whose types differ). */
  private Table union(PlanNode.Union u) {
    List<Table> inputs = new ArrayList<>();
    long rows = 0;
    for (PlanNode in : u.inputs()) {
      Table t = execute(in);
      inputs.add(t);
      rows += t.rowCount();
    }
    ColumnBuilder[] builders = new ColumnBuilder[u.columns().size()];
    for (int c = 0; c < builders.length; c++) builders[c] = new ColumnBuilder(u.columns().get(c).type(), (int) rows);
    for (int k = 0; k < inputs.size(); k++) {
      Table t = inputs.get(k);
      for (int c = 0; c < builders.length; c++) {
        ColumnSymbol col = u.columns().get(c);
        if (col.name().equals(u.sourceColumn())) {
          for (int r = 0; r < t.rowCount(); r++) builders[c].append(u.sourceNames().get(k));
          continue;
        }
        int i = unionSource(t, col);
        for (int r = 0; r < t.rowCount(); r++) builders[c].append(i < 0 ? null : t.get(r, i));
      }
    }
    List<Vector> vectors = new ArrayList<>();
    for (ColumnBuilder b : builders) vectors.add(b.build());
    return new Table(u.columns(), vectors, (int) rows);
  }

  private static int unionSource(Table t, ColumnSymbol col) {
    int i = t.indexOf(col.name());
    if (i >= 0) return i;
    for (int j = 0; j < t.columns().size(); j++) {
      ColumnSymbol c = t.columns().get(j);
      if ((c.name() + "_" + c.type().kustoName()).equals(col.name())) return j;
    }
    return -1;
  }
}
