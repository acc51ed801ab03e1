package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundExpr;
import java.util.Set;

/** The input columns an expression reads, for narrowing what a scan predicate sees. */
final class References {
  private References() {}

  /** Adds the column names {@code e} reads to {@code out}; false when it may read any column ({@code *}). */
  static boolean collect(BoundExpr e, Set<String> out) {
    return switch (e) {
      case BoundExpr.ColumnRef c -> out.add(c.column().name()) || true;
      case BoundExpr.Literal l -> true;
      case BoundExpr.VariableRef v -> v.value() == null || collect(v.value(), out);
      case BoundExpr.Star s -> false;
      case BoundExpr.Error x -> true;
      case BoundExpr.ToScalar t -> true;
      case BoundExpr.TupleElement t -> collect(t.tuple(), out);
      case BoundExpr.Call c -> all(c.arguments(), out);
      case BoundExpr.AggregateCall a -> all(a.arguments(), out);
      case BoundExpr.UserCall u -> collect(u.expansion(), out);
      case BoundExpr.Binary b -> collect(b.left(), out) && collect(b.right(), out);
      case BoundExpr.Unary u -> collect(u.operand(), out);
      case BoundExpr.InList i -> collect(i.value(), out) && all(i.items(), out);
      case BoundExpr.Between b -> collect(b.value(), out) && collect(b.low(), out) && collect(b.high(), out);
      case BoundExpr.Member m -> collect(m.target(), out);
      case BoundExpr.Element x -> collect(x.target(), out) && collect(x.index(), out);
    };
  }

  private static boolean all(java.util.List<BoundExpr> es, Set<String> out) {
    for (BoundExpr e : es) if (!collect(e, out)) return false;
    return true;
  }
}
