package dev.kqlhunt.hunt;

import dev.kqlhunt.value.DateTimes;
import java.time.Duration;
import java.time.Instant;

/** Conversions between {@link Instant}/{@link Duration} and Kusto ticks (100 ns since 0001-01-01). */
final class Ticks {
  private Ticks() {}

  /** Ticks of {@code t}; sub-tick nanoseconds are dropped (Kusto cannot hold them). */
  static long of(Instant t) {
    return DateTimes.UNIX_EPOCH_TICKS + Math.multiplyExact(t.getEpochSecond(), DateTimes.TICKS_PER_SECOND)
        + t.getNano() / 100;
  }

  static Instant instant(long ticks) {
    long sinceEpoch = ticks - DateTimes.UNIX_EPOCH_TICKS;
    long seconds = Math.floorDiv(sinceEpoch, DateTimes.TICKS_PER_SECOND);
    long rest = Math.floorMod(sinceEpoch, DateTimes.TICKS_PER_SECOND);
    return Instant.ofEpochSecond(seconds, rest * 100);
  }

  static Duration duration(long ticks) {
    return Duration.ofNanos(Math.multiplyExact(ticks, 100L));
  }
}
