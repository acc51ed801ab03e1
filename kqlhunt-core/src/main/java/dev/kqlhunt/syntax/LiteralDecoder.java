package dev.kqlhunt.syntax;

import dev.kqlhunt.syntax.tree.LiteralKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/**
 * Decodes the inside of typed literals ({@code datetime(...)}, {@code long(...)}...) into the Java
 * values documented on {@link LiteralKind}. Returns {@link #INVALID} when the inside is not a value of
 * the kind; {@code null} for {@code null}. Datetimes are decoded for ISO 8601 and RFC 1123 forms;
 * other documented forms stay undecoded (value null) for the binder to handle.
 */
final class LiteralDecoder {
  /** Marker for an inside that is not a value of the literal's kind. */
  static final Object INVALID = new Object();

  /** Ticks from 0001-01-01 to 1970-01-01. */
  static final long UNIX_EPOCH_TICKS = 621_355_968_000_000_000L;

  private LiteralDecoder() {}

  static LiteralKind kindOf(String word) {
    return switch (word) {
      case "datetime", "date" -> LiteralKind.DATETIME;
      case "time", "timespan" -> LiteralKind.TIMESPAN;
      case "guid" -> LiteralKind.GUID;
      case "bool" -> LiteralKind.BOOL;
      case "int", "int32" -> LiteralKind.INT;
      case "long", "int64" -> LiteralKind.LONG;
      case "real", "double" -> LiteralKind.REAL;
      case "decimal" -> LiteralKind.DECIMAL;
      default -> throw new IllegalArgumentException("not a typed literal keyword: " + word);
    };
  }

  static Object decode(LiteralKind kind, String inside) {
    if (inside.equals("null")) return null;
    try {
      return switch (kind) {
        case BOOL -> decodeBool(inside);
        case INT -> Integer.valueOf(Integer.parseInt(stripPlus(inside)));
        case LONG -> Long.valueOf(Long.parseLong(stripPlus(inside)));
        case REAL -> decodeReal(inside);
        case DECIMAL -> new BigDecimal(stripPlus(inside));
        case DATETIME -> decodeDateTime(inside);
        case TIMESPAN -> decodeTimespan(inside);
        case GUID -> UUID.fromString(inside);
        case STRING, NULL -> INVALID;
      };
    } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
      return INVALID;
    }
  }

  private static String stripPlus(String s) {
    return s.startsWith("+") ? s.substring(1) : s;
  }

  private static Object decodeBool(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "true", "1" -> Boolean.TRUE;
      case "false", "0" -> Boolean.FALSE;
      default -> INVALID;
    };
  }

  private static Object decodeReal(String s) {
    return switch (s) {
      case "nan" -> Double.NaN;
      case "inf", "+inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(s);
    };
  }

  private static Object decodeDateTime(String s) {
    String iso = s.replace(' ', 'T');
    if (iso.length() == 10) return ticks(LocalDate.parse(iso).atStartOfDay());
    try {
      return ticks(OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
    } catch (DateTimeParseException e) {
      try {
        return ticks(LocalDateTime.parse(iso));
      } catch (DateTimeParseException e2) {
        return ticks(OffsetDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME)
            .withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
      }
    }
  }

  private static long ticks(LocalDateTime t) {
    long seconds = t.toEpochSecond(ZoneOffset.UTC);
    return UNIX_EPOCH_TICKS + seconds * TimespanUnits.TICKS_PER_SECOND + t.getNano() / 100;
  }

  /** {@code [-][d.]hh:mm[:ss[.fffffff]]} or a timespan literal such as {@code 1d}. */
  private static Object decodeTimespan(String s) {
    boolean negative = s.startsWith("-");
    String body = negative ? s.substring(1) : s;
    if (body.indexOf(':') < 0) return decodeUnitTimespan(s);
    long days = 0;
    int colon = body.indexOf(':');
    int dot = body.lastIndexOf('.', colon);
    String clock = body;
    if (dot >= 0) {
      days = Long.parseLong(body.substring(0, dot));
      clock = body.substring(dot + 1);
    }
    if (clock.chars().filter(c -> c == ':').count() == 1) clock = clock + ":00";
    LocalTime time = LocalTime.parse(clock.length() < 8 ? "0" + clock : clock);
    long ticks = days * 864_000_000_000L + time.toNanoOfDay() / 100;
    return negative ? -ticks : ticks;
  }

  private static Object decodeUnitTimespan(String s) {
    int i = 0;
    while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '-')) i++;
    if (i == 0) return INVALID;
    long perUnit = i == s.length() ? 864_000_000_000L : TimespanUnits.ticksPer(s.substring(i).toLowerCase(Locale.ROOT));
    if (perUnit < 0) return INVALID;
    return Math.round(Double.parseDouble(s.substring(0, i)) * perUnit);
  }
}
