package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundTabular.NamedExpr;
import dev.kqlhunt.binder.OperatorSpec;
import dev.kqlhunt.symbols.ColumnSymbol;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code scan} (scan-operator.md): matches sequences of steps over the rows in their current order.
 * Each step has a state (empty, or the step rows of one sequence and its match id). For each row the
 * steps are checked from last to first: (1) when the previous step's state is active and the row meets
 * this step's condition, that state moves to this step, extended with the row; (2) otherwise, when this
 * step's state is active (or it is the first step) and the row meets the condition, the row replaces
 * this step's row in the state; on the first step with an empty state this starts a sequence with the
 * next match id. A matched row is extended by the step's assignments and output unless the step says
 * {@code output=none} ({@code output=last} is treated as {@code all}). Declared columns carry their value
 * from the state the row extends, else their default; conditions and assignments see each step's row as
 * columns {@code step.column}. Row at a time: meant for the sizes hunting queries scan.
 */
final class ScanOperator {
  private final ExprEvaluator eval;
  private final OperatorSpec.Scan spec;
  private final List<ColumnSymbol> rowColumns;
  private final List<ColumnSymbol> seen;
  private final int inputWidth;
  private final Object[] defaults;

  /** An active state: the sequence's match id and, per step, the row that step matched (or null). */
  private record State(long id, Object[][] stepRows) {}

  private ScanOperator(ExprEvaluator eval, Table input, OperatorSpec.Scan spec) {
    this.eval = eval;
    this.spec = spec;
    this.inputWidth = input.columns().size();
    this.rowColumns = new ArrayList<>(input.columns());
    rowColumns.addAll(spec.declaredColumns());
    this.seen = new ArrayList<>(rowColumns);
    for (OperatorSpec.ScanStep s : spec.steps()) {
      for (ColumnSymbol c : rowColumns) seen.add(new ColumnSymbol(s.name() + "." + c.name(), c.type()));
    }
    this.defaults = new Object[spec.declared().size()];
    for (int i = 0; i < defaults.length; i++) defaults[i] = eval.constant(spec.declared().get(i).expr());
  }

  static Table scan(ExprEvaluator eval, Table input, OperatorSpec.Scan spec, List<ColumnSymbol> columns) {
    return new ScanOperator(eval, input, spec).run(input, columns);
  }

  private Table run(Table input, List<ColumnSymbol> columns) {
    int steps = spec.steps().size();
    State[] states = new State[steps];
    long nextId = 0;
    TableBuilder out = new TableBuilder(columns, input.rowCount());
    for (int r = 0; r < input.rowCount(); r++) {
      for (int k = steps - 1; k >= 0; k--) {
        OperatorSpec.ScanStep step = spec.steps().get(k);
        if (k > 0 && states[k - 1] != null) {
          State prev = states[k - 1];
          Object[] row = extend(input, r, prev, k - 1);
          if (matches(step, row, prev)) {
            assign(step, row, prev);
            Object[][] rows = prev.stepRows().clone();
            rows[k] = row;
            states[k] = new State(prev.id(), rows);
            states[k - 1] = null;
            emit(out, step, row, prev.id(), columns.size());
            continue;
          }
        }
        State current = states[k];
        if (current == null && k > 0) continue;
        Object[] row = extend(input, r, current, k);
        if (!matches(step, row, current)) continue;
        assign(step, row, current);
        long id = current == null ? nextId++ : current.id();
        Object[][] rows = current == null ? new Object[steps][] : current.stepRows().clone();
        rows[k] = row;
        states[k] = new State(id, rows);
        emit(out, step, row, id, columns.size());
      }
    }
    return out.build();
  }

  /** Row {@code r} with the declared columns taken from the state's row of step {@code step}, else defaults. */
  private Object[] extend(Table input, int r, State state, int step) {
    Object[] row = new Object[rowColumns.size()];
    for (int c = 0; c < inputWidth; c++) row[c] = input.get(r, c);
    Object[] from = state == null ? null : state.stepRows()[step];
    for (int d = 0; d < defaults.length; d++) row[inputWidth + d] = from != null ? from[inputWidth + d] : defaults[d];
    return row;
  }

  private boolean matches(OperatorSpec.ScanStep step, Object[] row, State state) {
    return Boolean.TRUE.equals(Cells.get(eval.evaluate(step.condition(), view(row, state)), 0));
  }

  /** Applies the step's assignments in order, each seeing the ones before it. */
  private void assign(OperatorSpec.ScanStep step, Object[] row, State state) {
    for (NamedExpr a : step.assignments()) {
      Object v = Cells.get(eval.evaluate(a.expr(), view(row, state)), 0);
      for (int c = 0; c < rowColumns.size(); c++) {
        if (rowColumns.get(c).name().equals(a.name())) row[c] = Coerce.to(rowColumns.get(c).type(), v);
      }
    }
  }

  /** A one-row table of the row's columns and every step's row as {@code step.column}. */
  private Table view(Object[] row, State state) {
    TableBuilder b = new TableBuilder(seen, 1);
    Object[] values = new Object[seen.size()];
    System.arraycopy(row, 0, values, 0, row.length);
    int at = row.length;
    for (int s = 0; s < spec.steps().size(); s++) {
      Object[] stepRow = state == null ? null : state.stepRows()[s];
      for (int c = 0; c < rowColumns.size(); c++) values[at++] = stepRow == null ? null : stepRow[c];
    }
    b.addRow(values);
    return b.build();
  }

  private void emit(TableBuilder out, OperatorSpec.ScanStep step, Object[] row, long id, int width) {
    if (step.output().equals("none")) return;
    Object[] values = new Object[width];
    System.arraycopy(row, 0, values, 0, Math.min(row.length, width));
    if (spec.matchId() != null && width > row.length) values[row.length] = id;
    out.addRow(values);
  }
}
