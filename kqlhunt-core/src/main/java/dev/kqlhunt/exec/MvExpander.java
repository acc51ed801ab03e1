package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundTabular.ExpandItem;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.plan.PlanNode;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.Dynamic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code mv-expand} (mv-expand-operator.md): each input row yields as many rows as its longest
 * expanded value; the items expand in parallel, a shorter one padded with null. A null value yields
 * one row (null); an empty array or bag yields none. A bag expands to one single-property bag per
 * property ({@code kind=bag}, the default). {@code to typeof(T)} casts each element; one that does
 * not convert is null. Other columns are repeated.
 */
final class MvExpander {
  private MvExpander() {}

  static Table expand(ExprEvaluator eval, Table input, PlanNode.MvExpand m) {
    int n = input.rowCount();
    List<ExpandItem> items = m.items();
    Vector[] vs = new Vector[items.size()];
    for (int i = 0; i < vs.length; i++) vs[i] = eval.evaluate(items.get(i).expr(), input);
    long limit = m.limit() == null ? Long.MAX_VALUE : Coerce.toLong(eval.constant(m.limit()));
    List<List<List<Dynamic>>> elements = new ArrayList<>();
    for (Vector v : vs) {
      List<List<Dynamic>> perRow = new ArrayList<>(n);
      for (int r = 0; r < n; r++) perRow.add(elements(Coerce.toDynamic(Cells.get(v, r)), m.bagExpansionArray()));
      elements.add(perRow);
    }
    int[] repeat = new int[16];
    int[] index = new int[16];
    int count = 0;
    for (int r = 0; r < n; r++) {
      int rows = 0;
      for (List<List<Dynamic>> perRow : elements) rows = Math.max(rows, perRow.get(r).size());
      rows = (int) Math.min(rows, limit);
      for (int k = 0; k < rows; k++) {
        if (count == repeat.length) {
          repeat = Arrays.copyOf(repeat, count * 2);
          index = Arrays.copyOf(index, count * 2);
        }
        repeat[count] = r;
        index[count++] = k;
      }
      if (count > 0 && (count & 0xffff) == 0) {
        eval.context().memory().check((long) count * m.columns().size() * 8 + input.retainedBytes(), "mv-expand");
      }
    }
    List<Vector> out = new ArrayList<>();
    for (ColumnSymbol c : m.columns()) out.add(column(c, input, items, elements, m.itemIndex(), repeat, index, count));
    return new Table(m.columns(), out, count);
  }

  private static Vector column(ColumnSymbol c, Table input, List<ExpandItem> items, List<List<List<Dynamic>>> elements,
      String itemIndex, int[] repeat, int[] index, int count) {
    for (int i = 0; i < items.size(); i++) {
      if (!items.get(i).name().equals(c.name())) continue;
      ScalarType type = items.get(i).type();
      ColumnBuilder b = new ColumnBuilder(c.type(), count);
      List<List<Dynamic>> perRow = elements.get(i);
      for (int k = 0; k < count; k++) {
        List<Dynamic> e = perRow.get(repeat[k]);
        Dynamic d = index[k] < e.size() ? e.get(index[k]) : Dynamic.NULL;
        b.append(type == ScalarType.DYNAMIC ? d : Coerce.to(type, ScalarOps.unwrap(d)));
      }
      return b.build();
    }
    if (c.name().equals(itemIndex)) {
      ColumnBuilder b = new ColumnBuilder(c.type(), count);
      for (int k = 0; k < count; k++) b.append((long) index[k]);
      return b.build();
    }
    int at = input.indexOf(c.name());
    if (at < 0) return ColumnBuilder.constant(c.type(), null, count);
    return Executor.typed(Gather.gather(input.vector(at), repeat, count), c);
  }

  private static List<Dynamic> elements(Dynamic d, boolean bagAsArray) {
    return switch (d) {
      case Dynamic.DynNull x -> List.of(Dynamic.NULL);
      case Dynamic.DynArray a -> a.elements();
      case Dynamic.DynBag b -> {
        List<Dynamic> out = new ArrayList<>(b.properties().size());
        for (Map.Entry<String, Dynamic> e : b.properties().entrySet()) {
          out.add(bagAsArray ? Dynamic.array(Dynamic.of(e.getKey()), e.getValue())
              : new Dynamic.DynBag(Map.of(e.getKey(), e.getValue())));
        }
        yield out;
      }
      default -> List.of(d);
    };
  }
}
