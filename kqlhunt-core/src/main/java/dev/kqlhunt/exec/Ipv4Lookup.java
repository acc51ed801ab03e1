package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundExpr;
import dev.kqlhunt.binder.OperatorSpec;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code evaluate ipv4_lookup(LookupTable, key, rangeKey [, return_unmatched])}: pairs each input row
 * whose IPv4 {@code key} falls in a lookup row's {@code rangeKey} (a CIDR range, or one address) with
 * that lookup row; a row matching several ranges pairs with the most specific (longest prefix; first
 * on ties). Unmatched rows are dropped unless {@code return_unmatched} is true (then the lookup
 * columns are null). Output: the input columns, then the lookup table's (named as the plan says).
 */
final class Ipv4Lookup {
  private Ipv4Lookup() {}

  static Table lookup(ExprEvaluator eval, Table input, Table table, OperatorSpec.Lookup spec, List<ColumnSymbol> columns) {
    List<BoundExpr> args = spec.arguments();
    if (args.size() < 2) throw new ExecutionException(ExecError.BAD_ARGUMENT, "ipv4_lookup", "expects a key and a range key");
    boolean unmatched = args.size() > 2 && Boolean.TRUE.equals(Coerce.toBool(ScalarOps.unwrap(eval.constant(args.get(2)))));
    Vector keys = eval.evaluate(args.get(0), input);
    Vector ranges = eval.evaluate(args.get(1), table);
    long[][] parsed = new long[table.rowCount()][];
    for (int r = 0; r < parsed.length; r++) {
      Object v = Cells.get(ranges, r);
      parsed[r] = v == null ? null : NetworkFunctions.ipv4(Coerce.toStringValue(v, ScalarType.STRING));
    }
    int inputWidth = input.columns().size();
    TableBuilder out = new TableBuilder(columns, input.rowCount());
    Object[] row = new Object[columns.size()];
    for (int r = 0; r < input.rowCount(); r++) {
      Object k = Cells.get(keys, r);
      long[] ip = k == null ? null : NetworkFunctions.ipv4(Coerce.toStringValue(k, ScalarType.STRING));
      int best = ip == null ? -1 : bestMatch(ip[0], parsed);
      if (best < 0 && !unmatched) continue;
      for (int c = 0; c < row.length; c++) {
        if (c < inputWidth) row[c] = input.get(r, c);
        else row[c] = best < 0 || c - inputWidth >= table.columns().size() ? null : table.get(best, c - inputWidth);
      }
      out.addRow(row);
    }
    return out.build();
  }

  private static int bestMatch(long ip, long[][] ranges) {
    int best = -1;
    for (int i = 0; i < ranges.length; i++) {
      long[] range = ranges[i];
      if (range == null) continue;
      long mask = range[1] == 0 ? 0 : (0xffffffffL << (32 - range[1])) & 0xffffffffL;
      if ((ip & mask) == (range[0] & mask) && (best < 0 || range[1] > ranges[best][1])) best = i;
    }
    return best;
  }
}
