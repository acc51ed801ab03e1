package dev.kqlhunt.plan;

import dev.kqlhunt.binder.BoundExpr;
import java.util.List;
import java.util.Set;

/**
 * The input columns a bound expression reads, by name. Used by {@link PruneColumns} to decide which
 * columns an operator needs from its input and by the executor to narrow what a scan predicate sees.
 *
 * <p>Answers "unknown" (false) for anything that may read a column it does not name: {@code *}
 * ({@code arg_max(t, *)}, {@code take_any(*)}) and functions that read the whole row ({@code pack_all}).
 * A tabular subquery ({@code toscalar}, {@code in (T | ...)}) is planned on its own and reads no
 * column of this input. Stateless.
 */
public final class ColumnRefs {
  /** Functions that read every column of the row without naming them. */
  private static final Set<String> WHOLE_ROW = Set.of("pack_all", "bag_pack_all");

  private ColumnRefs() {}

  /** Adds the column names {@code e} reads to {@code out}; false when it may read any column. */
  public static boolean collect(BoundExpr e, Set<String> out) {
    return switch (e) {
      case BoundExpr.ColumnRef c -> out.add(c.column().name()) || true;
      case BoundExpr.Literal l -> true;
      case BoundExpr.VariableRef v -> v.value() == null || collect(v.value(), out);
      case BoundExpr.Star s -> false;
      case BoundExpr.Error x -> true;
      case BoundExpr.ToScalar t -> true;
      case BoundExpr.TupleElement t -> collect(t.tuple(), out);
      case BoundExpr.Call c -> !WHOLE_ROW.contains(c.function().name()) && all(c.arguments(), out);
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

  /** {@link #collect} over each expression (null entries read nothing); false as soon as one may read any column. */
  public static boolean all(List<BoundExpr> es, Set<String> out) {
    for (BoundExpr e : es) if (e != null && !collect(e, out)) return false;
    return true;
  }
}
