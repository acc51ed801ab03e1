package dev.kqlhunt.value;

import java.util.Locale;

/**
 * The part names of {@code datetime_part}, {@code datetime_add} and {@code datetime_diff}
 * (datetime-part-function.md), matched case-insensitively; {@code week_of_year} and {@code week}
 * are the same part.
 */
public enum DateTimePart {
  YEAR,
  QUARTER,
  MONTH,
  WEEK,
  DAY,
  DAY_OF_YEAR,
  HOUR,
  MINUTE,
  SECOND,
  MILLISECOND,
  MICROSECOND,
  NANOSECOND;

  /** The part for a Kusto name ({@code "Year"}, {@code "week_of_year"}, ...), or null. */
  public static DateTimePart fromName(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "year" -> YEAR;
      case "quarter" -> QUARTER;
      case "month" -> MONTH;
      case "week", "week_of_year", "weekofyear" -> WEEK;
      case "day" -> DAY;
      case "dayofyear", "day_of_year" -> DAY_OF_YEAR;
      case "hour" -> HOUR;
      case "minute" -> MINUTE;
      case "second" -> SECOND;
      case "millisecond" -> MILLISECOND;
      case "microsecond" -> MICROSECOND;
      case "nanosecond" -> NANOSECOND;
      default -> null;
    };
  }
}
