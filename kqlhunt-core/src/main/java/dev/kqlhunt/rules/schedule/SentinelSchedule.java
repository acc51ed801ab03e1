package dev.kqlhunt.rules.schedule;

import dev.kqlhunt.rules.SentinelRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Sentinel's schedule as a pure function: which runs a rule makes when replayed over {@code [from, to]}.
 *
 * <p>Model (documented choice): the rule is enabled at {@code from}; a scheduled rule then runs every
 * {@code queryFrequency}, at {@code from + k * frequency} for k = 1, 2, ... while the run time is
 * {@code <= to}, and each run reads the {@code queryPeriod} that ends at its run time:
 * {@code [runTime - period, runTime)}. Windows are not clipped to {@code from}: a run near the start
 * reads events before {@code from}, exactly as the live rule would. When the period is longer than
 * the frequency, windows overlap and one event is read by {@code ceil(period / frequency)} runs, so it
 * can raise an alert in each (Sentinel does the same; suppression or alert grouping dedupe, later).
 * Sentinel's own ingestion-delay allowance (a few minutes) is not modelled: replayed data is complete.
 *
 * <p>NRT rules are modelled as 1-minute runs over the last minute. A hunting query runs once at
 * {@code to} over {@code [from, to)}.
 */
public final class SentinelSchedule {
  /** Guard against a replay that would enumerate absurdly many runs (e.g. 5m over 100 years). */
  public static final int MAX_RUNS = 1_000_000;
  public static final Duration NRT_INTERVAL = Duration.ofMinutes(1);

  private SentinelSchedule() {}

  /** The runs of a scheduled rule with the given frequency and period, replayed over [from, to]. */
  public static List<ScheduledRun> runs(Instant from, Instant to, Duration frequency, Duration period) {
    Objects.requireNonNull(from, "from is null");
    Objects.requireNonNull(to, "to is null");
    if (frequency.isNegative() || frequency.isZero()) throw new IllegalArgumentException("frequency must be positive");
    if (period.isNegative() || period.isZero()) throw new IllegalArgumentException("period must be positive");
    if (to.isBefore(from)) throw new IllegalArgumentException("to is before from");
    long count = Duration.between(from, to).dividedBy(frequency);
    if (count > MAX_RUNS) throw new IllegalArgumentException(count + " runs exceed the limit of " + MAX_RUNS);
    List<ScheduledRun> runs = new ArrayList<>((int) count);
    for (int k = 1; k <= count; k++) {
      Instant runTime = from.plus(frequency.multipliedBy(k));
      runs.add(new ScheduledRun(k, runTime, runTime.minus(period), runTime));
    }
    return runs;
  }

  /** The runs of {@code rule} over [from, to] according to its kind (see the class comment). */
  public static List<ScheduledRun> forRule(SentinelRule rule, Instant from, Instant to) {
    return switch (rule.kind()) {
      case SCHEDULED -> runs(from, to, require(rule.queryFrequency(), "queryFrequency"),
          require(rule.queryPeriod(), "queryPeriod"));
      case NRT -> runs(from, to, NRT_INTERVAL, NRT_INTERVAL);
      case HUNTING -> List.of(new ScheduledRun(1, to, from, to));
    };
  }

  private static Duration require(Duration d, String field) {
    if (d == null) throw new IllegalArgumentException("scheduled rule without " + field);
    return d;
  }
}
