package dev.kqlhunt.symbols;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * KQL's binary (and ternary {@code between}) operators, as spelled in queries. The parser maps its
 * tokens with {@link #fromText}; {@link OperatorTyping} types them.
 */
public enum BinaryOperator {
  ADD("+", Category.ARITHMETIC),
  SUBTRACT("-", Category.ARITHMETIC),
  MULTIPLY("*", Category.ARITHMETIC),
  DIVIDE("/", Category.ARITHMETIC),
  MODULO("%", Category.ARITHMETIC),
  LESS("<", Category.ORDERING),
  LESS_OR_EQUAL("<=", Category.ORDERING),
  GREATER(">", Category.ORDERING),
  GREATER_OR_EQUAL(">=", Category.ORDERING),
  EQUAL("==", Category.EQUALITY),
  NOT_EQUAL("!=", Category.EQUALITY),
  /** {@code <>} is an old spelling of {@code !=}. */
  NOT_EQUAL_OLD("<>", Category.EQUALITY),
  EQUAL_TILDE("=~", Category.STRING),
  NOT_EQUAL_TILDE("!~", Category.STRING),
  HAS("has", Category.STRING_TERM),
  NOT_HAS("!has", Category.STRING_TERM),
  HAS_CS("has_cs", Category.STRING_TERM),
  NOT_HAS_CS("!has_cs", Category.STRING_TERM),
  HASPREFIX("hasprefix", Category.STRING_TERM),
  NOT_HASPREFIX("!hasprefix", Category.STRING_TERM),
  HASPREFIX_CS("hasprefix_cs", Category.STRING_TERM),
  NOT_HASPREFIX_CS("!hasprefix_cs", Category.STRING_TERM),
  HASSUFFIX("hassuffix", Category.STRING_TERM),
  NOT_HASSUFFIX("!hassuffix", Category.STRING_TERM),
  HASSUFFIX_CS("hassuffix_cs", Category.STRING_TERM),
  NOT_HASSUFFIX_CS("!hassuffix_cs", Category.STRING_TERM),
  CONTAINS("contains", Category.STRING),
  NOT_CONTAINS("!contains", Category.STRING),
  CONTAINS_CS("contains_cs", Category.STRING),
  NOT_CONTAINS_CS("!contains_cs", Category.STRING),
  STARTSWITH("startswith", Category.STRING),
  NOT_STARTSWITH("!startswith", Category.STRING),
  STARTSWITH_CS("startswith_cs", Category.STRING),
  NOT_STARTSWITH_CS("!startswith_cs", Category.STRING),
  ENDSWITH("endswith", Category.STRING),
  NOT_ENDSWITH("!endswith", Category.STRING),
  ENDSWITH_CS("endswith_cs", Category.STRING),
  NOT_ENDSWITH_CS("!endswith_cs", Category.STRING),
  LIKE("like", Category.STRING),
  NOT_LIKE("notlike", Category.STRING),
  LIKE_CS("likecs", Category.STRING),
  NOT_LIKE_CS("notlikecs", Category.STRING),
  MATCHES_REGEX("matches regex", Category.STRING),
  AND("and", Category.LOGICAL),
  OR("or", Category.LOGICAL),
  IN("in", Category.IN),
  NOT_IN("!in", Category.IN),
  IN_CI("in~", Category.STRING_LIST),
  NOT_IN_CI("!in~", Category.STRING_LIST),
  HAS_ANY("has_any", Category.STRING_LIST),
  HAS_ALL("has_all", Category.STRING_LIST),
  BETWEEN("between", Category.BETWEEN),
  NOT_BETWEEN("!between", Category.BETWEEN);

  /** Operators that share one typing rule. */
  public enum Category {
    /** {@code + - * / %}: numeric promotion and datetime/timespan arithmetic. */
    ARITHMETIC,
    /** {@code < <= > >=}: numbers (and bool) together, datetime with datetime, timespan with timespan. */
    ORDERING,
    /** {@code == !=}: defined for every pair of scalar types. */
    EQUALITY,
    /** String predicates on two strings (or dynamic): {@code contains}, {@code =~}, ... */
    STRING,
    /** Term predicates whose right side must be a string: {@code has}, {@code hasprefix}, ... */
    STRING_TERM,
    /** {@code and}, {@code or} over bool (or dynamic). */
    LOGICAL,
    /** {@code in}, {@code !in}: any left type, any list. */
    IN,
    /** {@code in~}, {@code has_any}, {@code has_all}: a string (or dynamic) left side, any list. */
    STRING_LIST,
    /** {@code between (lo .. hi)}. */
    BETWEEN
  }

  private static final Map<String, BinaryOperator> BY_TEXT = new HashMap<>();

  static {
    for (BinaryOperator op : values()) {
      BY_TEXT.put(op.text, op);
    }
  }

  private final String text;
  private final Category category;

  BinaryOperator(String text, Category category) {
    this.text = text;
    this.category = category;
  }

  /** The operator as written in KQL: {@code +}, {@code !has_cs}, {@code matches regex}. */
  public String text() {
    return text;
  }

  public Category category() {
    return category;
  }

  /**
   * Looks up an operator by its KQL spelling; keyword operators are case-insensitive in lookups here
   * ({@code matches regex} with any inner spacing collapsed to one blank). Returns null if unknown.
   */
  public static BinaryOperator fromText(String text) {
    if (text == null) {
      return null;
    }
    BinaryOperator op = BY_TEXT.get(text);
    return op != null ? op : BY_TEXT.get(text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
  }
}
