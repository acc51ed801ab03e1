package dev.kqlhunt.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Parses the datetime texts found in Defender and Sysmon exports into {@link Instant}s (100 ns
 * precision kept, finer digits truncated). Hand-written, no regex: it runs once per datetime cell.
 *
 * <ul>
 *   <li>ISO 8601: {@code 2023-10-18T14:37:28.2012261Z}, with {@code T} or a space, 0–9 fractional
 *       digits, {@code Z}, {@code ±hh:mm}, {@code ±hhmm} or no zone; a date alone ({@code 2024-01-15});
 *   <li>portal CSV, US style: {@code 1/15/2024 10:22:33 AM} (optionally {@code .fff}, or 24-hour
 *       without AM/PM), also with a comma after the year as Log Analytics exports write it; month
 *       first only — a day-first date is ambiguous and rejected when the month exceeds 12;
 *   <li>portal CSV, long style: {@code Jan 15, 2024 10:22:33 AM} (month abbreviated or full).
 * </ul>
 *
 * Texts without a zone are UTC: the Defender portal exports in UTC unless the user changed the
 * portal's time zone setting, which the file does not record, and Sysmon's {@code UtcTime} is UTC.
 */
public final class DateTimes {
  private static final String[] MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };

  private DateTimes() {}

  /** The instant, or null when the text is not a datetime of a supported style. */
  public static Instant parse(String text) {
    String s = text.strip();
    if (s.length() < 8) return null;
    try {
      char c0 = s.charAt(0);
      if (Character.isLetter(c0)) return new Cursor(s).longStyle();
      if (s.length() > 4 && s.charAt(4) == '-') return new Cursor(s).iso();
      return new Cursor(s).usStyle();
    } catch (DateTimeException | IndexOutOfBoundsException e) {
      return null;
    }
  }

  /** A position in the text; each method returns null on a mismatch. */
  private static final class Cursor {
    private final String s;
    private int i;

    Cursor(String s) {
      this.s = s;
    }

    Instant iso() {
      int year = digits(4, 4);
      if (year < 0 || !take('-')) return null;
      int month = digits(2, 2);
      if (month < 0 || !take('-')) return null;
      int day = digits(2, 2);
      if (day < 0) return null;
      if (i == s.length()) return at(year, month, day, 0, 0, 0, 0, 0);
      if (!take('T') && !take(' ') && !take('t')) return null;
      return timeAndZone(year, month, day, false);
    }

    Instant usStyle() {
      int month = digits(1, 2);
      if (month < 0 || !take('/')) return null;
      int day = digits(1, 2);
      if (day < 0 || !take('/')) return null;
      int year = digits(4, 4);
      if (year < 0) return null;
      if (i == s.length()) return at(year, month, day, 0, 0, 0, 0, 0);
      take(','); // Log Analytics exports write "1/15/2024, 10:22:33.123 AM"
      if (!take(' ')) return null;
      return timeAndZone(year, month, day, true);
    }

    Instant longStyle() {
      int start = i;
      while (i < s.length() && Character.isLetter(s.charAt(i))) i++;
      int month = monthOf(s.substring(start, i));
      if (month < 0 || !take(' ')) return null;
      int day = digits(1, 2);
      if (day < 0 || !take(',') || !take(' ')) return null;
      int year = digits(4, 4);
      if (year < 0) return null;
      if (i == s.length()) return at(year, month, day, 0, 0, 0, 0, 0);
      if (!take(' ')) return null;
      return timeAndZone(year, month, day, true);
    }

    private Instant timeAndZone(int year, int month, int day, boolean ampmAllowed) {
      int hour = digits(1, 2);
      if (hour < 0 || !take(':')) return null;
      int minute = digits(2, 2);
      if (minute < 0) return null;
      int second = 0;
      int nanos = 0;
      if (take(':')) {
        second = digits(2, 2);
        if (second < 0) return null;
        if (take('.') || take(',')) {
          nanos = fraction();
          if (nanos < 0) return null;
        }
      }
      if (ampmAllowed) {
        int before = i;
        take(' ');
        int h = ampm(hour);
        if (h == -2) return null;
        if (h >= 0) hour = h;
        else i = before;
      }
      int offsetSeconds = zone();
      if (offsetSeconds == Integer.MIN_VALUE || i != s.length()) return null;
      return at(year, month, day, hour, minute, second, nanos, offsetSeconds);
    }

    /** Converts a 12-hour clock with AM/PM; -1 when there is none, -2 when invalid. */
    private int ampm(int hour) {
      if (i + 2 > s.length()) return -1;
      String m = s.substring(i, i + 2);
      boolean am = m.equalsIgnoreCase("AM");
      boolean pm = m.equalsIgnoreCase("PM");
      if (!am && !pm) return -1;
      i += 2;
      if (hour < 1 || hour > 12) return -2;
      return (hour % 12) + (pm ? 12 : 0);
    }

    /** Seconds east of UTC; 0 for none or Z; MIN_VALUE when malformed. */
    private int zone() {
      if (i == s.length()) return 0;
      char c = s.charAt(i);
      if (c == 'Z' || c == 'z') {
        i++;
        return 0;
      }
      if (c == ' ' && s.regionMatches(true, i, " UTC", 0, 4)) {
        i += 4;
        return 0;
      }
      if (c != '+' && c != '-') return Integer.MIN_VALUE;
      i++;
      int hh = digits(2, 2);
      if (hh < 0) return Integer.MIN_VALUE;
      take(':');
      int mm = digits(2, 2);
      if (mm < 0) return Integer.MIN_VALUE;
      int sec = hh * 3600 + mm * 60;
      return c == '-' ? -sec : sec;
    }

    /** Fractional digits as nanoseconds, truncated to 100 ns (Kusto's tick). */
    private int fraction() {
      int start = i;
      long v = 0;
      int n = 0;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        if (n < 9) {
          v = v * 10 + (s.charAt(i) - '0');
          n++;
        }
        i++;
      }
      if (i == start) return -1;
      for (int k = n; k < 9; k++) v *= 10;
      return (int) (v - v % 100);
    }

    private int digits(int min, int max) {
      int start = i;
      int v = 0;
      while (i < s.length() && i - start < max) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') break;
        v = v * 10 + (c - '0');
        i++;
      }
      return i - start >= min ? v : -1;
    }

    private boolean take(char c) {
      if (i < s.length() && s.charAt(i) == c) {
        i++;
        return true;
      }
      return false;
    }

    private static int monthOf(String name) {
      if (name.length() < 3) return -1;
      String p = name.substring(0, 3).toLowerCase(java.util.Locale.ROOT);
      for (int m = 0; m < 12; m++) if (MONTHS[m].equals(p)) return m + 1;
      return -1;
    }

    private static Instant at(
        int year, int month, int day, int hour, int minute, int second, int nanos, int offset) {
      if (hour == 24 && minute == 0 && second == 0 && nanos == 0) {
        return LocalDateTime.of(year, month, day, 0, 0).plusDays(1).toInstant(ZoneOffset.UTC);
      }
      LocalDateTime t = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
      return t.toInstant(ZoneOffset.ofTotalSeconds(offset));
    }
  }
}
