package dev.kqlhunt.hunt;

import dev.kqlhunt.rules.SentinelRule;
import dev.kqlhunt.rules.schedule.ScheduledRun;
import dev.kqlhunt.rules.schedule.SentinelSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * When rules run: at one reference time ({@code --now}), or replayed over [from, to] ({@code --from
 * --to}). Which runs a rule makes ({@link #runs}):
 *
 * <ul>
 *   <li>A hunting query runs once with {@code now()} at the reference time ({@code to} in a replay). It
 *       reads events up to and including that instant (its own {@code between(.. now())} is
 *       inclusive), back to {@code from} in a replay, else {@link #HUNTING_LOOKBACK} (Advanced
 *       Hunting's 30 days of retention); the query's own time filter narrows it further.
 *   <li>A scheduled or NRT rule in a replay runs as {@link SentinelSchedule#forRule} says; at a
 *       reference time it runs once, as its live run at that instant would: over the
 *       {@code queryPeriod} (one minute for NRT) that ends there.
 * </ul>
 *
 * @param from start of the replay, or null for a single reference time
 * @param to the reference time, or the end of the replay
 */
public record HuntWindow(Instant from, Instant to) {
  public static final Duration HUNTING_LOOKBACK = Duration.ofDays(30);
  /** One Kusto tick: the window end is exclusive, so the end instant itself needs one more tick. */
  private static final Duration TICK = Duration.ofNanos(100);

  public HuntWindow {
    Objects.requireNonNull(to, "to is null");
    if (from != null && !from.isBefore(to)) throw new IllegalArgumentException("from must be before to");
  }

  public static HuntWindow at(Instant now) {
    return new HuntWindow(null, now);
  }

  public static HuntWindow replay(Instant from, Instant to) {
    return new HuntWindow(Objects.requireNonNull(from, "from is null"), to);
  }

  /**
   * A time as the command line gives it: any datetime text Kusto's {@code datetime()} accepts
   * ({@code 2026-11-25T12:00:00Z}, {@code 2026-11-25 12:00}, ...; UTC unless it says otherwise).
   *
   * @return the instant, or null when the text is not a datetime
   */
  public static Instant parseTime(String text) {
    long ticks = dev.kqlhunt.value.DateTimeParser.parse(text);
    return ticks == dev.kqlhunt.value.DateTimes.NULL ? null : Ticks.instant(ticks);
  }

  public boolean isReplay() {
    return from != null;
  }

  /**
   * The runs of {@code rule} in this window.
   *
   * @throws IllegalArgumentException for a scheduled rule without frequency or period, or a replay
   *     with more runs than {@link SentinelSchedule#MAX_RUNS}
   */
  public List<ScheduledRun> runs(SentinelRule rule) {
    return switch (rule.kind()) {
      case HUNTING -> List.of(new ScheduledRun(1, to, from != null ? from : to.minus(HUNTING_LOOKBACK), to.plus(TICK)));
      case SCHEDULED, NRT -> {
        if (from != null) yield SentinelSchedule.forRule(rule, from, to);
        Duration period = rule.kind() == dev.kqlhunt.rules.RuleKind.NRT ? SentinelSchedule.NRT_INTERVAL : rule.queryPeriod();
        if (period == null) throw new IllegalArgumentException("scheduled rule without queryPeriod");
        yield List.of(new ScheduledRun(1, to, to.minus(period), to));
      }
    };
  }
}
