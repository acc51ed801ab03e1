package dev.kqlhunt.report;

import dev.kqlhunt.rules.RuleSeverity;
import dev.kqlhunt.rules.alerts.Alert;
import dev.kqlhunt.rules.alerts.Entity;
import dev.kqlhunt.rules.alerts.ResultTable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One finding as the output formats show it: an {@link Alert} plus what the formats derive from its
 * evidence once, so that every format agrees.
 *
 * @param firstSeen earliest event time of the evidence ({@link #timeRange}); null when it has none
 * @param lastSeen latest event time of the evidence; null when it has none
 * @param host the host the finding is about ({@link #hostOf}); null when no Host entity was mapped
 */
public record Finding(Alert alert, Instant firstSeen, Instant lastSeen, HostKey host) {
  public Finding {
    Objects.requireNonNull(alert, "alert is null");
  }

  /** A host by the identifiers Defender gives it; either may be null, not both. */
  public record HostKey(String deviceId, String deviceName) {
    public HostKey {
      if (deviceId == null && deviceName == null) throw new IllegalArgumentException("a host needs an id or a name");
    }

    /** The name when known, else the id: what a person reads. */
    public String label() {
      return deviceName != null ? deviceName : deviceId;
    }
  }

  public static Finding of(Alert alert) {
    Instant[] range = timeRange(alert.evidence());
    return new Finding(alert, range[0], range[1], hostOf(alert.entities()));
  }

  public String id() {
    return alert.id();
  }

  /** The severity's Sentinel name, or "Informational" for a hunting query that declares none. */
  public String severityName() {
    RuleSeverity s = alert.severity();
    return s == null ? RuleSeverity.INFORMATIONAL.sentinelName() : s.sentinelName();
  }

  /**
   * The evidence's time range. Columns named {@code FirstSeen}/{@code LastSeen} (the summarised shape
   * of hunting queries like the seed) win; otherwise the range of all datetime values in time columns
   * ({@code Timestamp}, {@code TimeGenerated}, {@code StartTime}, {@code EndTime}); otherwise of every
   * datetime value in the rows.
   */
  static Instant[] timeRange(ResultTable evidence) {
    Instant[] seen = range(evidence, List.of("FirstSeen", "LastSeen"));
    if (seen[0] != null) return seen;
    Instant[] times = range(evidence, List.of("Timestamp", "TimeGenerated", "StartTime", "EndTime"));
    if (times[0] != null) return times;
    return range(evidence, evidence.columns());
  }

  private static Instant[] range(ResultTable t, List<String> columns) {
    Instant min = null;
    Instant max = null;
    for (String c : columns) {
      int i = t.columns().indexOf(c);
      if (i < 0) continue;
      for (List<Object> row : t.rows()) {
        if (!(row.get(i) instanceof Instant v)) continue;
        if (min == null || v.isBefore(min)) min = v;
        if (max == null || v.isAfter(max)) max = v;
      }
    }
    return new Instant[] {min, max};
  }

  /** The first Host entity's DeviceId ({@code MdatpDeviceId}) and name ({@code HostName}/{@code FullName}). */
  static HostKey hostOf(List<Entity> entities) {
    for (Entity e : entities) {
      if (!e.type().equals("Host")) continue;
      Map<String, String> ids = e.identifiers();
      String id = ids.getOrDefault("MdatpDeviceId", ids.get("AzureID"));
      String name = ids.getOrDefault("HostName", ids.getOrDefault("FullName", ids.get("NetBiosName")));
      if (id != null || name != null) return new HostKey(id, name);
    }
    return null;
  }
}
