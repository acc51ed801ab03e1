package dev.kqlhunt.value;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * Kusto {@code datetime} values as {@code long} ticks: 100 ns units since 0001-01-01T00:00:00 UTC,
 * the representation Kusto itself documents (scalar-data-types/datetime.md), so {@code
 * tolong(datetime)} is the identity and {@code bin(t, 7d)} aligns weeks on Monday 0001-01-01 as in
 * Kusto. Valid values are {@link #MIN_TICKS}..{@link #MAX_TICKS}. Scalar helpers use {@link #NULL}
 * (Long.MIN_VALUE) for a null datetime; vectors use their null masks instead.
 *
 * <p>Calendar arithmetic is proleptic Gregorian, UTC, no leap seconds, done by {@link CivilDates}
 * without allocation (only {@link #weekOfYear} and {@link #date} use {@link LocalDate}).
 * Thread-safe. Parsing lives in {@link
 * DateTimeParser}, custom formats in {@link DateTimeFormat}.
 */
public final class DateTimes {
  private DateTimes() {}

  public static final long NULL = Long.MIN_VALUE;
  public static final long TICKS_PER_MILLISECOND = 10_000L;
  public static final long TICKS_PER_SECOND = 10_000_000L;
  public static final long TICKS_PER_MINUTE = 60 * TICKS_PER_SECOND;
  public static final long TICKS_PER_HOUR = 60 * TICKS_PER_MINUTE;
  public static final long TICKS_PER_DAY = 24 * TICKS_PER_HOUR;
  /** Days from 0001-01-01 to 1970-01-01. */
  public static final long EPOCH_DAYS = 719_162L;
  /** Ticks at 1970-01-01T00:00:00Z. */
  public static final long UNIX_EPOCH_TICKS = EPOCH_DAYS * TICKS_PER_DAY;
  public static final long MIN_TICKS = 0L;
  /** 9999-12-31T23:59:59.9999999Z. */
  public static final long MAX_TICKS = 3_155_378_975_999_999_999L;

  public static boolean isValid(long ticks) {
    return ticks >= MIN_TICKS && ticks <= MAX_TICKS;
  }

  /** The ticks of a calendar instant, or {@link #NULL} if any field is out of range. */
  public static long of(int year, int month, int day, int hour, int minute, int second, long fraction) {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return NULL;
    if (day > CivilDates.lengthOfMonth(year, month)) return NULL;
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return NULL;
    if (fraction < 0 || fraction >= TICKS_PER_SECOND) return NULL;
    long days = CivilDates.toEpochDay(year, month, day) + EPOCH_DAYS;
    return days * TICKS_PER_DAY
        + hour * TICKS_PER_HOUR
        + minute * TICKS_PER_MINUTE
        + second * TICKS_PER_SECOND
        + fraction;
  }

  /** Ticks at midnight of {@code date}. */
  public static long ofDate(LocalDate date) {
    return (date.toEpochDay() + EPOCH_DAYS) * TICKS_PER_DAY;
  }

  public static LocalDate date(long ticks) {
    return LocalDate.ofEpochDay(epochDay(ticks));
  }

  /** Days since 1970-01-01 of the instant's date. */
  static long epochDay(long ticks) {
    return Math.floorDiv(ticks, TICKS_PER_DAY) - EPOCH_DAYS;
  }

  /** The instant's date packed by {@link CivilDates}; allocation-free. */
  static int civil(long ticks) {
    return CivilDates.fromEpochDay(epochDay(ticks));
  }

  /** Ticks at midnight of a packed civil date. */
  private static long ofCivil(int packed) {
    long day = CivilDates.toEpochDay(
        CivilDates.year(packed), CivilDates.month(packed), CivilDates.day(packed));
    return (day + EPOCH_DAYS) * TICKS_PER_DAY;
  }

  /**
   * {@code datetime + timespan} (datetime-timespan-arithmetic.md): null if either side is null or
   * the result leaves the datetime range (*decision*: null rather than an error).
   */
  public static long plus(long datetime, long timespan) {
    if (datetime == NULL || timespan == Timespans.NULL) return NULL;
    long r = datetime + timespan;
    // Both operands are far from overflow: datetimes are below 2^62, so only the range check matters.
    return isValid(r) && Math.abs(timespan) <= MAX_TICKS ? r : NULL;
  }

  /** {@code datetime - datetime}: a timespan; null if either side is null. */
  public static long minus(long a, long b) {
    return a == NULL || b == NULL ? Timespans.NULL : a - b;
  }

  /** Ticks since midnight. */
  public static long timeOfDay(long ticks) {
    return Math.floorMod(ticks, TICKS_PER_DAY);
  }

  public static long fromUnixMillis(long millis) {
    return UNIX_EPOCH_TICKS + millis * TICKS_PER_MILLISECOND;
  }

  public static long toUnixMillis(long ticks) {
    return Math.floorDiv(ticks - UNIX_EPOCH_TICKS, TICKS_PER_MILLISECOND);
  }

  /**
   * ISO 8601 UTC text with exactly seven fraction digits: {@code 2024-01-02T03:04:05.1230000Z},
   * {@code 2020-01-01T00:00:00.0000000Z}. This is Kusto's string form of a datetime: the documented
   * {@code hash_md5(datetime(2020-01-01))} is the MD5 of exactly that text. Null prints as the empty
   * string.
   */
  public static String format(long ticks) {
    if (ticks == NULL) return "";
    int d = civil(ticks);
    long tod = timeOfDay(ticks);
    StringBuilder sb = new StringBuilder(28);
    pad(sb, CivilDates.year(d), 4).append('-');
    pad(sb, CivilDates.month(d), 2).append('-');
    pad(sb, CivilDates.day(d), 2).append('T');
    pad(sb, (int) (tod / TICKS_PER_HOUR), 2).append(':');
    pad(sb, (int) (tod / TICKS_PER_MINUTE % 60), 2).append(':');
    pad(sb, (int) (tod / TICKS_PER_SECOND % 60), 2);
    pad(sb.append('.'), tod % TICKS_PER_SECOND, 7);
    return sb.append('Z').toString();
  }

  static StringBuilder pad(StringBuilder sb, long value, int width) {
    String s = Long.toString(value);
    for (int i = s.length(); i < width; i++) sb.append('0');
    return sb.append(s);
  }

  // ---- start/end of periods (startofday.md, startofweek.md, ... with the optional offset) ----

  public static long startOfDay(long ticks, long offsetDays) {
    return dayStart(Math.floorDiv(ticks, TICKS_PER_DAY) + clampDays(offsetDays));
  }

  /** Weeks start on Sunday (startofweek-function.md). */
  public static long startOfWeek(long ticks, long offsetWeeks) {
    long sunday = Math.floorDiv(ticks, TICKS_PER_DAY) - dayOfWeekIndex(ticks);
    return dayStart(sunday + 7 * clampDays(offsetWeeks));
  }

  public static long startOfMonth(long ticks, long offsetMonths) {
    int d = civil(ticks);
    int r = CivilDates.plusMonths(CivilDates.year(d), CivilDates.month(d), 1, offsetMonths);
    return r == CivilDates.INVALID ? NULL : ofCivil(r);
  }

  public static long startOfYear(long ticks, long offsetYears) {
    int d = civil(ticks);
    long months = Math.max(-200_000L, Math.min(200_000L, offsetYears)) * 12;
    int r = CivilDates.plusMonths(CivilDates.year(d), 1, 1, months);
    return r == CivilDates.INVALID ? NULL : ofCivil(r);
  }

  /** The last tick of the day: {@code 2017-01-01T23:59:59.9999999}. */
  public static long endOfDay(long ticks, long offsetDays) {
    return lastTick(startOfDay(ticks, offsetDays), startOfDay(ticks, offsetDays + 1));
  }

  public static long endOfWeek(long ticks, long offsetWeeks) {
    return lastTick(startOfWeek(ticks, offsetWeeks), startOfWeek(ticks, offsetWeeks + 1));
  }

  public static long endOfMonth(long ticks, long offsetMonths) {
    return lastTick(startOfMonth(ticks, offsetMonths), startOfMonth(ticks, offsetMonths + 1));
  }

  public static long endOfYear(long ticks, long offsetYears) {
    return lastTick(startOfYear(ticks, offsetYears), startOfYear(ticks, offsetYears + 1));
  }

  /** The tick before {@code nextStart}; the period ending 9999-12-31 ends at {@link #MAX_TICKS}. */
  private static long lastTick(long start, long nextStart) {
    if (start == NULL) return NULL;
    return nextStart == NULL ? MAX_TICKS : nextStart - 1;
  }

  /** Midnight of a day number (days since 0001-01-01), or {@link #NULL} outside the range. */
  private static long dayStart(long day) {
    return day < 0 || day > MAX_TICKS / TICKS_PER_DAY ? NULL : day * TICKS_PER_DAY;
  }

  /** Offsets beyond the 10,000-year range are all equally out of range; avoid overflow. */
  private static long clampDays(long offset) {
    return Math.max(-4_000_000L, Math.min(4_000_000L, offset));
  }

  /** 0 for Sunday .. 6 for Saturday. 0001-01-01 was a Monday. */
  public static int dayOfWeekIndex(long ticks) {
    return (int) Math.floorMod(Math.floorDiv(ticks, TICKS_PER_DAY) + 1, 7);
  }

  /** {@code dayofweek()}: a timespan of whole days since the preceding Sunday. */
  public static long dayOfWeek(long ticks) {
    return dayOfWeekIndex(ticks) * TICKS_PER_DAY;
  }

  /** ISO 8601 week number, as {@code week_of_year()} and {@code datetime_part("week_of_year")}. */
  public static int weekOfYear(long ticks) {
    return date(ticks).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
  }

  /** {@code datetime_part(part, ticks)}. */
  public static long part(DateTimePart part, long ticks) {
    int d = civil(ticks);
    long tod = timeOfDay(ticks);
    return switch (part) {
      case YEAR -> CivilDates.year(d);
      case QUARTER -> (CivilDates.month(d) + 2) / 3;
      case MONTH -> CivilDates.month(d);
      case WEEK -> weekOfYear(ticks);
      case DAY -> CivilDates.day(d);
      case DAY_OF_YEAR ->
          CivilDates.dayOfYear(CivilDates.year(d), CivilDates.month(d), CivilDates.day(d));
      case HOUR -> tod / TICKS_PER_HOUR;
      case MINUTE -> tod / TICKS_PER_MINUTE % 60;
      case SECOND -> tod / TICKS_PER_SECOND % 60;
      case MILLISECOND -> tod % TICKS_PER_SECOND / TICKS_PER_MILLISECOND;
      case MICROSECOND -> tod % TICKS_PER_SECOND / 10;
      case NANOSECOND -> tod % TICKS_PER_SECOND * 100;
    };
  }

  /**
   * {@code datetime_add(part, amount, ticks)}: calendar parts (year, quarter, month) keep the day of
   * month, clamped to the target month's length; the others add a fixed number of ticks. Returns
   * {@link #NULL} when the result leaves the datetime range.
   */
  public static long add(DateTimePart part, long amount, long ticks) {
    long result;
    try {
      result =
          switch (part) {
            case YEAR -> plusMonths(ticks, Math.multiplyExact(amount, 12));
            case QUARTER -> plusMonths(ticks, Math.multiplyExact(amount, 3));
            case MONTH -> plusMonths(ticks, amount);
            case WEEK -> Math.addExact(ticks, Math.multiplyExact(amount, 7 * TICKS_PER_DAY));
            case DAY, DAY_OF_YEAR -> Math.addExact(ticks, Math.multiplyExact(amount, TICKS_PER_DAY));
            case HOUR -> Math.addExact(ticks, Math.multiplyExact(amount, TICKS_PER_HOUR));
            case MINUTE -> Math.addExact(ticks, Math.multiplyExact(amount, TICKS_PER_MINUTE));
            case SECOND -> Math.addExact(ticks, Math.multiplyExact(amount, TICKS_PER_SECOND));
            case MILLISECOND ->
                Math.addExact(ticks, Math.multiplyExact(amount, TICKS_PER_MILLISECOND));
            case MICROSECOND -> Math.addExact(ticks, Math.multiplyExact(amount, 10));
            case NANOSECOND -> Math.addExact(ticks, amount / 100);
          };
    } catch (ArithmeticException e) {
      return NULL;
    }
    return isValid(result) ? result : NULL;
  }

  /** Calendar month arithmetic; {@link #NULL} (then rejected by the caller) outside the range. */
  private static long plusMonths(long ticks, long months) {
    int d = civil(ticks);
    int r = CivilDates.plusMonths(CivilDates.year(d), CivilDates.month(d), CivilDates.day(d), months);
    return r == CivilDates.INVALID ? NULL : ofCivil(r) + timeOfDay(ticks);
  }

  /**
   * {@code datetime_diff(part, a, b)}: the number of {@code part} boundaries between b and a, i.e.
   * both values truncated to the part, then subtracted ({@code datetime_diff('day', 2017-10-29 00:00,
   * 2017-09-30 23:59)} is 29). Weeks start on Sunday.
   */
  public static long diff(DateTimePart part, long a, long b) {
    return switch (part) {
      case YEAR -> CivilDates.year(civil(a)) - CivilDates.year(civil(b));
      case QUARTER -> quarterIndex(a) - quarterIndex(b);
      case MONTH -> monthIndex(a) - monthIndex(b);
      case WEEK -> (startOfWeek(a, 0) - startOfWeek(b, 0)) / (7 * TICKS_PER_DAY);
      case DAY, DAY_OF_YEAR -> Math.floorDiv(a, TICKS_PER_DAY) - Math.floorDiv(b, TICKS_PER_DAY);
      case HOUR -> Math.floorDiv(a, TICKS_PER_HOUR) - Math.floorDiv(b, TICKS_PER_HOUR);
      case MINUTE -> Math.floorDiv(a, TICKS_PER_MINUTE) - Math.floorDiv(b, TICKS_PER_MINUTE);
      case SECOND -> Math.floorDiv(a, TICKS_PER_SECOND) - Math.floorDiv(b, TICKS_PER_SECOND);
      case MILLISECOND ->
          Math.floorDiv(a, TICKS_PER_MILLISECOND) - Math.floorDiv(b, TICKS_PER_MILLISECOND);
      case MICROSECOND -> Math.floorDiv(a, 10) - Math.floorDiv(b, 10);
      case NANOSECOND -> (a - b) * 100;
    };
  }

  private static long monthIndex(long ticks) {
    int d = civil(ticks);
    return CivilDates.year(d) * 12L + CivilDates.month(d) - 1;
  }

  private static long quarterIndex(long ticks) {
    int d = civil(ticks);
    return CivilDates.year(d) * 4L + (CivilDates.month(d) - 1) / 3;
  }
}
