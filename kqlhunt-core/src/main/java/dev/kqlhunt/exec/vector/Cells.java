package dev.kqlhunt.exec.vector;

import dev.kqlhunt.value.Conversions;
import dev.kqlhunt.value.DateTimes;
import dev.kqlhunt.value.RealFormat;
import dev.kqlhunt.value.Timespans;

/**
 * The Kusto text of one cell, as {@code tostring()} prints it and as result tables and golden
 * files show it: nulls are empty, datetimes ISO 8601 with seven fraction digits, timespans
 * {@code [-][d.]hh:mm:ss[.fffffff]}, reals by {@link RealFormat}, bools {@code true}/{@code
 * false}, dynamic values as compact JSON (a string element without quotes).
 */
public final class Cells {
  private Cells() {}

  public static String text(Vector vector, int position) {
    if (vector.isNull(position)) return "";
    return switch (vector) {
      case LongVector v -> switch (v.type()) {
        case DATETIME -> DateTimes.format(v.get(position));
        case TIMESPAN -> Timespans.format(v.get(position));
        default -> Long.toString(v.get(position));
      };
      case DoubleVector v -> RealFormat.format(v.get(position));
      case BoolVector v -> v.get(position) ? "true" : "false";
      case StringVector v -> v.get(position);
      case DynamicVector v -> Conversions.toStringOf(v.get(position));
    };
  }
}
