package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundExpr;
import java.util.Set;

/** Whether an expression reads no column and is deterministic, so it can be computed once per query. */
final class Constness {
  /** Functions whose value changes per call even with constant arguments. */
  private static final Set<String> VOLATILE = Set.of("rand", "new_guid", "row_number", "prev", "next", "row_cumsum",
      "row_window_session", "row_rank_dense", "row_rank_min", "row_rank", "pack_all");

  private Constness() {}

  static boolean isConstant(BoundExpr e) {
    return switch (e) {
      case BoundExpr.Literal l -> true;
      case BoundExpr.VariableRef v -> v.value() != null && isConstant(v.value());
      case BoundExpr.ColumnRef c -> false;
      case BoundExpr.Star s -> false;
      case BoundExpr.Error x -> false;
      case BoundExpr.AggregateCall a -> false;
      case BoundExpr.ToScalar t -> true;
      case BoundExpr.TupleElement t -> isConstant(t.tuple());
      case BoundExpr.Call c -> !VOLATILE.contains(c.function().name()) && all(c.arguments());
      case BoundExpr.UserCall u -> isConstant(u.expansion());
      case BoundExpr.Binary b -> isConstant(b.left()) && isConstant(b.right());
      case BoundExpr.Unary u -> isConstant(u.operand());
      case BoundExpr.InList i -> isConstant(i.value()) && all(i.items());
      case BoundExpr.Between b -> isConstant(b.value()) && isConstant(b.low()) && isConstant(b.high());
      case BoundExpr.Member m -> isConstant(m.target());
      case BoundExpr.Element x -> isConstant(x.target()) && isConstant(x.index());
    };
  }

  private static boolean all(java.util.List<BoundExpr> es) {
    for (BoundExpr e : es) if (!isConstant(e)) return false;
    return true;
  }
}
