package dev.kqlhunt.rules;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Durations as rule files write them: Sentinel's short form ({@code 30s}, {@code 5m}, {@code 1h},
 * {@code 14d}) or ISO 8601 as the ARM API writes them ({@code PT5H}, {@code P1D}).
 */
public final class Durations {
  private Durations() {}

  /** The duration, or null when {@code text} is neither form or is negative. */
  public static Duration parse(String text) {
    String t = text.trim();
    if (t.isEmpty()) return null;
    char first = Character.toUpperCase(t.charAt(0));
    if (first == 'P') {
      try {
        Duration d = Duration.parse(t.toUpperCase(Locale.ROOT));
        return d.isNegative() ? null : d;
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return parseShort(t);
  }

  /** One or more number+unit parts: {@code 5m}, {@code 1h10m} (seen in public rules), {@code 1d 12h}. */
  private static Duration parseShort(String t) {
    Duration total = Duration.ZERO;
    int i = 0;
    int parts = 0;
    while (i < t.length()) {
      if (t.charAt(i) == ' ') {
        i++;
        continue;
      }
      int start = i;
      while (i < t.length() && Character.isDigit(t.charAt(i)) && i - start < 9) i++;
      if (i == start || i >= t.length()) return null;
      long n = Long.parseLong(t.substring(start, i));
      Duration part = switch (Character.toLowerCase(t.charAt(i))) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        case 'd' -> Duration.ofDays(n);
        default -> null;
      };
      if (part == null) return null;
      total = total.plus(part);
      parts++;
      i++;
    }
    return parts == 0 ? null : total;
  }

  /** The short form of a duration, using the largest unit that divides it: 5h, 14d, 90m, 30s. */
  public static String format(Duration d) {
    long s = d.getSeconds();
    if (s != 0 && s % 86_400 == 0) return s / 86_400 + "d";
    if (s != 0 && s % 3_600 == 0) return s / 3_600 + "h";
    if (s != 0 && s % 60 == 0) return s / 60 + "m";
    return s + "s";
  }
}
