package dev.kqlhunt.value;

import java.util.Locale;

/**
 * Parses the text of {@code datetime(...)} literals and {@code todatetime(string)}: the formats of
 * scalar-data-types/datetime.md.
 *
 * <ul>
 *   <li>ISO 8601 and "sortable": {@code yyyy-M-d}, then optionally {@code T} or a space, {@code
 *       H:mm}, {@code :ss}, a fraction of any length (digits past the seventh are truncated), and a
 *       zone. Month and day may have one digit ({@code 1970-5-12}); {@code /} may replace {@code -}.
 *   <li>RFC 822 / 1123: {@code [Sat, ]8 Nov 14 15:05[:02][ GMT]}, four-digit years too.
 *   <li>RFC 850: {@code [Saturday, ]08-Nov-14 15:05[:02][ GMT]}.
 *   <li>US-style dates {@code MM-dd-yyyy} / {@code MM/dd/yyyy} with an optional time (what .NET's
 *       fallback parse accepts; todatetime-function.md compares {@code '12-02-2022'}).
 * </ul>
 *
 * Zones: {@code Z}, {@code GMT}, {@code UT}, {@code UTC}, {@code ±hh:mm}, {@code ±hhmm}, {@code ±hh},
 * and the RFC 822 US zones (EST, EDT, CST, CDT, MST, MDT, PST, PDT); the result is converted to UTC.
 * Two-digit years map to 1950–2049 (the .NET default window). Anything else is {@link
 * DateTimes#NULL}, which is what {@code todatetime} returns for bad input. Never throws.
 */
