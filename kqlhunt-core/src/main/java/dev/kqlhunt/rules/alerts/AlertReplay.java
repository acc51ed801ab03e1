package dev.kqlhunt.rules.alerts;

import dev.kqlhunt.rules.SentinelRule;
import dev.kqlhunt.rules.schedule.ScheduledRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Replays a rule's runs in time order, raising alerts per run ({@link AlertBuilder}) and applying
 * Sentinel's suppression: with {@code suppressionEnabled}, after a run raises an alert the rule stops
 * running for {@code suppressionDuration}; runs whose time falls before the end of that pause are
 * skipped, not executed.
 */
public final class AlertReplay {
  /** Executes one run of the rule's compiled query over the run's window. */
  @FunctionalInterface
  public interface RunExecutor {
    ResultTable execute(ScheduledRun run);
  }

  /** Alerts in run order, and the runs suppression skipped. */
  public record Outcome(List<Alert> alerts, List<ScheduledRun> executed, List<ScheduledRun> suppressed) {
    public Outcome {
      alerts = List.copyOf(alerts);
      executed = List.copyOf(executed);
      suppressed = List.copyOf(suppressed);
    }
  }

  private AlertReplay() {}

  public static Outcome replay(SentinelRule rule, List<ScheduledRun> runs, RunExecutor executor) {
    Objects.requireNonNull(executor, "executor is null");
    Duration pause = rule.suppressionEnabled() ? rule.suppressionDuration() : null;
    List<Alert> alerts = new ArrayList<>();
    List<ScheduledRun> executed = new ArrayList<>();
    List<ScheduledRun> suppressed = new ArrayList<>();
    Instant resumeAt = Instant.MIN;
    for (ScheduledRun run : runs) {
      if (run.runTime().isBefore(resumeAt)) {
        suppressed.add(run);
        continue;
      }
      executed.add(run);
      List<Alert> raised = AlertBuilder.alerts(rule, run, executor.execute(run));
      alerts.addAll(raised);
      if (!raised.isEmpty() && pause != null) resumeAt = run.runTime().plus(pause);
    }
    return new Outcome(alerts, executed, suppressed);
  }
}
