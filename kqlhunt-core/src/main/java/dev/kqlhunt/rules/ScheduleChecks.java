package dev.kqlhunt.rules;

import dev.kqlhunt.diag.Diagnostic;
import java.time.Duration;
import java.util.List;

/** The schedule part of {@link RuleValidator}: frequency, period, NRT and suppression limits. */
final class ScheduleChecks {
  private final SentinelRule rule;
  private final List<Diagnostic> out;

  ScheduleChecks(SentinelRule rule, List<Diagnostic> out) {
    this.rule = rule;
    this.out = out;
  }

  void check() {
    switch (rule.kind()) {
      case SCHEDULED -> checkScheduled();
      case NRT -> checkNrt();
      case HUNTING -> { }
    }
    checkSuppression();
  }

  private void checkScheduled() {
    Duration frequency = rule.queryFrequency();
    Duration period = rule.queryPeriod();
    boolean frequencyOk = inRange("queryFrequency", frequency);
    boolean periodOk = inRange("queryPeriod", period);
    if (frequencyOk && periodOk && frequency.compareTo(period) > 0) {
      out.add(Diagnostic.error(RuleErrors.FREQUENCY_ABOVE_PERIOD, rule.origin().span("queryFrequency"),
          Durations.format(frequency), Durations.format(period)));
    }
  }

  /** Reports a missing or out-of-range duration; true when it is usable. */
  private boolean inRange(String field, Duration value) {
    if (value == null) {
      // A value that failed to parse was reported by the loader already.
      if (!rule.origin().spans().containsKey(field)) {
        out.add(Diagnostic.error(RuleErrors.MISSING_SCHEDULE, rule.origin().span("kind"), field));
      }
      return false;
    }
    if (value.compareTo(RuleValidator.MIN_SCHEDULE) < 0 || value.compareTo(RuleValidator.MAX_SCHEDULE) > 0) {
      out.add(Diagnostic.error(RuleErrors.DURATION_OUT_OF_RANGE, rule.origin().span(field), field,
          Durations.format(value), Durations.format(RuleValidator.MIN_SCHEDULE), Durations.format(RuleValidator.MAX_SCHEDULE)));
      return false;
    }
    return true;
  }

  private void checkNrt() {
    for (String field : List.of("queryFrequency", "queryPeriod")) {
      if (rule.origin().spans().containsKey(field)) {
        out.add(Diagnostic.warning(RuleErrors.NRT_WITH_SCHEDULE, rule.origin().span(field), field));
      }
    }
  }

  private void checkSuppression() {
    Duration d = rule.suppressionDuration();
    if (!rule.suppressionEnabled() || d == null) return;
    if (d.compareTo(RuleValidator.MIN_SUPPRESSION) < 0 || d.compareTo(RuleValidator.MAX_SUPPRESSION) > 0) {
      out.add(Diagnostic.error(RuleErrors.INVALID_SUPPRESSION, rule.origin().span("suppressionDuration"), Durations.format(d)));
    }
  }
}
