package dev.kqlhunt.rules.hunt;

import dev.kqlhunt.rules.FileDiagnostic;
import dev.kqlhunt.rules.SentinelRule;
import dev.kqlhunt.rules.alerts.Alert;
import dev.kqlhunt.rules.exclusions.Exclusion;
import dev.kqlhunt.rules.schedule.ScheduledRun;
import java.util.List;
import java.util.Objects;

/**
 * Everything one rule's hunt or replay produced, for the output formats.
 *
 * @param alerts alerts (findings for a hunting query) in run order
 * @param suppressed runs skipped by the rule's suppression
 * @param audit per exclusion in force: how many rows of its table it removed over the whole span read
 * @param expired exclusions that selected the rule but had expired, so did not apply
 * @param diagnostics compile problems and "required table has no data" warnings, each in its file
 */
public record HuntReport(
    SentinelRule rule,
    List<Alert> alerts,
    List<ScheduledRun> executed,
    List<ScheduledRun> suppressed,
    List<ExclusionCount> audit,
    List<Exclusion> expired,
    List<FileDiagnostic> diagnostics) {

  public HuntReport {
    Objects.requireNonNull(rule, "rule is null");
    alerts = List.copyOf(alerts);
    executed = List.copyOf(executed);
    suppressed = List.copyOf(suppressed);
    audit = List.copyOf(audit);
    expired = List.copyOf(expired);
    diagnostics = List.copyOf(diagnostics);
  }

  /** The audit trail entry of one exclusion: a tuned-out true positive must be visible to someone. */
  public record ExclusionCount(Exclusion exclusion, String table, long removed) {
    public ExclusionCount {
      Objects.requireNonNull(exclusion, "exclusion is null");
      Objects.requireNonNull(table, "table is null");
    }
  }
}
