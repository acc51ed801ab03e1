package dev.kqlhunt.ingest.sysmon;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps Sysmon events (and Security 4624/4625 logons) onto the Defender Device* tables, as specified
 * by shared/schemas/sysmon-mapping.md and documented column by column in docs/SYSMON.md.
 *
 * <p>Values are typed for the tables: {@link Instant} for datetime, {@link Long} for long, {@link
 * Integer} for int (ports), {@link String} otherwise; AdditionalFields is a JSON object as a
 * string.
 *
 * <p>Stateful: it remembers process creations (host + ProcessGuid, bounded LRU) to fill the
 * InitiatingProcess* columns of later events, so use one mapper per input, in input order. Events
 * with no table are returned as {@link SysmonMapping.Skipped} and counted in {@link #skipCounts()}.
 * Values that do not convert (a port that is not a number) leave their column null and keep their
 * raw text in AdditionalFields. Not thread-safe.
 */
public final class SysmonMapper {
  /** Enough for every process of a busy host over days; about 1 KiB each. */
  public static final int DEFAULT_PROCESS_CAPACITY = 100_000;

  private final ProcessTracker tracker;
  private final DnsAnswers dns;
  private final Map<String, Long> skipCounts = new TreeMap<>();

  public SysmonMapper() {
    this(DEFAULT_PROCESS_CAPACITY);
  }

  /**
   * @param processCapacity processes (and, separately, DNS answers) remembered for lookups
   */
  public SysmonMapper(int processCapacity) {
    this.tracker = new ProcessTracker(processCapacity);
    this.dns = new DnsAnswers(processCapacity);
  }

  /**
   * Maps one event.
   *
   * @throws IllegalArgumentException when the event has no usable time (an unreadable UtcTime, or
   *     neither UtcTime nor SystemTime): such an event cannot become a row; callers reject it
   */
  public SysmonMapping map(SysmonEvent event) {
    String skip = skipReason(event);
    if (skip != null) {
      skipCounts.merge(skip, 1L, Long::sum);
      return new SysmonMapping.Skipped(skip);
    }
    RowBuilder row = new RowBuilder(event);
    String host = common(row, event);
    String table =
        LogonMapping.applies(event)
            ? LogonMapping.map(row)
            : switch (event.eventId()) {
              case 1 -> ProcessCreateMapping.map(row, tracker, host);
              case 3 -> ActivityMappings.network(row, tracker, dns, host);
              case 6 -> ActivityMappings.driverLoad(row);
              case 7 -> ActivityMappings.imageLoad(row, tracker, host);
              case 8, 10 -> ActivityMappings.processApiCall(row, tracker, host);
              case 11, 23, 26 -> ActivityMappings.file(row, tracker, host);
              case 12, 13, 14 -> RegistryMapping.map(row, tracker, host);
              case 17, 18 -> ActivityMappings.pipe(row, tracker, host);
              case 22 -> ActivityMappings.dns(row, tracker, dns, host);
              default ->
                  throw new IllegalStateException("skipReason admits EID " + event.eventId());
            };
    return new SysmonMapping.Row(table, finish(row, table));
  }

  /** Skipped events so far, by reason. */
  public Map<String, Long> skipCounts() {
    return Map.copyOf(skipCounts);
  }

  /** Timestamp, DeviceName, DeviceId, ReportId; returns the lower-cased host name. */
  private static String common(RowBuilder row, SysmonEvent event) {
    String utcTime = SysmonValues.clean(event.get("UtcTime"));
    Instant time =
        utcTime != null ? SysmonValues.instant(utcTime) : SysmonValues.instant(event.systemTime());
    if (time == null) {
      // A present but unreadable UtcTime is bad data: never silently replaced by a collector's
      // clock.
      throw new IllegalArgumentException(
          utcTime != null
              ? "UtcTime '" + utcTime + "' is not a time"
              : "event " + event.eventId() + " has no UtcTime and no SystemTime");
    }
    row.use("UtcTime");
    row.put("Timestamp", time);
    String host =
        event.computer() == null ? null : event.computer().strip().toLowerCase(Locale.ROOT);
    if (host != null && !host.isEmpty()) {
      row.put("DeviceName", host);
      row.put("DeviceId", SysmonValues.deviceId(host));
    }
    row.put("ReportId", event.recordId());
    return host;
  }

  private static Map<String, Object> finish(RowBuilder row, String table) {
    if (DeviceTables.hasColumn(table, "AdditionalFields")) {
      row.put("AdditionalFields", row.additionalFields());
    }
    row.values().keySet().removeIf(column -> !DeviceTables.hasColumn(table, column));
    return row.values();
  }

  private static String skipReason(SysmonEvent event) {
    if (LogonMapping.applies(event)) {
      return null;
    }
    if (!event.isSysmon()) {
      return "not a Sysmon event (provider "
          + event.provider()
          + ", EID "
          + event.eventId()
          + "): no Device* mapping";
    }
    return switch (event.eventId()) {
      case 1, 3, 6, 7, 8, 10, 11, 12, 13, 14, 17, 18, 22, 23, 26 -> null;
      default ->
          "Sysmon EID "
              + event.eventId()
              + " ("
              + SysmonEventNames.name(event.eventId())
              + ") has no Device* table";
    };
  }
}
