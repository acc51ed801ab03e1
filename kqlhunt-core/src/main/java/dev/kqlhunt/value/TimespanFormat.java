package dev.kqlhunt.value;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code format_timespan(timespan, format)} (format-timespan-function.md), compiled once per
 * constant format. Specifiers are runs of one letter: {@code d}… (whole days, zero-padded to the run
 * length), {@code h hh} / {@code H HH} (hours of the day), {@code m mm}, {@code s ss}, {@code f}…
 * {@code fffffff} (fraction digits), {@code F}…{@code FFFFFFF} (fraction, trailing zeros removed).
 * Other characters are copied. A negative timespan gets a leading {@code -}. Thread-safe.
 */
public final class TimespanFormat {
  private record Field(char letter, int count, String literal) {}

  private final List<Field> fields;

  private TimespanFormat(List<Field> fields) {
    this.fields = List.copyOf(fields);
  }

  public static TimespanFormat compile(String pattern) {
    List<Field> fields = new ArrayList<>();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int j = i;
      while (j < pattern.length() && pattern.charAt(j) == c) j++;
      if ("dhHmsfF".indexOf(c) >= 0) {
        fields.add(new Field(c, j - i, null));
      } else {
        fields.add(new Field('\0', 0, pattern.substring(i, j)));
      }
      i = j;
    }
    return new TimespanFormat(fields);
  }

  /** Formats {@code ticks}; null ({@link Timespans#NULL}) gives the empty string. */
  public String format(long ticks) {
    if (ticks == Timespans.NULL) return "";
    long abs = Math.abs(ticks);
    StringBuilder sb = new StringBuilder();
    if (ticks < 0) sb.append('-');
    for (Field f : fields) {
      if (f.literal() != null) {
        sb.append(f.literal());
        continue;
      }
      int n = f.count();
      switch (f.letter()) {
        case 'd' -> DateTimes.pad(sb, abs / DateTimes.TICKS_PER_DAY, n);
        case 'h', 'H' -> DateTimes.pad(sb, abs / DateTimes.TICKS_PER_HOUR % 24, Math.min(n, 2));
        case 'm' -> DateTimes.pad(sb, abs / DateTimes.TICKS_PER_MINUTE % 60, Math.min(n, 2));
        case 's' -> DateTimes.pad(sb, abs / DateTimes.TICKS_PER_SECOND % 60, Math.min(n, 2));
        case 'f', 'F' -> fraction(sb, abs % DateTimes.TICKS_PER_SECOND, n, f.letter() == 'F');
        default -> throw new IllegalStateException("unreachable: " + f.letter());
      }
    }
    return sb.toString();
  }

  static void fraction(StringBuilder sb, long fraction, int n, boolean trim) {
    String digits = DateTimes.pad(new StringBuilder(7), fraction, 7).substring(0, Math.min(n, 7));
    int end = digits.length();
    if (trim) {
      while (end > 0 && digits.charAt(end - 1) == '0') end--;
    }
    sb.append(digits, 0, end);
  }
}
