package dev.kqlhunt.rules.alerts;

import dev.kqlhunt.rules.RuleSeverity;
import dev.kqlhunt.rules.schedule.ScheduledRun;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One alert (or, for a hunting query, one finding) raised by one run of a rule.
 *
 * @param id stable: the same rule, run and evidence always give the same id (a name-based UUID)
 * @param severity the rule's, or the row's when {@code alertSeverityColumnName} overrides it; may be
 *     null for a hunting query without severity
 * @param summary true for the alert that stands for all rows of a run when an alert-per-result rule
 *     returned more rows than Sentinel's cap (the 150th alert)
 * @param evidence the result rows the alert is about
 */
public record Alert(
    String id,
    String ruleId,
    String ruleName,
    RuleSeverity severity,
    List<String> tactics,
    List<String> techniques,
    ScheduledRun run,
    String displayName,
    String description,
    List<Entity> entities,
    Map<String, List<String>> customDetails,
    boolean summary,
    ResultTable evidence) {

  public Alert {
    Objects.requireNonNull(id, "id is null");
    Objects.requireNonNull(ruleId, "ruleId is null");
    Objects.requireNonNull(ruleName, "ruleName is null");
    tactics = List.copyOf(tactics);
    techniques = List.copyOf(techniques);
    Objects.requireNonNull(run, "run is null");
    Objects.requireNonNull(displayName, "displayName is null");
    entities = List.copyOf(entities);
    customDetails = Collections.unmodifiableMap(new LinkedHashMap<>(customDetails));
    Objects.requireNonNull(evidence, "evidence is null");
  }
}
