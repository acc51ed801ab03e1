package dev.kqlhunt.syntax.tree;

/**
 * The kind of a scalar literal, and the Java type of its decoded {@link Expression.Literal#value()}:
 * BOOL Boolean, INT Integer, LONG Long, REAL Double, DECIMAL BigDecimal, STRING String, DATETIME Long
 * (ticks of 100 ns since 0001-01-01, or null when the text is not one of the recognised formats —
 * the binder reports it), TIMESPAN Long (ticks), GUID java.util.UUID. A typed null
 * ({@code int(null)}) has a null value. NULL is the untyped {@code null} keyword.
 */
public enum LiteralKind {
  BOOL,
  INT,
  LONG,
  REAL,
  DECIMAL,
  STRING,
  DATETIME,
  TIMESPAN,
  GUID,
  NULL
}
