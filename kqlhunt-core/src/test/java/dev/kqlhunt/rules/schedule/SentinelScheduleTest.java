package dev.kqlhunt.rules.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentinelScheduleTest {
  private static final Instant FROM = Instant.parse("2026-11-20T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-25T00:00:00Z");

  /**
   * A 5-day replay of a rule with queryFrequency 1h and queryPeriod 5h: 120 runs, on the hour from
   * 01:00 on day 1 to 00:00 after day 5, each over the 5 hours before it.
   */
  @Test
  void fiveDayReplayWithHourlyFrequencyAndFiveHourPeriod() {
    List<ScheduledRun> runs = SentinelSchedule.runs(FROM, TO, Duration.ofHours(1), Duration.ofHours(5));
    assertEquals(120, runs.size());
    assertEquals(new ScheduledRun(1, Instant.parse("2026-11-20T01:00:00Z"),
        Instant.parse("2026-11-19T20:00:00Z"), Instant.parse("2026-11-20T01:00:00Z")), runs.get(0));
    assertEquals(new ScheduledRun(2, Instant.parse("2026-11-20T02:00:00Z"),
        Instant.parse("2026-11-19T21:00:00Z"), Instant.parse("2026-11-20T02:00:00Z")), runs.get(1));
    assertEquals(new ScheduledRun(5, Instant.parse("2026-11-20T05:00:00Z"),
        Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-20T05:00:00Z")), runs.get(4));
    assertEquals(new ScheduledRun(25, Instant.parse("2026-11-21T01:00:00Z"),
        Instant.parse("2026-11-20T20:00:00Z"), Instant.parse("2026-11-21T01:00:00Z")), runs.get(24));
    assertEquals(new ScheduledRun(120, TO, Instant.parse("2026-11-24T19:00:00Z"), TO), runs.get(119));
    for (int i = 0; i < runs.size(); i++) {
      ScheduledRun r = runs.get(i);
      assertEquals(i + 1, r.index());
      assertEquals(FROM.plus(Duration.ofHours(i + 1)), r.runTime());
      assertEquals(Duration.ofHours(5), Duration.between(r.windowStart(), r.windowEnd()));
    }
  }

  /** Windows overlap: an event is read by period/frequency = 5 consecutive runs. */
  @Test
  void eachEventIsReadByFiveRuns() {
    List<ScheduledRun> runs = SentinelSchedule.runs(FROM, TO, Duration.ofHours(1), Duration.ofHours(5));
    Instant event = Instant.parse("2026-11-22T10:30:00Z");
    List<Integer> covering = runs.stream().filter(r -> r.covers(event)).map(ScheduledRun::index).toList();
    // Runs at 11:00, 12:00, 13:00, 14:00 and 15:00 on day 3 (indexes 59..63).
    assertEquals(List.of(59, 60, 61, 62, 63), covering);
    // An event exactly at a run time belongs to the next runs, not to the one at that instant.
    Instant onTheHour = Instant.parse("2026-11-22T11:00:00Z");
    assertEquals(List.of(60, 61, 62, 63, 64),
        runs.stream().filter(r -> r.covers(onTheHour)).map(ScheduledRun::index).toList());
    // Events in the last 4 hours before FROM are still read by the first runs, as the live rule would.
    assertEquals(List.of(1, 2), runs.stream().filter(r -> r.covers(Instant.parse("2026-11-19T21:30:00Z")))
        .map(ScheduledRun::index).toList());
  }

  @Test
  void partialLastIntervalIsNotRun() {
    Instant to = FROM.plus(Duration.ofMinutes(150));
    assertEquals(2, SentinelSchedule.runs(FROM, to, Duration.ofHours(1), Duration.ofHours(1)).size());
    assertEquals(0, SentinelSchedule.runs(FROM, FROM, Duration.ofHours(1), Duration.ofHours(1)).size());
  }

  @Test
  void invalidArgumentsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> SentinelSchedule.runs(TO, FROM, Duration.ofHours(1), Duration.ofHours(1)));
    assertThrows(IllegalArgumentException.class, () -> SentinelSchedule.runs(FROM, TO, Duration.ZERO, Duration.ofHours(1)));
    assertThrows(IllegalArgumentException.class,
        () -> SentinelSchedule.runs(FROM, FROM.plus(Duration.ofDays(36_500)), Duration.ofMinutes(1), Duration.ofMinutes(5)));
  }
}
