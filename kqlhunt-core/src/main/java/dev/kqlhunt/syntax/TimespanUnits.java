package dev.kqlhunt.syntax;

import java.util.Map;

/** The timespan literal units of KQL and their length in ticks (100 ns). Lookups are lower-case. */
final class TimespanUnits {
  static final long TICKS_PER_SECOND = 10_000_000L;

  private static final Map<String, Long> TICKS = Map.ofEntries(
      Map.entry("d", 864_000_000_000L), Map.entry("day", 864_000_000_000L),
      Map.entry("days", 864_000_000_000L),
      Map.entry("h", 36_000_000_000L), Map.entry("hr", 36_000_000_000L), Map.entry("hrs", 36_000_000_000L),
      Map.entry("hour", 36_000_000_000L), Map.entry("hours", 36_000_000_000L),
      Map.entry("m", 600_000_000L), Map.entry("min", 600_000_000L), Map.entry("minute", 600_000_000L),
      Map.entry("minutes", 600_000_000L),
      Map.entry("s", TICKS_PER_SECOND), Map.entry("sec", TICKS_PER_SECOND),
      Map.entry("second", TICKS_PER_SECOND), Map.entry("seconds", TICKS_PER_SECOND),
      Map.entry("ms", 10_000L), Map.entry("milli", 10_000L), Map.entry("millis", 10_000L),
      Map.entry("millisecond", 10_000L), Map.entry("milliseconds", 10_000L),
      Map.entry("microsecond", 10L), Map.entry("microseconds", 10L),
      Map.entry("tick", 1L), Map.entry("ticks", 1L));

  private TimespanUnits() {}

  /** Ticks per unit, or -1 when {@code unit} (lower-case) is not a timespan unit. */
  static long ticksPer(String unit) {
    Long ticks = TICKS.get(unit);
    return ticks == null ? -1 : ticks;
  }
}
