package dev.kqlhunt.rmm;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Syntax of catalog domains: an exact host name ({@code boot.net.anydesk.com}) or a suffix pattern
 * ({@code *.anydesk.com}, which matches sub-domains of {@code anydesk.com}). Host names follow RFC 1123
 * labels (letters, digits, inner hyphens, 1–63 characters) with at least two labels and an alphabetic
 * top-level label, so IP addresses, bare words and regular expressions are rejected.
 */
public final class DomainPattern {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern TOP_LABEL = Pattern.compile("[a-z][a-z0-9-]*[a-z0-9]");

  private DomainPattern() {}

  /** True when {@code text} is a valid lower-case exact host name or suffix pattern. */
  public static boolean isValid(String text) {
    if (text == null || text.isEmpty() || !text.equals(text.toLowerCase(Locale.ROOT))) {
      return false;
    }
    String host = isSuffix(text) ? text.substring(2) : text;
    if (host.length() > 253) {
      return false;
    }
    String[] labels = host.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return TOP_LABEL.matcher(labels[labels.length - 1]).matches();
  }

  /** True when {@code text} is a suffix pattern ({@code *.} followed by a host name). */
  public static boolean isSuffix(String text) {
    return text.startsWith("*.");
  }

  /** The host name a pattern is anchored on: the text after {@code *.}, or the exact host itself. */
  public static String baseHost(String text) {
    return isSuffix(text) ? text.substring(2) : text;
  }

  /**
   * True when {@code host} (a host name, any case) matches {@code pattern}: equal to an exact pattern,
   * or a strict sub-domain of a suffix pattern's base.
   */
  public static boolean matches(String pattern, String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (!isSuffix(pattern)) {
      return h.equals(pattern);
    }
    String base = baseHost(pattern);
    return h.length() > base.length() + 1 && h.endsWith("." + base);
  }
}
