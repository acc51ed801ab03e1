package dev.kqlhunt.value;

import java.util.UUID;

/**
 * {@code toguid(string)} and guid text. Parsing ignores dashes anywhere and optional enclosing
 * braces, then needs exactly 32 hex digits: toguid-function.md accepts both {@code
 * 0123456789abcdef0123456789abcdef} and {@code 0123456789ab-cdef-0123-456789abcdef}. Anything else is
 * null (Java null here). Guids print lower-case in the 8-4-4-4-12 form. Thread-safe.
 */
public final class Guids {
  private Guids() {}

  public static UUID parse(String text) {
    if (text == null) return null;
    String t = text.strip();
    if (t.length() >= 2 && t.charAt(0) == '{' && t.charAt(t.length() - 1) == '}') {
      t = t.substring(1, t.length() - 1);
    }
    long hi = 0;
    long lo = 0;
    int n = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '-') continue;
      int d = Character.digit(c, 16);
      if (d < 0 || n == 32 || c > 'f') return null;
      if (n < 16) {
        hi = (hi << 4) | d;
      } else {
        lo = (lo << 4) | d;
      }
      n++;
    }
    return n == 32 ? new UUID(hi, lo) : null;
  }

  /** Lower-case 8-4-4-4-12 text; null prints as the empty string. */
  public static String format(UUID guid) {
    return guid == null ? "" : guid.toString();
  }
}
