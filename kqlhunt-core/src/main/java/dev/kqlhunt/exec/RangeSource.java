package dev.kqlhunt.exec;

import dev.kqlhunt.plan.PlanNode;
import dev.kqlhunt.symbols.ScalarType;

/**
 * {@code range x from a to b step s}: the values a, a+s, ... up to and including b (for a negative
 * step, down to b). Works on long, real, datetime and timespan; the row count is checked against the
 * memory budget before any row is built.
 */
final class RangeSource {
  private RangeSource() {}

  static Table range(ExprEvaluator eval, PlanNode.Range r) {
    ScalarType type = r.columns().get(0).type();
    Object from = ScalarOps.unwrap(eval.constant(r.from()));
    Object to = ScalarOps.unwrap(eval.constant(r.to()));
    Object step = ScalarOps.unwrap(eval.constant(r.step()));
    TableBuilder b = new TableBuilder(r.columns(), 16);
    if (from == null || to == null || step == null) return b.build();
    if (type == ScalarType.REAL || from instanceof Double || step instanceof Double) {
      double a = Coerce.toReal(from), z = Coerce.toReal(to), s = Coerce.toReal(step);
      if (s == 0) return b.build();
      check(eval, (z - a) / s);
      for (double x = a; s > 0 ? x <= z : x >= z; x += s) b.addRow(x);
      return b.build();
    }
    long a = Coerce.toLong(from), z = Coerce.toLong(to), s = Coerce.toLong(step);
    if (s == 0) return b.build();
    check(eval, ((double) z - a) / s);
    for (long x = a; s > 0 ? x <= z : x >= z; x += s) b.addRow(x);
    return b.build();
  }

  private static void check(ExprEvaluator eval, double rows) {
    if (rows > 0) eval.context().memory().check((long) Math.min(Long.MAX_VALUE / 16, rows * 16), "range");
  }
}
