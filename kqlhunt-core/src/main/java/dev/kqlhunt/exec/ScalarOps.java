package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundExpr.BinaryOp;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.StringMatcher;
import dev.kqlhunt.value.Dynamic;
import dev.kqlhunt.value.KustoBool;
import dev.kqlhunt.value.Timespans;

/**
 * Arithmetic, comparison and equality on boxed values ({@link Cells}) with Kusto's null rules
 * (docs/SEMANTICS.md): arithmetic and ordering are null-sticky; {@code ==} is null when both sides
 * are null and false when one is; {@code !=} the reverse. The result type chosen by the binder decides
 * the arithmetic domain (long, real, ticks), which is how Kusto types {@code datetime - datetime} and
 * friends.
 */
final class ScalarOps {
  private ScalarOps() {}

  static Object arithmetic(BinaryOp op, Object a, Object b, ScalarType ta, ScalarType tb, ScalarType result) {
    if (a == null || b == null) return null;
    a = unwrap(a);
    b = unwrap(b);
    if (a == null || b == null) return null;
    ScalarType r = result == ScalarType.UNKNOWN || result == ScalarType.DYNAMIC
        ? ((a instanceof Double || b instanceof Double) ? ScalarType.REAL : ScalarType.LONG) : result;
    if (r == ScalarType.REAL || r == ScalarType.DECIMAL) return realOp(op, a, b, ta, tb);
    if (r == ScalarType.DATETIME || r == ScalarType.TIMESPAN) return ticksOp(op, a, b);
    long x = Coerce.toLong(a);
    long y = Coerce.toLong(b);
    if (x == Coerce.NULL_LONG || y == Coerce.NULL_LONG) return null;
    return switch (op) {
      case ADD -> x + y;
      case SUBTRACT -> x - y;
      case MULTIPLY -> x * y;
      case DIVIDE -> y == 0 ? null : x / y;
      case MODULO -> y == 0 ? null : x % y;
      default -> throw new IllegalArgumentException(op.name());
    };
  }

  private static Object realOp(BinaryOp op, Object a, Object b, ScalarType ta, ScalarType tb) {
    if (op == BinaryOp.DIVIDE && ta == ScalarType.TIMESPAN && tb == ScalarType.TIMESPAN) {
      return Timespans.divide((Long) a, (Long) b);
    }
    Double x = Coerce.toReal(a);
    Double y = Coerce.toReal(b);
    if (x == null || y == null) return null;
    return switch (op) {
      case ADD -> x + y;
      case SUBTRACT -> x - y;
      case MULTIPLY -> x * y;
      case DIVIDE -> x / y;
      case MODULO -> x % y;
      default -> throw new IllegalArgumentException(op.name());
    };
  }

  /** datetime ± timespan, datetime - datetime, timespan * number, timespan / number. */
  private static Object ticksOp(BinaryOp op, Object a, Object b) {
    if (a instanceof Double || b instanceof Double) {
      double x = Coerce.toReal(a);
      double y = Coerce.toReal(b);
      double z = switch (op) {
        case MULTIPLY -> x * y;
        case DIVIDE -> x / y;
        case ADD -> x + y;
        case SUBTRACT -> x - y;
        default -> x % y;
      };
      return Double.isNaN(z) || Double.isInfinite(z) ? null : Math.round(z);
    }
    long x = Coerce.toLong(a);
    long y = Coerce.toLong(b);
    return switch (op) {
      case ADD -> x + y;
      case SUBTRACT -> x - y;
      case MULTIPLY -> x * y;
      case DIVIDE -> y == 0 ? null : x / y;
      case MODULO -> y == 0 ? null : x % y;
      default -> throw new IllegalArgumentException(op.name());
    };
  }

  /** {@code ==}, {@code !=}, {@code =~}, {@code !~} as a KustoBool byte. */
  static byte equality(BinaryOp op, Object a, Object b) {
    boolean negated = op == BinaryOp.NOT_EQUAL || op == BinaryOp.NOT_EQUAL_CI;
    boolean ci = op == BinaryOp.EQUAL_CI || op == BinaryOp.NOT_EQUAL_CI;
    a = unwrap(a);
    b = unwrap(b);
    boolean equal = a != null && b != null && valuesEqual(a, b, ci);
    return KustoBool.equality(a == null, b == null, equal, negated);
  }

