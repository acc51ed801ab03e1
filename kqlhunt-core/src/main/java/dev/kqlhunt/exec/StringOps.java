package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundExpr.BinaryOp;
import dev.kqlhunt.value.KustoRegex;
import dev.kqlhunt.value.StringMatcher;
import dev.kqlhunt.value.StringPredicate;
import dev.kqlhunt.value.TermMatcher;

/**
 * Maps Kusto's string operators to the prepared predicates of {@code dev.kqlhunt.value} ({@link
 * TermMatcher} for the {@code has} family, {@link StringMatcher} for equality and substrings, {@link
 * KustoRegex} for {@code matches regex}). A negated operator ({@code !has}) uses its positive
 * predicate and flips the verdict, so each predicate exists once.
 */
final class StringOps {
  private StringOps() {}

  static boolean isStringPredicate(BinaryOp op) {
    return switch (op) {
      case ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL, AND, OR -> false;
      default -> true;
    };
  }

  static boolean isNegated(BinaryOp op) {
    return switch (op) {
      case NOT_EQUAL, NOT_EQUAL_CI, NOT_HAS, NOT_HAS_CS, NOT_HASPREFIX, NOT_HASPREFIX_CS, NOT_HASSUFFIX,
          NOT_HASSUFFIX_CS, NOT_CONTAINS, NOT_CONTAINS_CS, NOT_STARTSWITH, NOT_STARTSWITH_CS, NOT_ENDSWITH,
          NOT_ENDSWITH_CS, NOT_LIKE, NOT_LIKE_CS -> true;
      default -> false;
    };
  }

  /**
   * The positive predicate of {@code op} with {@code needle}, or null when the operator has none (a
   * regex that does not compile is null too: the row-wise path reports it).
   */
  static StringPredicate predicate(BinaryOp op, String needle) {
    return switch (op) {
      case EQUAL, NOT_EQUAL -> StringMatcher.equalTo(needle, true);
      case EQUAL_CI, NOT_EQUAL_CI -> StringMatcher.equalTo(needle, false);
      case HAS, NOT_HAS -> TermMatcher.has(needle, false);
      case HAS_CS, NOT_HAS_CS -> TermMatcher.has(needle, true);
      case HASPREFIX, NOT_HASPREFIX -> TermMatcher.hasPrefix(needle, false);
      case HASPREFIX_CS, NOT_HASPREFIX_CS -> TermMatcher.hasPrefix(needle, true);
      case HASSUFFIX, NOT_HASSUFFIX -> TermMatcher.hasSuffix(needle, false);
      case HASSUFFIX_CS, NOT_HASSUFFIX_CS -> TermMatcher.hasSuffix(needle, true);
      case CONTAINS, NOT_CONTAINS, LIKE, NOT_LIKE -> StringMatcher.contains(needle, false);
      case CONTAINS_CS, NOT_CONTAINS_CS, LIKE_CS, NOT_LIKE_CS -> StringMatcher.contains(needle, true);
      case STARTSWITH, NOT_STARTSWITH -> StringMatcher.startsWith(needle, false);
      case STARTSWITH_CS, NOT_STARTSWITH_CS -> StringMatcher.startsWith(needle, true);
      case ENDSWITH, NOT_ENDSWITH -> StringMatcher.endsWith(needle, false);
      case ENDSWITH_CS, NOT_ENDSWITH_CS -> StringMatcher.endsWith(needle, true);
      case MATCHES_REGEX -> {
        KustoRegex.Compiled c = KustoRegex.compile(needle);
        if (!c.ok()) throw new ExecutionException(ExecError.BAD_ARGUMENT, "matches regex", c.error());
        yield c.asPredicate();
      }
      default -> null;
    };
  }
}
