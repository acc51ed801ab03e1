package dev.kqlhunt.syntax;

/**
 * Kinds of lexical tokens. Words — identifiers and keywords alike, including hyphenated operator
 * names ({@code mv-expand}) and negated operators ({@code !has}, {@code in~}) — are all {@link
 * #IDENTIFIER}: KQL lets many keywords be column names, so the parser decides from context.
 */
public enum TokenKind {
  IDENTIFIER,
  STRING,
  LONG,
  REAL,
  TIMESPAN,
  /** {@code datetime(...)}, {@code guid(...)}, {@code int(null)} ...: the value is the inner text. */
  TYPED_LITERAL,
  PIPE,
  SEMICOLON,
  COMMA,
  DOT,
  DOT_DOT,
  OPEN_PAREN,
  CLOSE_PAREN,
  OPEN_BRACKET,
  CLOSE_BRACKET,
  OPEN_BRACE,
  CLOSE_BRACE,
  COLON,
  EQUAL,
  EQUAL_EQUAL,
  BANG_EQUAL,
  LESS_GREATER,
  LESS,
  LESS_EQUAL,
  GREATER,
  GREATER_EQUAL,
  EQUAL_TILDE,
  BANG_TILDE,
  PLUS,
  MINUS,
  STAR,
  SLASH,
  PERCENT,
  FAT_ARROW,
  QUESTION,
  AT,
  /** A character that starts no token; the lexer reports it. */
  BAD,
  END_OF_TEXT
}
