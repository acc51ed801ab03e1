package dev.kqlhunt.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The structured parts of a {@link SentinelRule}, as records. Constructors validate and copy. */
public final class RuleParts {
  private RuleParts() {}

  /** A {@code requiredDataConnectors} entry: the connector and the tables ({@code dataTypes}) it fills. */
  public record DataConnector(String connectorId, List<String> dataTypes) {
    public DataConnector {
      Objects.requireNonNull(connectorId, "connectorId is null");
      dataTypes = List.copyOf(dataTypes);
    }
  }

  /** One column of the result mapped to an entity identifier, e.g. {@code HostName <- DeviceName}. */
  public record FieldMapping(String identifier, String columnName) {
    public FieldMapping {
      Objects.requireNonNull(identifier, "identifier is null");
      Objects.requireNonNull(columnName, "columnName is null");
    }
  }

  /** An entity (Host, Account, IP, ...) built from result columns for each alert. */
  public record EntityMapping(String entityType, List<FieldMapping> fieldMappings) {
    public EntityMapping {
      Objects.requireNonNull(entityType, "entityType is null");
      fieldMappings = List.copyOf(fieldMappings);
    }
  }

  /** Whether a run raises one alert for all its rows or one per row (Sentinel caps the latter at 150). */
  public enum AggregationKind {
    SINGLE_ALERT("SingleAlert"),
    ALERT_PER_RESULT("AlertPerResult");

    /** Sentinel raises at most this many alerts from one run of an AlertPerResult rule. */
    public static final int MAX_ALERTS_PER_RUN = 150;

    private final String sentinelName;

    AggregationKind(String sentinelName) {
      this.sentinelName = sentinelName;
    }

    public String sentinelName() {
      return sentinelName;
    }

    public static AggregationKind parse(String name) {
      for (AggregationKind k : values()) {
        if (k.sentinelName.equalsIgnoreCase(name.trim())) return k;
      }
      return null;
    }
  }

  /** {@code eventGroupingSettings}. */
  public record EventGroupingSettings(AggregationKind aggregationKind) {
    public EventGroupingSettings {
      Objects.requireNonNull(aggregationKind, "aggregationKind is null");
    }
  }

  /**
   * {@code alertDetailsOverride}: alert name/description templates with {@code {{Column}}} references,
   * and columns that override tactics and severity per row. Fields are null when absent.
   */
  public record AlertDetailsOverride(
      String alertDisplayNameFormat,
      String alertDescriptionFormat,
      String alertTacticsColumnName,
      String alertSeverityColumnName,
      Map<String, Object> other) {
    public AlertDetailsOverride {
      other = Collections.unmodifiableMap(new LinkedHashMap<>(other));
    }
  }
}
