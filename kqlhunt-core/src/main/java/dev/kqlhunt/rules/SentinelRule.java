package dev.kqlhunt.rules;

import dev.kqlhunt.rules.RuleParts.AlertDetailsOverride;
import dev.kqlhunt.rules.RuleParts.DataConnector;
import dev.kqlhunt.rules.RuleParts.EntityMapping;
import dev.kqlhunt.rules.RuleParts.EventGroupingSettings;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A Sentinel rule as its YAML file states it: an analytics rule (Scheduled or NRT) or a hunting query.
 *
 * <p>Absent optional fields are {@code null} (scalars) or empty (collections); {@code id}, {@code name}
 * and {@code query} are always present (the loader refuses a file without them). Values are as written
 * except where a type is needed: durations are parsed, enums resolved. Tactics and techniques stay
 * strings so that a misspelt one is kept and reported by {@link RuleValidator}, not dropped. Fields the
 * model does not know are kept in {@code extra}, in file order.
 *
 * @param kind SCHEDULED or NRT as declared; HUNTING for files without {@code kind}
 * @param triggerThreshold null when absent (Sentinel's default is 0 with {@code gt})
 * @param incidentConfiguration the {@code incidentConfiguration} tree as plain values, or null
 */
public record SentinelRule(
    String id,
    String name,
    String description,
    RuleSeverity severity,
    List<DataConnector> requiredDataConnectors,
    Duration queryFrequency,
    Duration queryPeriod,
    TriggerOperator triggerOperator,
    Integer triggerThreshold,
    List<String> tactics,
    List<String> relevantTechniques,
    EmbeddedQuery query,
    List<EntityMapping> entityMappings,
    Map<String, String> customDetails,
    AlertDetailsOverride alertDetailsOverride,
    EventGroupingSettings eventGroupingSettings,
    Map<String, Object> incidentConfiguration,
    boolean suppressionEnabled,
    Duration suppressionDuration,
    String version,
    RuleKind kind,
    String status,
    Map<String, Object> extra,
    RuleOrigin origin) {

  public SentinelRule {
    Objects.requireNonNull(id, "id is null");
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(query, "query is null");
    Objects.requireNonNull(kind, "kind is null");
    Objects.requireNonNull(origin, "origin is null");
    requiredDataConnectors = List.copyOf(requiredDataConnectors);
    tactics = List.copyOf(tactics);
    relevantTechniques = List.copyOf(relevantTechniques);
    entityMappings = List.copyOf(entityMappings);
    customDetails = Collections.unmodifiableMap(new LinkedHashMap<>(customDetails));
    if (incidentConfiguration != null) {
      incidentConfiguration = Collections.unmodifiableMap(new LinkedHashMap<>(incidentConfiguration));
    }
    extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  /**
   * The tables the rule declares it needs ({@code requiredDataConnectors[].dataTypes}), in order, without
   * duplicates. At run time a required table with no rows in the window is reported ("ensure this data
   * connector is enabled") rather than silently finding nothing.
   */
  public Set<String> requiredTables() {
    Set<String> tables = new LinkedHashSet<>();
    for (DataConnector c : requiredDataConnectors) tables.addAll(c.dataTypes());
    return Collections.unmodifiableSet(tables);
  }

  public boolean isScheduled() {
    return kind == RuleKind.SCHEDULED;
  }

  /** Trigger operator with Sentinel's default ({@code gt}) applied. */
  public TriggerOperator effectiveTriggerOperator() {
    return triggerOperator == null ? TriggerOperator.GT : triggerOperator;
  }

  /** Trigger threshold with Sentinel's default (0) applied. */
  public int effectiveTriggerThreshold() {
    return triggerThreshold == null ? 0 : triggerThreshold;
  }

  /** Grouping with Sentinel's default (one alert per run) applied. */
  public RuleParts.AggregationKind effectiveAggregation() {
    return eventGroupingSettings == null
        ? RuleParts.AggregationKind.SINGLE_ALERT
        : eventGroupingSettings.aggregationKind();
  }
}
