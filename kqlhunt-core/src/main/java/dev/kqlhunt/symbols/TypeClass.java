package dev.kqlhunt.symbols;

/**
 * The set of argument types a parameter accepts. {@link #DECLARED} parameters list their types
 * explicitly (see {@link Parameter#types()}); the others are classes of types. The {@code COMMON_*}
 * classes additionally require all parameters of the signature marked common to agree on one type
 * after promotion (the branches of {@code iff}, the arguments of {@code coalesce}); the
 * {@code SAME_AS_*} classes require the type of an earlier argument.
 *
 * <p>{@link ScalarType#UNKNOWN} is accepted by every scalar class, so an error already reported for the
 * argument does not cascade.
 */
public enum TypeClass {
  /** Any argument, scalar or tabular. */
  ANY,
  /** The types in {@link Parameter#types()}, allowing Kusto's promotions (int to long to real ...). */
  DECLARED,
  /** Any scalar type. */
  SCALAR,
  /** A tabular expression (checked by the binder, not by {@link #accepts}). */
  TABULAR,
  /** A type literal {@code typeof(long)}; see {@link Argument#typeLiteral()}. */
  TYPE_LITERAL,
  INTEGER,
  REAL_OR_DECIMAL,
  STRING_OR_DYNAMIC,
  STRING_OR_ARRAY,
  INTEGER_OR_ARRAY,
  DYNAMIC_ARRAY,
  DYNAMIC_BAG,
  NUMBER,
  NUMBER_OR_BOOL,
  /** Numbers, datetime and timespan. */
  SUMMABLE,
  /** Numbers, datetime, timespan, string and bool. */
  ORDERABLE,
  NOT_REAL_OR_BOOL,
  NOT_DYNAMIC,
  NOT_BOOL,
  SAME_AS_0,
  SAME_AS_1,
  SAME_AS_2,
  COMMON_SCALAR,
  COMMON_NUMBER,
  COMMON_SUMMABLE,
  COMMON_ORDERABLE,
  COMMON_SCALAR_OR_DYNAMIC;

  /**
   * Whether an argument of type {@code t} fits this class on its own (ignoring the agreement required by
   * {@code COMMON_*} and {@code SAME_AS_*}, which {@link FunctionCatalog} checks across arguments).
   * {@link #DECLARED} answers false: check {@link Parameter#accepts} instead.
   */
  public boolean accepts(ScalarType t) {
    if (t == ScalarType.UNKNOWN) {
      return this != TABULAR && this != TYPE_LITERAL;
    }
    return switch (this) {
      case ANY, SCALAR, SAME_AS_0, SAME_AS_1, SAME_AS_2, COMMON_SCALAR, COMMON_SCALAR_OR_DYNAMIC -> true;
      case DECLARED, TABULAR, TYPE_LITERAL -> false;
      case INTEGER -> t.isIntegral();
      case REAL_OR_DECIMAL -> t == ScalarType.REAL || t == ScalarType.DECIMAL;
      case STRING_OR_DYNAMIC, STRING_OR_ARRAY -> t == ScalarType.STRING || t == ScalarType.DYNAMIC;
      case INTEGER_OR_ARRAY -> t.isIntegral() || t == ScalarType.DYNAMIC;
      case DYNAMIC_ARRAY, DYNAMIC_BAG -> t == ScalarType.DYNAMIC;
      case NUMBER, COMMON_NUMBER -> t.isNumeric();
      case NUMBER_OR_BOOL -> t.isNumeric() || t == ScalarType.BOOL;
      case SUMMABLE, COMMON_SUMMABLE -> isSummable(t);
      case ORDERABLE, COMMON_ORDERABLE -> isOrderable(t);
      case NOT_REAL_OR_BOOL -> t != ScalarType.REAL && t != ScalarType.BOOL;
      case NOT_DYNAMIC -> t != ScalarType.DYNAMIC;
      case NOT_BOOL -> t != ScalarType.BOOL;
    };
  }

  /** Whether parameters of this class must agree on one common type across the signature. */
  public boolean isCommon() {
    return switch (this) {
      case COMMON_SCALAR, COMMON_NUMBER, COMMON_SUMMABLE, COMMON_ORDERABLE, COMMON_SCALAR_OR_DYNAMIC -> true;
      default -> false;
    };
  }

  /** The argument index whose type this class copies, or -1. */
  public int sameAsIndex() {
    return switch (this) {
      case SAME_AS_0 -> 0;
      case SAME_AS_1 -> 1;
      case SAME_AS_2 -> 2;
      default -> -1;
    };
  }

  static boolean isSummable(ScalarType t) {
    return t.isNumeric() || t == ScalarType.DATETIME || t == ScalarType.TIMESPAN;
  }

  static boolean isOrderable(ScalarType t) {
    return isSummable(t) || t == ScalarType.STRING || t == ScalarType.BOOL;
  }
}
