package dev.kqlhunt.rules.alerts;

import dev.kqlhunt.rules.RuleKind;
import dev.kqlhunt.rules.RuleParts.AggregationKind;
import dev.kqlhunt.rules.RuleParts.AlertDetailsOverride;
import dev.kqlhunt.rules.RuleSeverity;
import dev.kqlhunt.rules.SentinelRule;
import dev.kqlhunt.rules.Tactic;
import dev.kqlhunt.rules.schedule.ScheduledRun;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one run's result into alerts the way Sentinel does (Sentinel docs, "Create a scheduled analytics
 * rule"):
 * <ul>
 *   <li>The run fires when its row count passes {@code triggerOperator}/{@code triggerThreshold}
 *       (default {@code gt 0}).
 *   <li>{@code SingleAlert} (the default): one alert with all rows as evidence.
 *   <li>{@code AlertPerResult}: one alert per row, at most 150 per run; with more rows, the first 149
 *       rows get their own alert and the 150th alert summarises all rows.
 *   <li>Hunting queries have no trigger: every result row is a finding of its own, uncapped.
 *   <li>{@code alertDisplayNameFormat}/{@code alertDescriptionFormat} replace {@code {{Column}}} with the
 *       value in the alert's first evidence row; {@code alertSeverityColumnName} and
 *       {@code alertTacticsColumnName} override from that row when the value is valid.
 * </ul>
 * Stateless; suppression across runs is {@link AlertReplay}'s job.
 */
public final class AlertBuilder {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

  private AlertBuilder() {}

  /** True when a run that returned {@code rows} rows raises alerts. */
  public static boolean fires(SentinelRule rule, int rows) {
    if (rule.kind() == RuleKind.HUNTING) return rows > 0;
    return rule.effectiveTriggerOperator().fires(rows, rule.effectiveTriggerThreshold());
  }

  public static List<Alert> alerts(SentinelRule rule, ScheduledRun run, ResultTable result) {
    if (!fires(rule, result.size())) return List.of();
    List<Alert> out = new ArrayList<>();
    if (rule.kind() == RuleKind.HUNTING) {
      for (int r = 0; r < result.size(); r++) out.add(alert(rule, run, result, r, r + 1, false));
      return out;
    }
    if (rule.effectiveAggregation() == AggregationKind.SINGLE_ALERT) {
      return List.of(alert(rule, run, result, 0, result.size(), false));
    }
    int cap = AggregationKind.MAX_ALERTS_PER_RUN;
    if (result.size() <= cap) {
      for (int r = 0; r < result.size(); r++) out.add(alert(rule, run, result, r, r + 1, false));
      return out;
    }
    for (int r = 0; r < cap - 1; r++) out.add(alert(rule, run, result, r, r + 1, false));
    out.add(alert(rule, run, result, 0, result.size(), true));
    return out;
  }

  private static Alert alert(SentinelRule rule, ScheduledRun run, ResultTable result, int from, int to, boolean summary) {
    ResultTable evidence = from == 0 && to == result.size() ? result
        : new ResultTable(result.columns(), result.rows().subList(from, to));
    AlertDetailsOverride o = rule.alertDetailsOverride();
    String name = o != null && o.alertDisplayNameFormat() != null ? fill(o.alertDisplayNameFormat(), evidence) : rule.name();
    String description = o != null && o.alertDescriptionFormat() != null
        ? fill(o.alertDescriptionFormat(), evidence) : rule.description();
    return new Alert(id(rule, run, evidence, summary), rule.id(), rule.name(), severity(rule, evidence),
        tactics(rule, evidence), rule.relevantTechniques(), run, name, description,
        EntityExtractor.entities(rule, evidence, 0, evidence.size()), customDetails(rule, evidence), summary, evidence);
  }

  private static String fill(String template, ResultTable evidence) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object v = evidence.size() == 0 ? null : evidence.value(0, m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "" : v.toString()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static RuleSeverity severity(SentinelRule rule, ResultTable evidence) {
    AlertDetailsOverride o = rule.alertDetailsOverride();
    if (o == null || o.alertSeverityColumnName() == null || evidence.size() == 0) return rule.severity();
    Object v = evidence.value(0, o.alertSeverityColumnName());
    RuleSeverity s = v == null ? null : RuleSeverity.fromSentinelName(v.toString());
    return s == null ? rule.severity() : s;
  }

  private static List<String> tactics(SentinelRule rule, ResultTable evidence) {
    AlertDetailsOverride o = rule.alertDetailsOverride();
    if (o == null || o.alertTacticsColumnName() == null || evidence.size() == 0) return rule.tactics();
    Object v = evidence.value(0, o.alertTacticsColumnName());
    if (v == null) return rule.tactics();
    List<String> out = new ArrayList<>();
    for (String t : v.toString().split(",")) {
      if (Tactic.exact(t.trim()).isPresent()) out.add(t.trim());
    }
    return out.isEmpty() ? rule.tactics() : out;
  }

  private static Map<String, List<String>> customDetails(SentinelRule rule, ResultTable evidence) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> d : rule.customDetails().entrySet()) {
      LinkedHashSet<String> values = new LinkedHashSet<>();
      for (int r = 0; r < evidence.size(); r++) {
        Object v = evidence.value(r, d.getValue());
        if (v != null) values.add(v.toString());
      }
      out.put(d.getKey(), List.copyOf(values));
    }
    return out;
  }

  /** Name-based UUID of rule, run time, kind and evidence: reruns of a replay give the same ids. */
  private static String id(SentinelRule rule, ScheduledRun run, ResultTable evidence, boolean summary) {
    String key = rule.id() + "|" + run.runTime() + "|" + run.windowStart() + "|" + summary + "|" + evidence.rows();
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
