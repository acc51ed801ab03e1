package dev.kqlhunt.symbols;

/** The syntactic form an argument must take, beyond its type. */
public enum ArgumentKind {
  /** Any expression of an accepted type. */
  EXPRESSION,
  /** An expression, or {@code *} meaning every column of the input (as in {@code arg_max(T, *)}). */
  STAR_ALLOWED,
  /** Only {@code *}. */
  STAR_ONLY,
  /** A column reference. */
  COLUMN,
  /** A constant: a literal or an expression of literals and scalar {@code let}s. */
  CONSTANT,
  /** A literal. */
  LITERAL,
  /** A non-empty string literal. */
  LITERAL_NOT_EMPTY
}
