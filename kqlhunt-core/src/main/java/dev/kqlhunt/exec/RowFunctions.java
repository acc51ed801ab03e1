package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundExpr;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.Dynamic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Functions that read more than their argument values: the whole row ({@code pack_all}), the names
 * of their argument columns ({@code bag_pack_columns}), or the schema of a tabular argument ({@code
 * column_names_of}). {@link RowWise} asks here before the value-only functions.
 */
final class RowFunctions {
  private RowFunctions() {}

  /** The call's values, or null when it is not one of these functions. */
  static Vector evaluate(ExprEvaluator ev, BoundExpr.Call c, Table input) {
    return switch (c.function().name()) {
      case "pack_all" -> packAll(ev, c, input);
      case "bag_pack_columns" -> packColumns(ev, c, input);
      case "column_names_of" -> columnNames(ev, c, input.rowCount());
      default -> null;
    };
  }

  /**
   * {@code pack_all([ignore_null_empty])}: a bag of every column by name, in column order; with
   * {@code true}, null values and empty strings are left out (pack-all-function.md).
   */
  private static Vector packAll(ExprEvaluator ev, BoundExpr.Call c, Table input) {
    int n = input.rowCount();
    boolean skipEmpty = false;
    if (!c.arguments().isEmpty()) {
      Vector flag = ev.evaluate(c.arguments().get(0), input);
      skipEmpty = n > 0 && Boolean.TRUE.equals(Coerce.toBool(Cells.get(flag, 0)));
    }
    ColumnBuilder out = new ColumnBuilder(ScalarType.DYNAMIC, n);
    int width = input.columns().size();
    for (int r = 0; r < n; r++) {
      Map<String, Dynamic> bag = new LinkedHashMap<>();
      for (int i = 0; i < width; i++) {
        Object v = Cells.get(input.vector(i), r);
        if (skipEmpty && ScalarFunctions.isEmpty(v)) continue;
        bag.put(input.columns().get(i).name(), Cells.toDynamic(v, input.columns().get(i).type()));
      }
      out.append(new Dynamic.DynBag(bag));
    }
    return out.build();
  }

  /** {@code bag_pack_columns(c1, c2, ...)}: a bag of the named columns (bag-pack-columns-function.md). */
  private static Vector packColumns(ExprEvaluator ev, BoundExpr.Call c, Table input) {
    int n = input.rowCount();
    List<BoundExpr> args = c.arguments();
    Vector[] vs = new Vector[args.size()];
    String[] names = new String[args.size()];
    for (int i = 0; i < vs.length; i++) {
      vs[i] = ev.evaluate(args.get(i), input);
      names[i] = args.get(i) instanceof BoundExpr.ColumnRef r ? r.column().name() : "Column" + (i + 1);
    }
    ColumnBuilder out = new ColumnBuilder(ScalarType.DYNAMIC, n);
    for (int r = 0; r < n; r++) {
      Map<String, Dynamic> bag = new LinkedHashMap<>();
      for (int i = 0; i < vs.length; i++) bag.put(names[i], Cells.toDynamic(Cells.get(vs[i], r), args.get(i).type()));
      out.append(new Dynamic.DynBag(bag));
    }
    return out.build();
  }

  /** {@code column_names_of(T)}: the column names of the tabular argument, as a dynamic array. */
  private static Vector columnNames(ExprEvaluator ev, BoundExpr.Call c, int n) {
    BoundExpr arg = c.arguments().isEmpty() ? null : c.arguments().get(0);
    while (arg instanceof BoundExpr.UserCall u) arg = u.expansion();
    if (!(arg instanceof BoundExpr.ToScalar t)) {
      throw new ExecutionException(ExecError.UNSUPPORTED_FUNCTION, "column_names_of over a non-tabular argument");
    }
    Table table = ev.context().subquery(t.query());
    List<Dynamic> names = new ArrayList<>();
    table.columns().forEach(col -> names.add(Dynamic.of(col.name())));
    return ColumnBuilder.constant(ScalarType.DYNAMIC, new Dynamic.DynArray(names), n);
  }
}
