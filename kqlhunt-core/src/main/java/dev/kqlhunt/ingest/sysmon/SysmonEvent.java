package dev.kqlhunt.ingest.sysmon;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One Windows event as every Sysmon input format carries it, independent of the format: the System
 * fields the mapping needs and the EventData name → value pairs (all values as text, the way
 * Windows renders them; JSON numbers are turned into their decimal text).
 *
 * @param eventId System/EventID
 * @param provider System/Provider/@Name (or the collector's equivalent), may be null
 * @param channel System/Channel, may be null
 * @param computer System/Computer (Winlogbeat {@code computer_name}), may be null
 * @param recordId System/EventRecordID, or null when the format does not carry it (NXLog flat)
 * @param systemTime System/TimeCreated/@SystemTime (XML, EVTX, evtx_dump) or, for collector
 *     formats, the collector's time (NXLog TimeCreated, Winlogbeat @timestamp, WindowsEvent
 *     TimeGenerated), may be null; used only for events without a Sysmon UtcTime, because collector
 *     clocks were seen hours off (see docs/SYSMON.md)
 * @param data EventData (or the flattened UserData) in document order; unmodifiable
 */
public record SysmonEvent(
    int eventId,
    String provider,
    String channel,
    String computer,
    Long recordId,
    String systemTime,
    Map<String, String> data) {
  public static final String SYSMON_PROVIDER = "Microsoft-Windows-Sysmon";
  public static final String SYSMON_CHANNEL = "Microsoft-Windows-Sysmon/Operational";

  public SysmonEvent {
    Objects.requireNonNull(data, "data is null");
    data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  /** The EventData value, or null. */
  public String get(String name) {
    return data.get(name);
  }

  /** True for events of the Sysmon provider or channel. */
  public boolean isSysmon() {
    return SYSMON_PROVIDER.equalsIgnoreCase(provider) || SYSMON_CHANNEL.equalsIgnoreCase(channel);
  }
}
