package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundExpr;
import dev.kqlhunt.binder.BoundExpr.BinaryOp;
import dev.kqlhunt.plan.PlanNode;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.StringPredicate;
import dev.kqlhunt.value.StringSetMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Derives what a {@link PlanNode.Scan} asks of its {@link DataSource} ({@link ScanRequest}): the
 * columns the plan reads, the ranges that long-backed columns must meet and the string conditions
 * that string columns must meet, from the scan's conjuncts.
 *
 * <p>Contract: every row the scan's predicates keep satisfies every derived range and condition (a
 * necessary condition, never a sufficient one), so a source may drop any row that fails one. The
 * executor re-applies every predicate to what the source returns, so a conjunct that cannot be
 * expressed is simply left out. String conditions are built by the executor's own code paths
 * ({@link ExprEvaluator#constantPredicate}, {@link StringSetMatcher}, {@link InLists#flatten}), so
 * they have exactly the semantics the executor applies; there is no second implementation.
 *
 * <p>Pushed: {@code C between (a .. b)}, {@code C < <= > >= == c} (either side) with constant sides
 * of the column's type family (datetime, timespan, int/long) evaluated once with the query's
 * reference time; string operators with a constant right side ({@code has}, {@code ==}, {@code =~},
 * {@code contains}, {@code startswith}, their {@code _cs} and negated forms, {@code matches regex}),
 * {@code in}, {@code !in}, {@code in~}, {@code !in~}, {@code has_any}, {@code has_all} over constant
 * lists; and {@code not}, {@code and}, {@code or} of those when every part reads the same string
 * column. A constant that fails to evaluate is not pushed (the executor reports it).
 */
final class ScanPushdown {
  private final ExprEvaluator eval;

  private ScanPushdown(ExprEvaluator eval) {
    this.eval = eval;
  }

  /** The request of {@code scan}; constants are evaluated by {@code eval} (cached there for the query). */
  static ScanRequest request(PlanNode.Scan scan, ExprEvaluator eval) {
    Set<String> names = new LinkedHashSet<>();
    for (ColumnSymbol c : scan.columns()) names.add(c.name());
    // The executor re-applies the predicates to what the source returns, so their columns are needed too.
    for (BoundExpr e : scan.predicates()) {
      if (!References.collect(e, names)) {
        names = null;
        break;
      }
    }
    ScanPushdown p = new ScanPushdown(eval);
    List<ScanRequest.Range> ranges = new ArrayList<>();
    List<ScanRequest.StringCondition> strings = new ArrayList<>();
    List<BoundExpr> conjuncts = new ArrayList<>();
    for (BoundExpr e : scan.predicates()) conjuncts(e, conjuncts);
    for (BoundExpr e : conjuncts) {
      ScanRequest.Range r = p.range(e);
      if (r != null) {
        ranges.add(r);
        continue;
      }
      ScanRequest.StringCondition s = p.stringCondition(e);
      if (s != null) strings.add(s);
    }
    return new ScanRequest(scan.table(), names, ranges, strings);
  }

  private static void conjuncts(BoundExpr e, List<BoundExpr> out) {
    if (e instanceof BoundExpr.Binary b && b.op() == BinaryOp.AND) {
      conjuncts(b.left(), out);
      conjuncts(b.right(), out);
    } else {
      out.add(e);
    }
  }

  // ---- ranges over long-backed columns ----

  private ScanRequest.Range range(BoundExpr e) {
    if (e instanceof BoundExpr.Between b && !b.negated() && b.value() instanceof BoundExpr.ColumnRef c
        && longBacked(c.type()) && sameFamily(c.type(), b.low().type()) && sameFamily(c.type(), b.high().type())) {
      Long lo = longConstant(b.low());
      Long hi = longConstant(b.high());
      return lo == null || hi == null ? null : new ScanRequest.Range(c.column().name(), lo, hi);
    }
    if (e instanceof BoundExpr.Binary b && isOrdering(b.op())) {
      if (b.left() instanceof BoundExpr.ColumnRef c && Constness.isConstant(b.right())) {
        return compare(c, b.op(), b.right());
      }
      if (b.right() instanceof BoundExpr.ColumnRef c && Constness.isConstant(b.left())) {
        return compare(c, flip(b.op()), b.left());
      }
    }
    return null;
  }

  private ScanRequest.Range compare(BoundExpr.ColumnRef c, BinaryOp op, BoundExpr constant) {
    if (!longBacked(c.type()) || !sameFamily(c.type(), constant.type())) return null;
    Long v = longConstant(constant);
    if (v == null) return null;
    long x = v;
    String name = c.column().name();
    return switch (op) {
      case EQUAL -> new ScanRequest.Range(name, x, x);
      // x - 1 / x + 1 cannot wrap: at the extremes the range is empty (low > high) instead.
      case LESS -> x == Long.MIN_VALUE ? new ScanRequest.Range(name, 0, -1) : new ScanRequest.Range(name, Long.MIN_VALUE, x - 1);
      case LESS_OR_EQUAL -> new ScanRequest.Range(name, Long.MIN_VALUE, x);
      case GREATER -> x == Long.MAX_VALUE ? new ScanRequest.Range(name, 0, -1) : new ScanRequest.Range(name, x + 1, Long.MAX_VALUE);
      case GREATER_OR_EQUAL -> new ScanRequest.Range(name, x, Long.MAX_VALUE);
      default -> null;
    };
  }

  private static boolean isOrdering(BinaryOp op) {
    return switch (op) {
      case LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL, EQUAL -> true;
      default -> false;
    };
  }

  private static BinaryOp flip(BinaryOp op) {
    return switch (op) {
      case LESS -> BinaryOp.GREATER;
      case LESS_OR_EQUAL -> BinaryOp.GREATER_OR_EQUAL;
      case GREATER -> BinaryOp.LESS;
      case GREATER_OR_EQUAL -> BinaryOp.LESS_OR_EQUAL;
      default -> op;
    };
  }

  private static boolean longBacked(ScalarType t) {
    return t == ScalarType.DATETIME || t == ScalarType.TIMESPAN || t == ScalarType.LONG || t == ScalarType.INT;
  }

  /** Whether a constant of type {@code k} compares with a column of type {@code t} on raw longs. */
  private static boolean sameFamily(ScalarType t, ScalarType k) {
    if (t == ScalarType.INT || t == ScalarType.LONG) return k == ScalarType.INT || k == ScalarType.LONG;
    return t == k;
  }

  /** The constant's value as a long, or null when it is null, not a long or fails to evaluate. */
  private Long longConstant(BoundExpr e) {
    if (!Constness.isConstant(e)) return null;
    try {
      Object v = ScalarOps.unwrap(eval.constant(e));
      if (v instanceof Long l) return l;
      if (v instanceof Integer i) return i.longValue();
      return null;
    } catch (ExecutionException x) {
      return null;
    }
  }

  // ---- string conditions ----

  private ScanRequest.StringCondition stringCondition(BoundExpr e) {
    String column = singleStringColumn(e);
    if (column == null) return null;
    StringPredicate p = predicate(e, column);
    return p == null ? null : new ScanRequest.StringCondition(column, p::test);
  }

  /** The one string column {@code e} reads, or null when it reads none, several or a non-string one. */
  private static String singleStringColumn(BoundExpr e) {
    Set<String> names = new java.util.HashSet<>();
    if (!References.collect(e, names) || names.size() != 1) return null;
    return names.iterator().next();
  }

  /** {@code e} as a predicate over the value of string column {@code column}, or null. */
  private StringPredicate predicate(BoundExpr e, String column) {
    try {
      return switch (e) {
        case BoundExpr.Binary b when b.op() == BinaryOp.AND || b.op() == BinaryOp.OR -> {
          StringPredicate l = predicate(b.left(), column);
          StringPredicate r = l == null ? null : predicate(b.right(), column);
          if (r == null) yield null;
          yield b.op() == BinaryOp.AND ? v -> l.test(v) && r.test(v) : v -> l.test(v) || r.test(v);
        }
        case BoundExpr.Binary b -> binary(b, column);
        case BoundExpr.InList i -> list(i, column);
        case BoundExpr.Call c when c.function().name().equals("not") && c.arguments().size() == 1 -> {
          StringPredicate inner = predicate(c.arguments().get(0), column);
          yield inner == null ? null : inner.negate();
        }
        default -> null;
      };
    } catch (ExecutionException x) {
      return null; // a needle that does not evaluate or a regex that does not compile: the executor reports it
    }
  }

  private StringPredicate binary(BoundExpr.Binary b, String column) {
    if (!isColumn(b.left(), column) || !StringOps.isStringPredicate(b.op())) return null;
    StringPredicate p = eval.constantPredicate(b);
    if (p == null) return null;
    return StringOps.isNegated(b.op()) ? p.negate() : p;
  }

  private StringPredicate list(BoundExpr.InList i, String column) {
    if (!isColumn(i.value(), column) || i.subquery() != null) return null;
    List<Object> items = new ArrayList<>();
    for (BoundExpr item : i.items()) {
      if (!Constness.isConstant(item)) return null;
      InLists.flatten(eval.constant(item), items);
    }
    List<String> needles = new ArrayList<>(items.size());
    for (Object o : items) needles.add(Coerce.toStringValue(o, ScalarType.UNKNOWN));
    // The same matchers, with the same case rules, as InLists applies to string columns.
    return switch (i.op()) {
      case IN -> StringSetMatcher.in(needles, true);
      case NOT_IN -> StringSetMatcher.in(needles, true).negate();
      case IN_CI -> StringSetMatcher.in(needles, false);
      case NOT_IN_CI -> StringSetMatcher.in(needles, false).negate();
      case HAS_ANY -> StringSetMatcher.hasAny(needles, false);
      case HAS_ALL -> StringSetMatcher.hasAll(needles, false);
    };
  }

  private static boolean isColumn(BoundExpr e, String column) {
    return e instanceof BoundExpr.ColumnRef c && c.type() == ScalarType.STRING && c.column().name().equals(column);
  }
}
