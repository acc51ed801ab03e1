package dev.kqlhunt.exec;

import dev.kqlhunt.binder.OperatorSpec;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.value.Dynamic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code find in (T1, ...) where p [project ...]}: the rows of each table where {@code p} holds, in
 * table order, each tagged with its table in {@code source_}. Each table is first aligned to the
 * union of the tables' columns (a column it lacks reads as null), so the predicate sees every name.
 * With {@code project}, the projected expressions follow {@code source_}; otherwise the output
 * columns named by the plan come from the row, and {@code pack_} holds the row's other non-empty
 * columns as a property bag.
 */
final class FindOperator {
  private FindOperator() {}

  static Table find(ExprEvaluator eval, List<Table> inputs, OperatorSpec.Find spec, List<ColumnSymbol> columns) {
    List<ColumnSymbol> union = unionColumns(inputs);
    TableBuilder out = new TableBuilder(columns, 16);
    Set<String> outputNames = new HashSet<>();
    for (ColumnSymbol c : columns) outputNames.add(c.name());
    for (int k = 0; k < inputs.size(); k++) {
      Table t = Executor.align(inputs.get(k), union);
      if (spec.predicate() != null) {
        int[] kept = eval.select(spec.predicate(), t);
        t = t.gather(kept, kept.length);
      }
      if (t.rowCount() == 0) continue;
      String source = k < spec.sourceNames().size() ? spec.sourceNames().get(k) : "table_" + k;
      List<Vector> projected = new ArrayList<>();
      for (var p : spec.project()) projected.add(eval.evaluate(p.expr(), t));
      for (int r = 0; r < t.rowCount(); r++) {
        Object[] row = new Object[columns.size()];
        row[0] = source;
        if (!spec.project().isEmpty()) {
          for (int i = 0; i < projected.size() && i + 1 < row.length; i++) row[i + 1] = Cells.get(projected.get(i), r);
        } else {
          for (int c = 1; c < columns.size(); c++) {
            String name = columns.get(c).name();
            row[c] = name.equals("pack_") ? pack(t, r, outputNames) : valueOf(t, r, name);
          }
        }
        out.addRow(row);
      }
    }
    return out.build();
  }

  private static Object valueOf(Table t, int row, String name) {
    int i = t.indexOf(name);
    return i < 0 ? null : t.get(row, i);
  }

  /** The row's columns outside the output, non-null and non-empty, as a bag. */
  private static Object pack(Table t, int row, Set<String> outputNames) {
    Map<String, Dynamic> props = new LinkedHashMap<>();
    for (int c = 0; c < t.columns().size(); c++) {
      ColumnSymbol col = t.columns().get(c);
      if (outputNames.contains(col.name())) continue;
      Object v = t.get(row, c);
      if (v == null || (v instanceof String s && s.isEmpty())) continue;
      props.put(col.name(), Cells.toDynamic(v, col.type()));
    }
    return new Dynamic.DynBag(props);
  }

  private static List<ColumnSymbol> unionColumns(List<Table> inputs) {
    Map<String, ColumnSymbol> out = new LinkedHashMap<>();
    for (Table t : inputs) for (ColumnSymbol c : t.columns()) out.putIfAbsent(c.name(), c);
    return new ArrayList<>(out.values());
  }
}
