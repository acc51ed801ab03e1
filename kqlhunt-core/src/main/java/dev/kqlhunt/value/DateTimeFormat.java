package dev.kqlhunt.value;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code format_datetime(datetime, format)} (format-datetime-function.md), compiled once per
 * constant format. Specifiers are runs of one letter: {@code d dd} (day), {@code ddd dddd} (day
 * name), {@code f}..{@code fffffff} (fraction digits), {@code F}..{@code FFFFFFF} (fraction, trailing
 * zeros removed), {@code h hh} (12-hour), {@code H HH}, {@code m mm}, {@code M MM}, {@code MMM MMMM}
 * (month name), {@code s ss}, {@code t tt} (AM/PM), {@code y yy yyyy} (year). Every other character
 * is copied, so the documented separators {@code - / : , . _ [ ] space} work. Thread-safe.
 */
public final class DateTimeFormat {
  private record Field(char letter, int count, String literal) {}

  private final List<Field> fields;

  private DateTimeFormat(List<Field> fields) {
    this.fields = List.copyOf(fields);
  }

  public static DateTimeFormat compile(String pattern) {
    List<Field> fields = new ArrayList<>();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int j = i;
      while (j < pattern.length() && pattern.charAt(j) == c) j++;
      if ("dfFhHmMstyY".indexOf(c) >= 0) {
        fields.add(new Field(c, j - i, null));
      } else {
        fields.add(new Field('\0', 0, pattern.substring(i, j)));
      }
      i = j;
    }
    return new DateTimeFormat(fields);
  }

  /** Formats {@code ticks}; null gives the empty string. */
  public String format(long ticks) {
    if (ticks == DateTimes.NULL) return "";
    LocalDate d = DateTimes.date(ticks);
    long tod = DateTimes.timeOfDay(ticks);
    int hour = (int) (tod / DateTimes.TICKS_PER_HOUR);
    StringBuilder sb = new StringBuilder();
    for (Field f : fields) {
      if (f.literal() != null) {
        sb.append(f.literal());
        continue;
      }
      int n = f.count();
      switch (f.letter()) {
        case 'd' -> day(sb, d, n);
        case 'f' -> fraction(sb, tod % DateTimes.TICKS_PER_SECOND, n, false);
        case 'F' -> fraction(sb, tod % DateTimes.TICKS_PER_SECOND, n, true);
        case 'h' -> DateTimes.pad(sb, hour % 12 == 0 ? 12 : hour % 12, Math.min(n, 2));
        case 'H' -> DateTimes.pad(sb, hour, Math.min(n, 2));
        case 'm' -> DateTimes.pad(sb, tod / DateTimes.TICKS_PER_MINUTE % 60, Math.min(n, 2));
        case 's' -> DateTimes.pad(sb, tod / DateTimes.TICKS_PER_SECOND % 60, Math.min(n, 2));
        case 'M' -> month(sb, d, n);
        case 't' -> sb.append(n == 1 ? (hour < 12 ? "A" : "P") : (hour < 12 ? "AM" : "PM"));
        case 'y', 'Y' -> year(sb, d.getYear(), n);
        default -> throw new IllegalStateException("unreachable: " + f.letter());
      }
    }
    return sb.toString();
  }

  private static void day(StringBuilder sb, LocalDate d, int n) {
    if (n <= 2) {
      DateTimes.pad(sb, d.getDayOfMonth(), n);
    } else {
      TextStyle style = n == 3 ? TextStyle.SHORT : TextStyle.FULL;
      sb.append(d.getDayOfWeek().getDisplayName(style, Locale.ENGLISH));
    }
  }

  private static void month(StringBuilder sb, LocalDate d, int n) {
    if (n <= 2) {
      DateTimes.pad(sb, d.getMonthValue(), n);
    } else {
      TextStyle style = n == 3 ? TextStyle.SHORT : TextStyle.FULL;
      sb.append(d.getMonth().getDisplayName(style, Locale.ENGLISH));
    }
  }

  private static void year(StringBuilder sb, int year, int n) {
    if (n <= 2) {
      DateTimes.pad(sb, year % 100, n);
    } else {
      DateTimes.pad(sb, year, n);
    }
  }

  private static void fraction(StringBuilder sb, long fraction, int n, boolean trim) {
    TimespanFormat.fraction(sb, fraction, n, trim);
  }
}
