package dev.kqlhunt.report;

/**
 * HTML escaping for text and quoted attribute values. Every value that comes from data, rules or
 * exclusion files goes through {@link #esc} before it reaches the page: the data is attacker-controlled
 * and a report is opened in a browser.
 */
final class Html {
  private Html() {}

  /** {@code s} escaped for element text and double- or single-quoted attributes; null becomes "". */
  static String esc(String s) {
    if (s == null) return "";
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '`' -> out.append("&#96;");
        default -> {
          // NUL and other C0 controls have no business in a page; keep tab and line breaks.
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') out.append("&#xfffd;");
          else out.append(c);
        }
      }
    }
    return out.toString();
  }

  /** A CSS class name fragment from a fixed vocabulary value (severity), never from data. */
  static String cssToken(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toLowerCase(java.util.Locale.ROOT).toCharArray()) if (c >= 'a' && c <= 'z') out.append(c);
    return out.toString();
  }
}
