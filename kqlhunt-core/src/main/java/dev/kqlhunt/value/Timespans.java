package dev.kqlhunt.value;

import static dev.kqlhunt.value.DateTimes.TICKS_PER_DAY;
import static dev.kqlhunt.value.DateTimes.TICKS_PER_HOUR;
import static dev.kqlhunt.value.DateTimes.TICKS_PER_MILLISECOND;
import static dev.kqlhunt.value.DateTimes.TICKS_PER_MINUTE;
import static dev.kqlhunt.value.DateTimes.TICKS_PER_SECOND;

import java.util.Locale;

/**
 * Kusto {@code timespan} values as signed {@code long} ticks (100 ns), like {@link DateTimes}.
 * Scalar helpers use {@link #NULL} (Long.MIN_VALUE) for null. Thread-safe.
 *
 * <p>Text form ({@link #format}): {@code [-][d.]hh:mm:ss[.fffffff]} — the day part only when
 * non-zero, seven fraction digits only when the fraction is non-zero ({@code 1.12:30:55.1230000},
 * {@code 00:03:00}, {@code -12:00:00}). {@link #parse} accepts that form and the literal forms of
 * scalar-data-types/timespan.md ({@code 2d}, {@code 1.5h}, {@code 30m}, {@code 100ms}, {@code
 * 10microsecond}, {@code 1tick}, {@code 15 seconds}, and a bare number meaning days).
 */
public final class Timespans {
  private Timespans() {}

  public static final long NULL = Long.MIN_VALUE;

  /** The ticks of one unit of a literal suffix ({@code d}, {@code min}, {@code ms}, ...), or 0. */
  public static long unitTicks(String unit) {
    return switch (unit.toLowerCase(Locale.ROOT)) {
      case "d", "day", "days" -> TICKS_PER_DAY;
      case "h", "hr", "hrs", "hour", "hours" -> TICKS_PER_HOUR;
      case "m", "min", "minute", "minutes" -> TICKS_PER_MINUTE;
      case "s", "sec", "second", "seconds" -> TICKS_PER_SECOND;
      case "ms", "milli", "millis", "millisecond", "milliseconds" -> TICKS_PER_MILLISECOND;
      case "microsecond", "microseconds" -> 10;
      case "tick", "ticks" -> 1;
      default -> 0;
    };
  }

  /** {@code amount} units, rounded to the nearest tick; {@link #NULL} on overflow. */
  public static long of(double amount, long unitTicks) {
    double ticks = Math.rint(amount * unitTicks);
    return (ticks >= Long.MAX_VALUE || ticks <= Long.MIN_VALUE || Double.isNaN(ticks))
        ? NULL
        : (long) ticks;
  }

  /** {@code totimespan(text)} / {@code timespan(text)}; {@link #NULL} for bad input. */
  public static long parse(String text) {
    if (text == null) return NULL;
    String t = text.strip();
    if (t.isEmpty()) return NULL;
    return t.indexOf(':') >= 0 ? parseClock(t) : parseLiteral(t);
  }

  /** {@code [-][d.]h:mm[:ss[.f+]]}. */
  private static long parseClock(String t) {
    boolean negative = t.startsWith("-");
    String body = negative ? t.substring(1) : t;
    int colon = body.indexOf(':');
    int dot = body.lastIndexOf('.', colon);
    long days = 0;
    String clock = body;
    if (dot >= 0) {
      days = parseDigits(body.substring(0, dot));
      clock = body.substring(dot + 1);
      if (days < 0) return NULL;
    }
    String[] parts = clock.split(":", -1);
    if (parts.length < 2 || parts.length > 3) return NULL;
    long hours = parseDigits(parts[0]);
    long minutes = parseDigits(parts[1]);
    long seconds = 0;
    long fraction = 0;
    if (parts.length == 3) {
      String sec = parts[2];
      int fdot = sec.indexOf('.');
      seconds = parseDigits(fdot < 0 ? sec : sec.substring(0, fdot));
      fraction = fdot < 0 ? 0 : parseFraction(sec.substring(fdot + 1));
    }
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) {
      return NULL;
    }
    if (fraction < 0 || days > 10_675_199) return NULL;
    long ticks =
        days * TICKS_PER_DAY
            + hours * TICKS_PER_HOUR
            + minutes * TICKS_PER_MINUTE
            + seconds * TICKS_PER_SECOND
            + fraction;
    return negative ? -ticks : ticks;
  }

  /** {@code 2d}, {@code 1.5h}, {@code 15 seconds}, {@code 2} (days). */
  private static long parseLiteral(String t) {
    int i = 0;
    if (i < t.length() && (t.charAt(i) == '-' || t.charAt(i) == '+')) i++;
    while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) i++;
    String number = t.substring(0, i);
    String unit = t.substring(i).strip();
    double amount;
    try {
      amount = Double.parseDouble(number);
    } catch (NumberFormatException e) {
      return NULL;
    }
    long unitTicks = unit.isEmpty() ? TICKS_PER_DAY : unitTicks(unit);
    return unitTicks == 0 ? NULL : of(amount, unitTicks);
  }

  private static long parseDigits(String s) {
    if (s.isEmpty() || s.length() > 9) return -1;
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static long parseFraction(String s) {
    if (s.isEmpty()) return -1;
    long ticks = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') return -1;
      if (i < 7) ticks = ticks * 10 + (c - '0');
    }
    for (int i = s.length(); i < 7; i++) ticks *= 10;
    return ticks;
  }

  /** Kusto's text form; null prints as the empty string. */
  public static String format(long ticks) {
    if (ticks == NULL) return "";
    StringBuilder sb = new StringBuilder(26);
    // Long.MIN_VALUE is NULL, so negation cannot overflow here.
    if (ticks < 0) sb.append('-');
    long abs = Math.abs(ticks);
    long days = abs / TICKS_PER_DAY;
    if (days != 0) sb.append(days).append('.');
    DateTimes.pad(sb, abs / TICKS_PER_HOUR % 24, 2).append(':');
    DateTimes.pad(sb, abs / TICKS_PER_MINUTE % 60, 2).append(':');
    DateTimes.pad(sb, abs / TICKS_PER_SECOND % 60, 2);
    long fraction = abs % TICKS_PER_SECOND;
    if (fraction != 0) DateTimes.pad(sb.append('.'), fraction, 7);
    return sb.toString();
  }

  /** {@code timespan * number} rounded to the nearest tick; null propagates, overflow is null. */
  public static long multiply(long ticks, double factor) {
    if (ticks == NULL || Double.isNaN(factor)) return NULL;
    return of(factor, ticks);
  }

  /** {@code timespan / timespan}: a real ratio ({@code 1d / 1s} is 86400). */
  public static double divide(long a, long b) {
    return (double) a / (double) b;
  }
}
