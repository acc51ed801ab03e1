package dev.kqlhunt.value;

import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: finds the bodies of {@code dynamic(...)} (or other {@code name(...)}) literals in KQL text by balancing
 * parentheses outside string literals and comments. Good enough for a corpus test; the real
 * parser owns literal syntax.
 */
final class KqlLiteralExtractor {
  private KqlLiteralExtractor() {}

  static List<String> bodies(String query) {
    return bodies(query, "dynamic");
  }

  /** Bodies of {@code keyword(...)} calls; the keyword must not follow a letter, digit or '_'. */
  static List<String> bodies(String query, String keyword) {
    List<String> out = new ArrayList<>();
    int from = 0;
    while (true) {
      int at = indexOfKeyword(query, keyword, from);
      if (at < 0) return out;
      int open = at + keyword.length();
      while (open < query.length() && Character.isWhitespace(query.charAt(open))) open++;
      if (open >= query.length() || query.charAt(open) != '(') {
        from = at + 1;
        continue;
      }
      int close = matching(query, open);
      if (close < 0) return out;
      out.add(query.substring(open + 1, close));
      from = close + 1;
    }
  }

  private static int indexOfKeyword(String q, String keyword, int from) {
    int i = q.indexOf(keyword, from);
    while (i >= 0) {
      boolean startOk = i == 0 || !Character.isLetterOrDigit(q.charAt(i - 1)) && q.charAt(i - 1) != '_';
      if (startOk) return i;
      i = q.indexOf(keyword, i + 1);
    }
    return -1;
  }

  /** Index of the ')' closing the '(' at {@code open}, skipping strings and // comments. */
  private static int matching(String q, int open) {
    int depth = 0;
    for (int i = open; i < q.length(); i++) {
      char c = q.charAt(i);
      if (c == '/' && i + 1 < q.length() && q.charAt(i + 1) == '/') {
        while (i < q.length() && q.charAt(i) != '\n') i++;
      } else if (c == '"' || c == '\'') {
        boolean verbatim = i > 0 && q.charAt(i - 1) == '@';
        i++;
        while (i < q.length() && q.charAt(i) != c) {
          if (q.charAt(i) == '\\' && !verbatim) i++;
          i++;
        }
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The value of the KQL string literal starting at the first non-blank char at or after {@code
   * from} ({@code "..."}, {@code '...'} with backslash escapes, or verbatim {@code @"..."}), or null
   * if there is none (the pattern is an expression).
   */
  static String stringLiteralAt(String q, int from) {
    int i = from;
    while (i < q.length() && Character.isWhitespace(q.charAt(i))) i++;
    boolean verbatim = i < q.length() && q.charAt(i) == '@';
    if (verbatim) i++;
    if (i >= q.length() || (q.charAt(i) != '"' && q.charAt(i) != '\'')) return null;
    char quote = q.charAt(i++);
    StringBuilder sb = new StringBuilder();
    while (i < q.length()) {
      char c = q.charAt(i++);
      if (c == quote) {
        if (verbatim && i < q.length() && q.charAt(i) == quote) {
          sb.append(quote);
          i++;
          continue;
        }
        return sb.toString();
      }
      if (c == '\\' && !verbatim && i < q.length()) {
        char e = q.charAt(i++);
        sb.append(switch (e) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> e;
        });
      } else {
        sb.append(c);
      }
    }
    return null;
  }
}
