package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundTabular.SortKey;
import dev.kqlhunt.exec.vector.Vector;
import java.util.Arrays;
import java.util.List;

/**
 * {@code sort} and {@code top}: a stable sort of row positions by the key vectors, then one gather.
 * Each key's null placement follows its {@link SortKey#nullsFirst()} (the binder applies Kusto's
 * default: first when ascending, last when descending). Strings compare ordinally.
 */
final class Sorter {
  private Sorter() {}

  static Table sort(ExprEvaluator eval, Table input, List<SortKey> keys, int limit) {
    int n = input.rowCount();
    Vector[] vs = new Vector[keys.size()];
    for (int i = 0; i < vs.length; i++) vs[i] = eval.evaluate(keys.get(i).expr(), input);
    Object[][] cells = new Object[vs.length][];
    for (int k = 0; k < vs.length; k++) {
      cells[k] = new Object[n];
      for (int r = 0; r < n; r++) cells[k][r] = ScalarOps.unwrap(Cells.get(vs[k], r));
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> {
      for (int k = 0; k < vs.length; k++) {
        int c = compare(cells[k][a], cells[k][b], keys.get(k));
        if (c != 0) return c;
      }
      return 0;
    });
    int count = Math.min(n, limit);
    int[] positions = new int[count];
    for (int i = 0; i < count; i++) positions[i] = order[i];
    return input.gather(positions, count);
  }

  private static int compare(Object x, Object y, SortKey key) {
    if (x == null || y == null) {
      if (x == y) return 0;
      return (x == null) == key.nullsFirst() ? -1 : 1;
    }
    int c = ScalarOps.compare(x, y);
    return key.ascending() ? c : -c;
  }
}
