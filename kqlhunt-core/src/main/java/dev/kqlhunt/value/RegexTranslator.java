package dev.kqlhunt.value;

/**
 * Rewrites a Kusto regex (regex.md) into the RE2/J dialect where the two differ, so that matching
 * keeps Kusto's meaning:
 *
 * <ul>
 *   <li>Perl classes are Unicode-aware in Kusto: {@code \d} is {@code \p{Nd}}, {@code \w} is letters,
 *       marks, decimal digits, connector punctuation and joiners, {@code \s} is {@code
 *       \p{White_Space}}; RE2/J's are ASCII-only. Outside brackets all six forms are expanded;
 *       inside brackets {@code \d \D \w \s} are expanded, while {@code \W} and {@code \S} stay
 *       ASCII (a negated union cannot be spliced into a class without set operations).
 *   <li>The escapes &#92;uXXXX, &#92;u{X}, &#92;UXXXXXXXX and &#92;U{X} become {@code \x{X}}.
 *   <li>The {@code u} flag (Unicode, on by default in Kusto) is dropped from flag groups.
 * </ul>
 *
 * Known remaining differences, reported as compile errors or approximations: {@code \b} is ASCII
 * in RE2/J; class set operations ({@code &&}, {@code --}, {@code ~~}), the {@code x} and {@code R}
 * flags and {@code \<}, {@code \>}, {@code \b{start}} are rejected by RE2/J.
 */
final class RegexTranslator {
  private RegexTranslator() {}

  private static final String WORD = "\\p{L}\\p{Nl}\\p{M}\\p{Nd}\\p{Pc}\\x{200C}\\x{200D}";
  private static final String SPACE =
      "\\t\\n\\x0B\\f\\r \\x{85}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}"
          + "\\x{205F}\\x{3000}";

  static String translate(String pattern) {
    StringBuilder out = new StringBuilder(pattern.length() + 16);
    int depth = 0;
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        i = escape(pattern, i + 1, depth > 0, out);
      } else if (c == '[' && depth > 0 && posixEnd(pattern, i) > 0) {
        int end = posixEnd(pattern, i);
        out.append(pattern, i, end);
        i = end;
      } else if (c == '[') {
        i = openClass(pattern, i, out);
        depth++;
      } else if (c == ']' && depth > 0) {
        depth--;
        out.append(c);
        i++;
      } else if (c == '(' && depth == 0 && pattern.startsWith("(?", i)) {
        i = flagGroup(pattern, i, out);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Translates the escape whose letter is at {@code i}; returns the index after it. */
  private static int escape(String p, int i, boolean inClass, StringBuilder out) {
    char e = p.charAt(i);
    switch (e) {
      case 'd' -> out.append("\\p{Nd}");
      case 'D' -> out.append("\\P{Nd}");
      case 'w' -> out.append(inClass ? WORD : "[" + WORD + "]");
      case 's' -> out.append(inClass ? SPACE : "[" + SPACE + "]");
      case 'W' -> out.append(inClass ? "\\W" : "[^" + WORD + "]");
      case 'S' -> out.append(inClass ? "\\S" : "[^" + SPACE + "]");
      case 'u', 'U' -> {
        return codePoint(p, i, e == 'u' ? 4 : 8, out);
      }
      default -> out.append('\\').append(e);
    }
    return i + 1;
  }

  /** The escapes &#92;u007F, &#92;u{7F}, &#92;U0000007F, &#92;U{7F} → {@code \x{7F}}. */
  private static int codePoint(String p, int i, int digits, StringBuilder out) {
    int start = i + 1;
    int end;
    int next;
    if (start < p.length() && p.charAt(start) == '{') {
      end = p.indexOf('}', start);
      if (end < 0) return passThrough(p, i, out);
      start++;
      next = end + 1;
    } else {
      end = start + digits;
      next = end;
    }
    if (end > p.length() || end == start) return passThrough(p, i, out);
    for (int k = start; k < end; k++) {
      if (Character.digit(p.charAt(k), 16) < 0) return passThrough(p, i, out);
    }
    out.append("\\x{").append(p, start, end).append('}');
    return next;
  }

  /** Leaves a malformed escape for RE2/J to report. */
  private static int passThrough(String p, int i, StringBuilder out) {
    out.append('\\').append(p.charAt(i));
    return i + 1;
  }

  /** The index after a POSIX class {@code [:alpha:]} starting at {@code i}, or -1. */
  private static int posixEnd(String p, int i) {
    if (!p.startsWith("[:", i)) return -1;
    int end = p.indexOf(":]", i + 2);
    return end < 0 ? -1 : end + 2;
  }

  /** Copies {@code [}, a leading {@code ^} and a leading literal {@code ]}. */
  private static int openClass(String p, int i, StringBuilder out) {
    out.append('[');
    int j = i + 1;
    if (j < p.length() && p.charAt(j) == '^') out.append(p.charAt(j++));
    if (j < p.length() && p.charAt(j) == ']') out.append(p.charAt(j++));
    return j;
  }

  /** {@code (?flags)} / {@code (?flags:} without the {@code u} flag; other groups copied. */
  private static int flagGroup(String p, int i, StringBuilder out) {
    int j = i + 2;
    while (j < p.length() && (Character.isLetter(p.charAt(j)) || p.charAt(j) == '-')) j++;
    if (j >= p.length() || (p.charAt(j) != ')' && p.charAt(j) != ':') || j == i + 2) {
      out.append("(?");
      return i + 2;
    }
    String flags = p.substring(i + 2, j).replace("u", "");
    if (flags.endsWith("-")) flags = flags.substring(0, flags.length() - 1);
    boolean close = p.charAt(j) == ')';
    if (flags.isEmpty()) {
      if (!close) out.append("(?:");
    } else {
      out.append("(?").append(flags).append(p.charAt(j));
    }
    return j + 1;
  }
}