public final class DateTimeParser {
  private static final String[] MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };

  private final String s;
  private int pos;

  private DateTimeParser(String s) {
    this.s = s;
  }

  /** The ticks of {@code text}, or {@link DateTimes#NULL}. */
  public static long parse(String text) {
    if (text == null) return DateTimes.NULL;
    String t = text.strip();
    if (t.isEmpty()) return DateTimes.NULL;
    long r = new DateTimeParser(t).iso();
    if (r == DateTimes.NULL) r = new DateTimeParser(t).rfc();
    if (r == DateTimes.NULL) r = new DateTimeParser(t).us();
    return r;
  }

  private long iso() {
    int year = digits(4, 4);
    if (year < 0 || !sep()) return DateTimes.NULL;
    char dateSep = s.charAt(pos - 1);
    int month = digits(1, 2);
    if (month < 0 || !at(dateSep)) return DateTimes.NULL;
    pos++;
    int day = digits(1, 2);
    if (day < 0) return DateTimes.NULL;
    return timeAndZone(year, month, day, true);
  }

  private long us() {
    int month = digits(1, 2);
    if (month < 0 || !sep()) return DateTimes.NULL;
    char dateSep = s.charAt(pos - 1);
    int day = digits(1, 2);
    if (day < 0 || !at(dateSep)) return DateTimes.NULL;
    pos++;
    int year = digits(4, 4);
    if (year < 0) return DateTimes.NULL;
    return timeAndZone(year, month, day, false);
  }

  private long rfc() {
    skipWeekday();
    int day = digits(1, 2);
    if (day < 0) return DateTimes.NULL;
    boolean dashed = at('-');
    if (!dashed && !at(' ')) return DateTimes.NULL;
    pos++;
    int month = monthName();
    if (month < 0 || !at(dashed ? '-' : ' ')) return DateTimes.NULL;
    pos++;
    int start = pos;
    int year = digits(2, 4);
    if (year < 0 || pos - start == 3) return DateTimes.NULL;
    if (pos - start == 2) year += year < 50 ? 2000 : 1900;
    if (!at(' ')) return DateTimes.NULL;
    return timeAndZone(year, month, day, false);
  }

  /** After the date: nothing, or [T| ]H:mm[:ss[.f*]] [zone]. */
  private long timeAndZone(int year, int month, int day, boolean allowT) {
    int hour = 0, minute = 0, second = 0;
    long fraction = 0;
    if (pos < s.length()) {
      char c = s.charAt(pos);
      if (!(c == ' ' || (allowT && (c == 'T' || c == 't')))) return DateTimes.NULL;
      pos++;
      while (at(' ')) pos++;
      hour = digits(1, 2);
      if (hour < 0 || !at(':')) return DateTimes.NULL;
      pos++;
      minute = digits(2, 2);
      if (minute < 0) return DateTimes.NULL;
      if (at(':')) {
        pos++;
        second = digits(2, 2);
        if (second < 0) return DateTimes.NULL;
        if (at('.')) {
          pos++;
          fraction = fraction();
          if (fraction < 0) return DateTimes.NULL;
        }
      }
    }
    long base = DateTimes.of(year, month, day, hour, minute, second, fraction);
    if (base == DateTimes.NULL) return DateTimes.NULL;
    long offsetMinutes = zone();
    if (offsetMinutes == Long.MIN_VALUE) return DateTimes.NULL;
    long utc = base - offsetMinutes * DateTimes.TICKS_PER_MINUTE;
    return DateTimes.isValid(utc) ? utc : DateTimes.NULL;
  }

  /** The zone's offset from UTC in minutes (0 if absent), or Long.MIN_VALUE if malformed. */
  private long zone() {
    while (at(' ')) pos++;
    if (pos == s.length()) return 0;
    char c = s.charAt(pos);
    if (c == '+' || c == '-') return numericZone(c == '-' ? -1 : 1);
    String name = s.substring(pos).toUpperCase(Locale.ROOT);
    return switch (name) {
      case "Z", "GMT", "UT", "UTC" -> 0;
      case "EST" -> -300;
      case "EDT" -> -240;
      case "CST" -> -360;
      case "CDT" -> -300;
      case "MST" -> -420;
      case "MDT" -> -360;
      case "PST" -> -480;
      case "PDT" -> -420;
      default -> Long.MIN_VALUE;
    };
  }

  private long numericZone(int sign) {
    pos++;
    int hours = digits(2, 2);
    if (hours < 0 || hours > 14) return Long.MIN_VALUE;
    int minutes = 0;
    if (at(':')) pos++;
    if (pos < s.length()) {
      minutes = digits(2, 2);
      if (minutes < 0 || minutes > 59) return Long.MIN_VALUE;
    }
    return pos == s.length() ? sign * (hours * 60L + minutes) : Long.MIN_VALUE;
  }

  /** Fraction digits as ticks (first seven digits, the rest truncated), or -1. */
  private long fraction() {
    long ticks = 0;
    int n = 0;
    while (pos < s.length() && isDigit(s.charAt(pos))) {
      if (n < 7) ticks = ticks * 10 + (s.charAt(pos) - '0');
      n++;
      pos++;
    }
    if (n == 0) return -1;
    for (int i = n; i < 7; i++) ticks *= 10;
    return ticks;
  }

  private void skipWeekday() {
    int comma = s.indexOf(',');
    if (comma > 0 && comma < 10 && Character.isLetter(s.charAt(0))) {
      pos = comma + 1;
      while (at(' ')) pos++;
    }
  }

  private int monthName() {
    if (pos + 3 > s.length()) return -1;
    String m = s.substring(pos, pos + 3).toLowerCase(Locale.ROOT);
    for (int i = 0; i < MONTHS.length; i++) {
      if (MONTHS[i].equals(m)) {
        pos += 3;
        return i + 1;
      }
    }
    return -1;
  }

  /** Reads between min and max digits; returns the number or -1. */
  private int digits(int min, int max) {
    int value = 0;
    int n = 0;
    while (n < max && pos < s.length() && isDigit(s.charAt(pos))) {
      value = value * 10 + (s.charAt(pos++) - '0');
      n++;
    }
    return n >= min ? value : -1;
  }

  private boolean sep() {
    if (at('-') || at('/')) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean at(char c) {
    return pos < s.length() && s.charAt(pos) == c;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
