package dev.kqlhunt.rmm;

import java.util.List;

/**
 * KQL text for generated rules: string literals and wildcard patterns turned into predicates. Every
 * value from the catalog passes through here, so a quote or backslash in a fact can never change the
 * shape of a query.
 */
public final class KqlText {
  private KqlText() {}

  /**
   * A regular string literal, {@code 'text'}, with {@code \} and {@code '} escaped by a backslash (the
   * escapes KQL defines for quoted strings).
   */
  public static String literal(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 2).append('\'');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\'' -> sb.append("\\'");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            throw new IllegalArgumentException("control character in KQL literal: " + text);
          }
          sb.append(c);
        }
      }
    }
    return sb.append('\'').toString();
  }

  /**
   * A verbatim string literal, {@code @'text'}: backslashes are literal (so Windows paths read as
   * written) and a single quote is doubled. Verbatim literals cannot hold line breaks.
   */
  public static String verbatim(String text) {
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("line break in a verbatim KQL literal: " + text);
    }
    return "@'" + text.replace("'", "''") + "'";
  }

  /** {@code ('a', 'b')} using {@link #literal}. */
  public static String literalList(List<String> values) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < values.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(literal(values.get(i)));
    }
    return sb.append(')').toString();
  }

  /** How a wildcard pattern is tested: the narrowest case-insensitive KQL operator that fits. */
  public enum GlobOp {
    EQUALS("=~"),
    STARTS_WITH("startswith"),
    ENDS_WITH("endswith"),
    CONTAINS("contains"),
    REGEX("matches regex");

    private final String kql;

    GlobOp(String kql) {
      this.kql = kql;
    }

    /** The KQL operator. */
    public String kql() {
      return kql;
    }
  }

  /**
   * A classified wildcard pattern.
   *
   * @param op the operator
   * @param text the operand: the pattern without its edge wildcards, or an RE2 pattern for REGEX
   */
  public record Glob(GlobOp op, String text) {}

  /**
   * Classifies a pattern where {@code *} matches any run of characters: {@code =~} without wildcard,
   * {@code startswith}/{@code endswith}/{@code contains} for one leading and/or trailing wildcard,
   * otherwise an anchored, case-insensitive RE2 pattern. With {@code prefixWhenPlain}, a pattern
   * without wildcard also matches everything below it (a registry key and its sub-keys).
   */
  public static Glob classify(String pattern, boolean prefixWhenPlain) {
    boolean lead = pattern.startsWith("*");
    boolean trail = pattern.endsWith("*");
    int from = lead ? 1 : 0;
    String core = pattern.substring(from, Math.max(from, pattern.length() - (trail ? 1 : 0)));
    if (core.isEmpty()) {
      throw new IllegalArgumentException("pattern matches everything: " + pattern);
    }
    if (core.indexOf('*') >= 0) {
      return new Glob(GlobOp.REGEX, regex(pattern));
    } else if (lead && trail) {
      return new Glob(GlobOp.CONTAINS, core);
    } else if (lead) {
      return new Glob(GlobOp.ENDS_WITH, core);
    } else if (trail || prefixWhenPlain) {
      return new Glob(GlobOp.STARTS_WITH, core);
    }
    return new Glob(GlobOp.EQUALS, core);
  }

  /** The KQL predicate testing {@code column} against a pattern; see {@link #classify}. */
  public static String globPredicate(String column, String pattern, boolean prefixWhenPlain) {
    Glob g = classify(pattern, prefixWhenPlain);
    return column + " " + g.op().kql() + " " + verbatim(g.text());
  }

  /** An anchored, case-insensitive RE2 pattern for a {@code *} wildcard pattern. */
  static String regex(String pattern) {
    StringBuilder sb = new StringBuilder("(?i)^");
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*') {
        sb.append(".*");
      } else if ("\\.[]{}()^$|?+".indexOf(c) >= 0) {
        sb.append('\\').append(c);
      } else {
        sb.append(c);
      }
    }
    return sb.append('$').toString();
  }
}
