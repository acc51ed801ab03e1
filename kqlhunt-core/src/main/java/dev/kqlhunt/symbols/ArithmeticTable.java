package dev.kqlhunt.symbols;

import static dev.kqlhunt.symbols.ScalarType.DATETIME;
import static dev.kqlhunt.symbols.ScalarType.REAL;
import static dev.kqlhunt.symbols.ScalarType.TIMESPAN;

import java.util.EnumMap;
import java.util.Map;

/**
 * The datetime/timespan rows of KQL arithmetic: {@code (operator, left, right) -> result}. A numeric
 * operand is written as {@code LONG} in the table and matches any number. Numbers with numbers and the
 * dynamic cases are handled in {@link OperatorTyping}.
 */
final class ArithmeticTable {
  private static final ScalarType NUM = ScalarType.LONG;
  private static final Map<BinaryOperator, Map<ScalarType, Map<ScalarType, ScalarType>>> TABLE =
      new EnumMap<>(BinaryOperator.class);

  static {
    // The official parser types datetime + datetime as datetime (its signature allows either operand
    // to be datetime or timespan); we follow it so result schemas agree.
    row(BinaryOperator.ADD, DATETIME, DATETIME, DATETIME);
    row(BinaryOperator.ADD, DATETIME, TIMESPAN, DATETIME);
    row(BinaryOperator.ADD, TIMESPAN, DATETIME, DATETIME);
    row(BinaryOperator.ADD, TIMESPAN, TIMESPAN, TIMESPAN);
    row(BinaryOperator.SUBTRACT, DATETIME, DATETIME, TIMESPAN);
    row(BinaryOperator.SUBTRACT, DATETIME, TIMESPAN, DATETIME);
    row(BinaryOperator.SUBTRACT, TIMESPAN, DATETIME, DATETIME);
    row(BinaryOperator.SUBTRACT, TIMESPAN, TIMESPAN, TIMESPAN);
    row(BinaryOperator.MULTIPLY, TIMESPAN, TIMESPAN, TIMESPAN);
    row(BinaryOperator.MULTIPLY, TIMESPAN, NUM, TIMESPAN);
    row(BinaryOperator.MULTIPLY, NUM, TIMESPAN, TIMESPAN);
    row(BinaryOperator.MULTIPLY, DATETIME, NUM, DATETIME);
    row(BinaryOperator.MULTIPLY, NUM, DATETIME, DATETIME);
    row(BinaryOperator.DIVIDE, TIMESPAN, TIMESPAN, REAL);
    row(BinaryOperator.DIVIDE, TIMESPAN, NUM, TIMESPAN);
    row(BinaryOperator.DIVIDE, DATETIME, DATETIME, REAL);
    row(BinaryOperator.DIVIDE, DATETIME, TIMESPAN, REAL);
    row(BinaryOperator.DIVIDE, DATETIME, NUM, DATETIME);
    row(BinaryOperator.MODULO, TIMESPAN, TIMESPAN, TIMESPAN);
    row(BinaryOperator.MODULO, TIMESPAN, NUM, TIMESPAN);
    row(BinaryOperator.MODULO, DATETIME, DATETIME, TIMESPAN);
    row(BinaryOperator.MODULO, DATETIME, TIMESPAN, TIMESPAN);
    row(BinaryOperator.MODULO, DATETIME, NUM, DATETIME);
  }

  private ArithmeticTable() {}

  private static void row(BinaryOperator op, ScalarType l, ScalarType r, ScalarType result) {
    TABLE.computeIfAbsent(op, k -> new EnumMap<>(ScalarType.class))
        .computeIfAbsent(l, k -> new EnumMap<>(ScalarType.class))
        .put(r, result);
  }

  /** The result for non-dynamic, not-both-numeric operands, or null. */
  static ScalarType lookup(BinaryOperator op, ScalarType l, ScalarType r) {
    Map<ScalarType, Map<ScalarType, ScalarType>> byLeft = TABLE.get(op);
    if (byLeft == null) {
      return null;
    }
    Map<ScalarType, ScalarType> byRight = byLeft.get(l.isNumeric() ? NUM : l);
    return byRight == null ? null : byRight.get(r.isNumeric() ? NUM : r);
  }
}
