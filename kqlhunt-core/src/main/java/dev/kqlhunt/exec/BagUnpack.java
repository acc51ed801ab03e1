package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundExpr;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.Dynamic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code evaluate bag_unpack(column [, prefix])} (bag-unpack-plugin.md): the bag column is replaced by
 * one column per distinct top-level key, in first-seen order, named {@code prefix + key}; a row
 * without the key gets null. A column's type is that of its first non-null scalar (long, real, bool,
 * string), else dynamic. A name that clashes with an input column keeps the input column (Kusto
 * fails the query; keeping the data is more useful to a hunter, and is written down here).
 */
final class BagUnpack {
  private BagUnpack() {}

  static Table unpack(ExprEvaluator eval, Table input, List<BoundExpr> args) {
    if (args.isEmpty()) throw new ExecutionException(ExecError.BAD_ARGUMENT, "bag_unpack", "a dynamic column is required");
    Vector bags = eval.evaluate(args.get(0), input);
    String prefix = args.size() > 1 ? Coerce.toStringValue(eval.constant(args.get(1)), ScalarType.STRING) : "";
    String bagColumn = args.get(0) instanceof BoundExpr.ColumnRef r ? r.column().name() : null;
    Map<String, ScalarType> keys = new LinkedHashMap<>();
    int n = input.rowCount();
    for (int r = 0; r < n; r++) {
      if (Coerce.toDynamic(Cells.get(bags, r)) instanceof Dynamic.DynBag b) {
        b.properties().forEach((k, v) -> keys.merge(k, typeOf(v), (old, cur) -> old == null ? cur : old));
      }
    }
    List<ColumnSymbol> cols = new ArrayList<>();
    List<Vector> vectors = new ArrayList<>();
    for (int i = 0; i < input.columns().size(); i++) {
      if (input.columns().get(i).name().equals(bagColumn)) continue;
      cols.add(input.columns().get(i));
      vectors.add(input.vector(i));
    }
    for (Map.Entry<String, ScalarType> k : keys.entrySet()) {
      String name = prefix + k.getKey();
      if (cols.stream().anyMatch(c -> c.name().equals(name))) continue;
      ScalarType type = k.getValue() == null ? ScalarType.DYNAMIC : k.getValue();
      ColumnBuilder b = new ColumnBuilder(type, n);
      for (int r = 0; r < n; r++) {
        Dynamic d = Coerce.toDynamic(Cells.get(bags, r));
        Dynamic v = d instanceof Dynamic.DynBag bag ? bag.properties().getOrDefault(k.getKey(), Dynamic.NULL) : Dynamic.NULL;
        b.append(type == ScalarType.DYNAMIC ? v : ScalarOps.unwrap(v));
      }
      cols.add(new ColumnSymbol(name, type));
      vectors.add(b.build());
    }
    return new Table(cols, vectors, n);
  }

  private static ScalarType typeOf(Dynamic v) {
    return switch (v) {
      case Dynamic.DynNull x -> null;
      case Dynamic.DynLong x -> ScalarType.LONG;
      case Dynamic.DynReal x -> ScalarType.REAL;
      case Dynamic.DynBool x -> ScalarType.BOOL;
      case Dynamic.DynString x -> ScalarType.STRING;
      default -> ScalarType.DYNAMIC;
    };
  }
}
