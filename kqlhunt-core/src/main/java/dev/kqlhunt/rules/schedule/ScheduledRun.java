package dev.kqlhunt.rules.schedule;

import java.time.Instant;
import java.util.Objects;

/**
 * One run of a rule: it executes at {@code runTime} (its {@code now()}) over events with a time in
 * {@code [windowStart, windowEnd)}. {@code index} counts runs from 1 in time order.
 */
public record ScheduledRun(int index, Instant runTime, Instant windowStart, Instant windowEnd) {
  public ScheduledRun {
    Objects.requireNonNull(runTime, "runTime is null");
    Objects.requireNonNull(windowStart, "windowStart is null");
    Objects.requireNonNull(windowEnd, "windowEnd is null");
    if (index < 1) throw new IllegalArgumentException("index < 1: " + index);
    if (windowEnd.isBefore(windowStart)) throw new IllegalArgumentException("window ends before it starts");
  }

  /** True when an event at {@code t} falls in this run's window. */
  public boolean covers(Instant t) {
    return !t.isBefore(windowStart) && t.isBefore(windowEnd);
  }
}