  /** Equality of two non-null boxed values: numbers by value, strings exactly or folded. */
  static boolean valuesEqual(Object a, Object b, boolean ci) {
    if (a instanceof String s && b instanceof String t) return ci ? equalsIgnoreCase(s, t) : s.equals(t);
    if (a instanceof Double || b instanceof Double) {
      Double x = Coerce.toReal(a);
      Double y = Coerce.toReal(b);
      return x != null && y != null && x.doubleValue() == y.doubleValue();
    }
    if (a instanceof Long x && b instanceof Long y) return x.longValue() == y.longValue();
    if (a instanceof Boolean || b instanceof Boolean) return Coerce.toBool(a) == Coerce.toBool(b);
    if (a instanceof String || b instanceof String) {
      String s = Coerce.toStringValue(a, ScalarType.UNKNOWN);
      String t = Coerce.toStringValue(b, ScalarType.UNKNOWN);
      return ci ? equalsIgnoreCase(s, t) : s.equals(t);
    }
    return a.equals(b);
  }

  /** {@code <}, {@code <=}, {@code >}, {@code >=} as a KustoBool byte. */
  static byte ordering(BinaryOp op, Object a, Object b) {
    a = unwrap(a);
    b = unwrap(b);
    if (a == null || b == null) return KustoBool.NULL;
    int c = compare(a, b);
    boolean r = switch (op) {
      case LESS -> c < 0;
      case LESS_OR_EQUAL -> c <= 0;
      case GREATER -> c > 0;
      default -> c >= 0;
    };
    return KustoBool.of(r);
  }

  /** Total order of non-null boxed values of comparable kinds (numbers by value, strings ordinal). */
  static int compare(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) return Long.compare(x, y);
    if (a instanceof String s && b instanceof String t) return s.compareTo(t);
    if ((a instanceof Long || a instanceof Double) && (b instanceof Long || b instanceof Double)) {
      return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
    }
    if (a instanceof Boolean x && b instanceof Boolean y) return Boolean.compare(x, y);
    return Coerce.toStringValue(a, ScalarType.UNKNOWN).compareTo(Coerce.toStringValue(b, ScalarType.UNKNOWN));
  }

  /** Null-aware comparison for sorting and min/max: nulls sort before everything. */
  static int compareNullsFirst(Object a, Object b) {
    if (a == null) return b == null ? 0 : -1;
    if (b == null) return 1;
    return compare(unwrapOrSelf(a), unwrapOrSelf(b));
  }

  /** A dynamic scalar as its plain value, so {@code d.x == 5} compares numbers; arrays and bags stay. */
  static Object unwrap(Object v) {
    if (!(v instanceof Dynamic d)) return v;
    return switch (d) {
      case Dynamic.DynNull n -> null;
      case Dynamic.DynLong l -> l.value();
      case Dynamic.DynReal r -> r.value();
      case Dynamic.DynBool b -> b.value();
      case Dynamic.DynString s -> s.value();
      case Dynamic.DynDateTime t -> t.ticks();
      case Dynamic.DynTimespan t -> t.ticks();
      case Dynamic.DynGuid g -> g.value().toString();
      default -> d;
    };
  }

  private static Object unwrapOrSelf(Object v) {
    Object u = unwrap(v);
    return u == null ? "" : u;
  }

  /** Kusto's {@code =~}: simple case folding, as the value package does it. */
  static boolean equalsIgnoreCase(String s, String t) {
    return s.length() == t.length() && StringMatcher.equalTo(t, false).test(s);
  }

  static Object negate(Object v, ScalarType type) {
    v = unwrap(v);
    return switch (v) {
      case null -> null;
      case Long l -> -l;
      case Double d -> -d;
      default -> null;
    };
  }

  static boolean isNumericType(ScalarType t) {
    return t.isNumeric();
  }
}
