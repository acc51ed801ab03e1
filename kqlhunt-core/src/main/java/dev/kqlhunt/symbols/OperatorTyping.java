package dev.kqlhunt.symbols;

import static dev.kqlhunt.symbols.ScalarType.BOOL;
import static dev.kqlhunt.symbols.ScalarType.DATETIME;
import static dev.kqlhunt.symbols.ScalarType.DECIMAL;
import static dev.kqlhunt.symbols.ScalarType.DYNAMIC;
import static dev.kqlhunt.symbols.ScalarType.INT;
import static dev.kqlhunt.symbols.ScalarType.LONG;
import static dev.kqlhunt.symbols.ScalarType.REAL;
import static dev.kqlhunt.symbols.ScalarType.STRING;
import static dev.kqlhunt.symbols.ScalarType.TIMESPAN;
import static dev.kqlhunt.symbols.ScalarType.UNKNOWN;

import java.util.List;

/**
 * Result types of KQL's operators and the implicit promotions between scalar types, as the official
 * parser computes them (verified cell by cell against it in {@code OperatorTypingTest}).
 *
 * <p>Facts worth knowing: integer arithmetic is at least {@code long} ({@code int + int} is long, but
 * unary minus keeps int); {@code datetime - datetime} is timespan; a number times a datetime is a
 * datetime; a {@code dynamic} operand takes the other operand's type; {@code <} is not defined on
 * strings; {@code ==} is defined for every pair. Every method returns null when the operator is not
 * defined for the operand types (the binder reports KQL2006); an {@link ScalarType#UNKNOWN} operand
 * never produces an error. Stateless and thread-safe.
 */
public final class OperatorTyping {
  private static final List<ScalarType> NUMERIC_ORDER = List.of(INT, LONG, REAL, DECIMAL);

  private OperatorTyping() {}

  /**
   * Whether a value of type {@code from} is implicitly accepted where {@code to} is expected:
   * {@code int} to {@code long}, {@code int}/{@code long} to {@code real}, any number to
   * {@code decimal}. A {@code dynamic} value is not accepted for a {@code string} parameter
   * ({@code extract("a", 1, dyn)} is an error); functions that take both say so in their signature.
   */
  public static boolean isPromotable(ScalarType from, ScalarType to) {
    if (from == to || from == UNKNOWN) {
      return true;
    }
    if (from.isNumeric() && to.isNumeric()) {
      return NUMERIC_ORDER.indexOf(from) < NUMERIC_ORDER.indexOf(to);
    }
    return false;
  }

  /** The wider of two numeric types ({@code int < long < real < decimal}); null if either is not numeric. */
  public static ScalarType widerNumber(ScalarType a, ScalarType b) {
    if (!a.isNumeric() || !b.isNumeric()) {
      return null;
    }
    return NUMERIC_ORDER.indexOf(a) >= NUMERIC_ORDER.indexOf(b) ? a : b;
  }

  /** The result of a binary operator, or null if it is not defined for these operand types. */
  public static ScalarType binary(BinaryOperator op, ScalarType left, ScalarType right) {
    return switch (op.category()) {
      case ARITHMETIC -> arithmetic(op, left, right);
      case ORDERING -> ordering(left, right) ? BOOL : null;
      case EQUALITY, IN -> BOOL;
      case STRING -> isStringLike(left) && isStringLike(right) ? BOOL : null;
      case STRING_TERM -> isStringLike(left) && (right == STRING || right == UNKNOWN) ? BOOL : null;
      case LOGICAL -> isBoolLike(left) && isBoolLike(right) ? BOOL : null;
      case STRING_LIST -> isStringLike(left) ? BOOL : null;
      case BETWEEN -> between(left, right, right);
    };
  }

  /**
   * The type of {@code value between (low .. high)} (and {@code !between}): bool, or null when the
   * bounds do not fit the value.
   */
  public static ScalarType between(ScalarType value, ScalarType low, ScalarType high) {
    if (value == UNKNOWN || low == UNKNOWN || high == UNKNOWN) {
      return BOOL;
    }
    if (value.isNumeric()) {
      return (low.isNumeric() || low == DYNAMIC) && (high.isNumeric() || high == DYNAMIC) ? BOOL : null;
    }
    if (value == DYNAMIC) {
      return low.isNumeric() && high.isNumeric() ? BOOL : null;
    }
    if (value == DATETIME) {
      return low == DATETIME && (high == DATETIME || high == TIMESPAN) ? BOOL : null;
    }
    if (value == TIMESPAN) {
      return low == TIMESPAN && high == TIMESPAN ? BOOL : null;
    }
    return null;
  }

  /**
   * The type of {@code left in (...)} and its relatives ({@code !in}, {@code in~}, {@code has_any},
   * {@code has_all}): bool, or null when the left operand does not fit (a number with {@code in~}). The
   * list elements are not checked: the official parser accepts any scalar there.
   */
  public static ScalarType inList(BinaryOperator op, ScalarType left) {
    return binary(op, left, DYNAMIC);
  }

  /** Unary {@code -} and {@code +}: numbers keep their type, datetime, timespan and dynamic too. */
  public static ScalarType unaryMinus(ScalarType operand) {
    return switch (operand) {
      case INT, LONG, REAL, DECIMAL, DATETIME, TIMESPAN, DYNAMIC, UNKNOWN -> operand;
      default -> null;
    };
  }

  /** {@code not(x)} and the like: bool (or dynamic) in, bool out. */
  public static ScalarType not(ScalarType operand) {
    return isBoolLike(operand) ? BOOL : null;
  }

  private static boolean isStringLike(ScalarType t) {
    return t == STRING || t == DYNAMIC || t == UNKNOWN;
  }

  private static boolean isBoolLike(ScalarType t) {
    return t == BOOL || t == DYNAMIC || t == UNKNOWN;
  }

  private static boolean ordering(ScalarType l, ScalarType r) {
    if (l == UNKNOWN || r == UNKNOWN) {
      return true;
    }
    boolean lNum = l.isNumeric() || l == BOOL;
    boolean rNum = r.isNumeric() || r == BOOL;
    if (lNum && rNum) {
      return true;
    }
    if (l == DYNAMIC) {
      return r.isNumeric() || r == DYNAMIC;
    }
    if (r == DYNAMIC) {
      return l.isNumeric();
    }
    return l == r && (l == DATETIME || l == TIMESPAN);
  }

  private static ScalarType arithmetic(BinaryOperator op, ScalarType l, ScalarType r) {
    if (l == UNKNOWN || r == UNKNOWN) {
      return UNKNOWN;
    }
    if (l.isNumeric() && r.isNumeric()) {
      return widerNumber(widerNumber(l, r), LONG);
    }
    if (l == DYNAMIC && r == DYNAMIC) {
      return DYNAMIC;
    }
    if (l == DYNAMIC || r == DYNAMIC) {
      return dynamicArithmetic(op, l == DYNAMIC ? r : l, l == DYNAMIC);
    }
    return ArithmeticTable.lookup(op, l, r);
  }

  /**
   * One operand is dynamic: it behaves like a number of the other operand's kind, with the datetime
   * and timespan cases from {@link ArithmeticTable}.
   */
  private static ScalarType dynamicArithmetic(BinaryOperator op, ScalarType other, boolean dynamicLeft) {
    if (other.isNumeric()) {
      return widerNumber(other, LONG);
    }
    if (other != DATETIME && other != TIMESPAN) {
      return null;
    }
    return switch (op) {
      case ADD -> other;
      case SUBTRACT -> other == DATETIME ? TIMESPAN : TIMESPAN;
      default -> null;
    };
  }
}
