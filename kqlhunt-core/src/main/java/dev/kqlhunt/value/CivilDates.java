package dev.kqlhunt.value;

/**
 * Allocation-free proleptic Gregorian conversions between day numbers (days since 1970-01-01) and
 * year/month/day, so per-row datetime kernels ({@code getyear}, {@code startofmonth}, formatting)
 * need no {@link java.time.LocalDate}. A date is packed into an int as {@code year << 9 | month << 5
 * | day}. The algorithms are the well-known era-based ones (400-year cycles of 146097 days).
 */
final class CivilDates {
  private CivilDates() {}

  /** Days from 0000-03-01 to 1970-01-01 in the shifted calendar the algorithms use. */
  private static final long SHIFT = 719_468L;

  static int pack(int year, int month, int day) {
    return year << 9 | month << 5 | day;
  }

  static int year(int packed) {
    return packed >> 9;
  }

  static int month(int packed) {
    return (packed >> 5) & 0xF;
  }

  static int day(int packed) {
    return packed & 0x1F;
  }

  /** The packed date of {@code epochDay}. */
  static int fromEpochDay(long epochDay) {
    long z = epochDay + SHIFT;
    long era = Math.floorDiv(z, 146_097L);
    long doe = z - era * 146_097L;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int day = (int) (doy - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
    return pack(year, month, day);
  }

  /** Days since 1970-01-01 of a valid date. */
  static long toEpochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097L + doe - SHIFT;
  }

  static boolean isLeap(int year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  static int dayOfYear(int year, int month, int day) {
    return (int) (toEpochDay(year, month, day) - toEpochDay(year, 1, 1)) + 1;
  }

  /**
   * The packed date {@code months} months after the given one, the day clamped to the month, or
   * {@link #INVALID} when the year leaves 1..9999.
   */
  static int plusMonths(int year, int month, int day, long months) {
    long total = year * 12L + (month - 1) + Math.max(-200_000L, Math.min(200_000L, months));
    long y = Math.floorDiv(total, 12);
    if (y < 1 || y > 9999) return INVALID;
    int m = (int) Math.floorMod(total, 12) + 1;
    return pack((int) y, m, Math.min(day, lengthOfMonth((int) y, m)));
  }

  /** Not a date: the result of arithmetic that left the datetime range. */
  static final int INVALID = Integer.MIN_VALUE;
}
