package dev.kqlhunt.value;

/**
 * Kusto's three-valued booleans as bytes ({@link #FALSE}, {@link #TRUE}, {@link #NULL}), with the
 * null rules of scalar-data-types/null-values.md:
 *
 * <ul>
 *   <li>{@code and}: false if either side is false, else null if either is null, else true.
 *   <li>{@code or}: true if either side is true, else null if either is null, else false.
 *   <li>{@code not(null)} is null.
 *   <li>{@code ==}: null if both sides are null, false if exactly one is; {@code !=}: null if both
 *       are null, true if exactly one is ({@link #equality}).
 *   <li>Every other comparison ({@code <}, {@code >}, ...) with a null side is null ({@link
 *       #ordered}).
 *   <li>{@code where} keeps a row only when its predicate is {@link #TRUE}.
 * </ul>
 *
 * A byte per value lets a kernel combine bool vectors without branches. Pure functions.
 */
public final class KustoBool {
  private KustoBool() {}

  public static final byte FALSE = 0;
  public static final byte TRUE = 1;
  public static final byte NULL = 2;

  public static byte of(boolean b) {
    return b ? TRUE : FALSE;
  }

  public static byte and(byte a, byte b) {
    if (a == FALSE || b == FALSE) return FALSE;
    return (a == NULL || b == NULL) ? NULL : TRUE;
  }

  public static byte or(byte a, byte b) {
    if (a == TRUE || b == TRUE) return TRUE;
    return (a == NULL || b == NULL) ? NULL : FALSE;
  }

  public static byte not(byte a) {
    return a == NULL ? NULL : (byte) (1 - a);
  }

  /**
   * {@code ==} ({@code negated=false}) or {@code !=} given which sides are null and, when neither is,
   * whether the values are equal.
   */
  public static byte equality(boolean leftNull, boolean rightNull, boolean equal, boolean negated) {
    if (leftNull && rightNull) return NULL;
    if (leftNull || rightNull) return of(negated);
    return of(equal != negated);
  }

  /** An ordering comparison: null if either side is null, else {@code result}. */
  public static byte ordered(boolean leftNull, boolean rightNull, boolean result) {
    return (leftNull || rightNull) ? NULL : of(result);
  }

  /** Whether {@code where} keeps the row. */
  public static boolean keeps(byte b) {
    return b == TRUE;
  }

  /** {@code true}, {@code false} or the empty string for null, as Kusto prints bools. */
  public static String format(byte b) {
    return switch (b) {
      case TRUE -> "true";
      case FALSE -> "false";
      default -> "";
    };
  }
}
