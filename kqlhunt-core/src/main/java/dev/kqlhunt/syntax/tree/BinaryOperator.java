package dev.kqlhunt.syntax.tree;

/**
 * Binary scalar operators with the text that spells them. {@link #level()} is the precedence tier the
 * parser uses, loosest first, as the official parser has it: {@code or} &lt; {@code and} &lt; equality
 * ({@code ==}, {@code !=}, {@code <>}; also {@code in} and {@code between}, see {@link ListOperator}) &lt;
 * relational ({@code <} ...) &lt; string operators ({@code =~}, {@code has}, {@code contains},
 * {@code matches regex} ...) &lt; additive &lt; multiplicative. Equality, relational and string tiers do
 * not chain: {@code a == b == c} and {@code a has b has c} are syntax errors in Kusto.
 */
public enum BinaryOperator {
  OR("or", Level.OR),
  AND("and", Level.AND),
  EQUAL("==", Level.EQUALITY),
  NOT_EQUAL("!=", Level.EQUALITY),
  NOT_EQUAL_ALT("<>", Level.EQUALITY),
  LESS("<", Level.RELATIONAL),
  LESS_OR_EQUAL("<=", Level.RELATIONAL),
  GREATER(">", Level.RELATIONAL),
  GREATER_OR_EQUAL(">=", Level.RELATIONAL),
  EQUAL_CI("=~", Level.STRING),
  NOT_EQUAL_CI("!~", Level.STRING),
  HAS("has", Level.STRING),
  NOT_HAS("!has", Level.STRING),
  HAS_CS("has_cs", Level.STRING),
  NOT_HAS_CS("!has_cs", Level.STRING),
  HASPREFIX("hasprefix", Level.STRING),
  NOT_HASPREFIX("!hasprefix", Level.STRING),
  HASPREFIX_CS("hasprefix_cs", Level.STRING),
  NOT_HASPREFIX_CS("!hasprefix_cs", Level.STRING),
  HASSUFFIX("hassuffix", Level.STRING),
  NOT_HASSUFFIX("!hassuffix", Level.STRING),
  HASSUFFIX_CS("hassuffix_cs", Level.STRING),
  NOT_HASSUFFIX_CS("!hassuffix_cs", Level.STRING),
  CONTAINS("contains", Level.STRING),
  NOT_CONTAINS("!contains", Level.STRING),
  CONTAINS_CS("contains_cs", Level.STRING),
  NOT_CONTAINS_CS("!contains_cs", Level.STRING),
  STARTSWITH("startswith", Level.STRING),
  NOT_STARTSWITH("!startswith", Level.STRING),
  STARTSWITH_CS("startswith_cs", Level.STRING),
  NOT_STARTSWITH_CS("!startswith_cs", Level.STRING),
  ENDSWITH("endswith", Level.STRING),
  NOT_ENDSWITH("!endswith", Level.STRING),
  ENDSWITH_CS("endswith_cs", Level.STRING),
  NOT_ENDSWITH_CS("!endswith_cs", Level.STRING),
  MATCHES_REGEX("matches regex", Level.STRING),
  LIKE("like", Level.STRING),
  NOT_LIKE("notlike", Level.STRING),
  LIKE_CS("likecs", Level.STRING),
  NOT_LIKE_CS("notlikecs", Level.STRING),
  ADD("+", Level.ADDITIVE),
  SUBTRACT("-", Level.ADDITIVE),
  MULTIPLY("*", Level.MULTIPLICATIVE),
  DIVIDE("/", Level.MULTIPLICATIVE),
  MODULO("%", Level.MULTIPLICATIVE);

  /** Precedence tiers, loosest first. */
  public enum Level { OR, AND, EQUALITY, RELATIONAL, STRING, ADDITIVE, MULTIPLICATIVE }

  private final String text;
  private final Level level;

  BinaryOperator(String text, Level level) {
    this.text = text;
    this.level = level;
  }

  public String text() {
    return text;
  }

  public Level level() {
    return level;
  }
}
