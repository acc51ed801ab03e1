package dev.kqlhunt.ingest;

import dev.kqlhunt.value.DateTimes;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The fast path's datetime parser ({@link JsonRowDecoder}): ISO 8601 UTC text as exported by
 * Defender, straight from bytes to ticks. Agrees with {@link dev.kqlhunt.ingest.DateTimes#parse} on
 * every text it accepts; declines the rest. One instance per column: it remembers the last date,
 * since consecutive rows mostly share it. Not thread-safe.
 */
final class IsoTicks {
  private int lastDate = -1; // yyyymmdd
  private long lastEpochDay;

  /**
   * {@code yyyy-MM-dd[T| ]HH:mm:ss[.fraction][Z]} (no zone is UTC, as in {@link dev.kqlhunt.ingest.DateTimes}); the
   * fraction is truncated to 100 ns. Returns the ticks, or {@code Long.MIN_VALUE} when the text is
   * not in that style or not a valid date and time (the general path then decides).
   */
  long ticks(byte[] b, int p, int len) {
    if (len < 19) return Long.MIN_VALUE;
    int year = digits(b, p, 4);
    int month = digits(b, p + 5, 2);
    int day = digits(b, p + 8, 2);
    int hour = digits(b, p + 11, 2);
    int minute = digits(b, p + 14, 2);
    int second = digits(b, p + 17, 2);
    byte sep = b[p + 10];
    if ((year | month | day | hour | minute | second) < 0 || b[p + 4] != '-' || b[p + 7] != '-'
        || (sep != 'T' && sep != 't' && sep != ' ') || b[p + 13] != ':' || b[p + 16] != ':') {
      return Long.MIN_VALUE;
    }
    if (year < 1 || hour > 23 || minute > 59 || second > 59) return Long.MIN_VALUE;
    int i = p + 19;
    int end = p + len;
    long fraction = 0;
    if (i < end && b[i] == '.') {
      i++;
      int n = 0;
      while (i < end && b[i] >= '0' && b[i] <= '9') {
        if (n < 7) fraction = fraction * 10 + (b[i] - '0');
        n++;
        i++;
      }
      if (n == 0) return Long.MIN_VALUE;
      for (int k = n; k < 7; k++) fraction *= 10;
    }
    if (i < end && (b[i] == 'Z' || b[i] == 'z')) i++;
    if (i != end) return Long.MIN_VALUE;
    long epochDay = epochDay(year, month, day);
    if (epochDay == Long.MIN_VALUE) return Long.MIN_VALUE;
    long secondOfDay = hour * 3600L + minute * 60L + second;
    return DateTimes.UNIX_EPOCH_TICKS + epochDay * DateTimes.TICKS_PER_DAY
        + secondOfDay * DateTimes.TICKS_PER_SECOND + fraction;
  }

  /** Days since 1970-01-01, or MIN_VALUE for an invalid date; cached per column (dates repeat). */
  private long epochDay(int year, int month, int day) {
    int key = year * 10_000 + month * 100 + day;
    if (lastDate == key) return lastEpochDay;
    long d;
    try {
      d = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return Long.MIN_VALUE;
    }
    lastDate = key;
    lastEpochDay = d;
    return d;
  }

  private static int digits(byte[] b, int at, int n) {
    int v = 0;
    for (int k = 0; k < n; k++) {
      int d = b[at + k] - '0';
      if (d < 0 || d > 9) return -1;
      v = v * 10 + d;
    }
    return v;
  }
}
