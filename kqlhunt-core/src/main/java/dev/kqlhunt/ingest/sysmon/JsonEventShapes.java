package dev.kqlhunt.ingest.sysmon;

import dev.kqlhunt.json.Json;
import dev.kqlhunt.json.JsonException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recognises the JSON shapes that carry Windows events and turns one parsed object into a {@link
 * SysmonEvent}. Shapes, tried in this order:
 *
 * <ol>
 *   <li>{@code evtx_dump}: {@code {"Event":{"System":{...},"EventData":{...}}}} (attributes under
 *       {@code #attributes}, text under {@code #text});
 *   <li>Winlogbeat 7+/8: {@code winlog.event_id}, {@code winlog.computer_name}, {@code
 *       winlog.event_data};
 *   <li>Winlogbeat 6: top-level {@code event_data}, {@code event_id}, {@code computer_name}, {@code
 *       source_name}, {@code log_name}, {@code record_number};
 *   <li>Sentinel {@code WindowsEvent}: {@code EventData} as an object or a JSON string, {@code
 *       EventID}, {@code Computer}, {@code Provider}, {@code Channel};
 *   <li>NXLog flat: {@code EventID} plus EventData fields as top-level keys next to NXLog's own
 *       keys ({@link #NXLOG_KEYS}).
 * </ol>
 *
 * Collector timestamps ({@code @timestamp}, {@code TimeCreated} of NXLog, {@code TimeGenerated})
 * become {@link SysmonEvent#systemTime()}, which the mapper uses only for events without a Sysmon
 * UtcTime (Security logons): they were observed hours off in real data, and UtcTime is
 * authoritative.
 */
final class JsonEventShapes {
  /**
   * NXLog's own keys; every other top-level key of an NXLog record is an EventData field. NXLog's
   * {@code EventType} (INFO, AUDIT_SUCCESS...) is deliberately not listed: Sysmon registry events
   * have an EventData field of that name, which must win (the registry mapping ignores NXLog's).
   */
  static final Set<String> NXLOG_KEYS =
      Set.of(
          "EventTime",
          "Hostname",
          "Keywords",
          "SeverityValue",
          "Severity",
          "EventID",
          "SourceName",
          "ProviderGuid",
          "Version",
          "Task",
          "OpcodeValue",
          "RecordNumber",
          "ActivityID",
          "RelatedActivityID",
          "ThreadID",
          "ExecutionProcessID",
          "Channel",
          "Domain",
          "AccountName",
          "UserID",
          "AccountType",
          "Category",
          "Opcode",
          "EventReceivedTime",
          "SourceModuleName",
          "SourceModuleType",
          "Message",
          "Level",
          "TimeCreated",
          "@timestamp",
          "@version",
          "host",
          "port",
          "tags",
          "ERROR_EVT_UNRESOLVED");

  private JsonEventShapes() {}

  static SysmonEvent convert(Object parsed) {
    if (!(parsed instanceof Map<?, ?> raw)) {
      throw new BadEventException(
          SysmonCode.NOT_AN_EVENT, "a JSON " + kind(parsed) + ", not an object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) raw;
    if (m.get("Event") instanceof Map<?, ?> event) {
      return evtxDump(cast(event));
    }
    if (m.get("winlog") instanceof Map<?, ?> winlog) {
      return winlogbeat7(cast(winlog), EventFieldText.text(m.get("@timestamp")));
    }
    if (m.get("event_data") instanceof Map<?, ?>
        || m.containsKey("event_id") && m.containsKey("computer_name")) {
      return winlogbeat6(m);
    }
    if (m.containsKey("EventData") && m.containsKey("EventID")) {
      return windowsEvent(m);
    }
    if (m.containsKey("EventID")) {
      return nxlog(m);
    }
    throw new BadEventException(SysmonCode.UNKNOWN_JSON_SHAPE, String.join(",", m.keySet()));
  }

  private static SysmonEvent evtxDump(Map<String, Object> event) {
    if (!(event.get("System") instanceof Map<?, ?> s)) {
      throw new BadEventException(SysmonCode.NOT_AN_EVENT, "Event without System");
    }
    Map<String, Object> system = cast(s);
    Map<String, String> data = new LinkedHashMap<>();
    if (event.get("EventData") instanceof Map<?, ?> eventData) {
      putEventData(cast(eventData), data);
    }
    if (event.get("UserData") instanceof Map<?, ?> userData) {
      for (Object payload : userData.values()) {
        if (payload instanceof Map<?, ?> p) {
          putEventData(cast(p), data);
        }
      }
    }
    return new SysmonEvent(
        EventFieldText.parseEventId(EventFieldText.text(system.get("EventID"))),
        attribute(system.get("Provider"), "Name"),
        EventFieldText.text(system.get("Channel")),
        EventFieldText.text(system.get("Computer")),
        EventFieldText.parseRecordId(EventFieldText.text(system.get("EventRecordID"))),
        attribute(system.get("TimeCreated"), "SystemTime"),
        data);
  }

  /** evtx_dump writes unnamed Data as {@code "Data": {"#text": [..]}}; named Data as plain keys. */
  private static void putEventData(Map<String, Object> eventData, Map<String, String> out) {
    for (Map.Entry<String, Object> e : eventData.entrySet()) {
      if (e.getKey().equals("#attributes")) {
        continue;
      }
      Object v = e.getValue();
      if (e.getKey().equals("Data")
          && v instanceof Map<?, ?> m
          && m.get("#text") instanceof List<?> items) {
        for (int i = 0; i < items.size(); i++) {
          out.put("Data" + (i + 1), EventFieldText.text(items.get(i)));
        }
      } else {
        out.put(e.getKey(), EventFieldText.text(v));
      }
    }
  }

  private static String attribute(Object element, String name) {
    if (element instanceof Map<?, ?> m && m.get("#attributes") instanceof Map<?, ?> attributes) {
      return EventFieldText.text(attributes.get(name));
    }
    return null;
  }

  private static SysmonEvent winlogbeat7(Map<String, Object> w, String collectorTime) {
    return new SysmonEvent(
        EventFieldText.parseEventId(EventFieldText.text(w.get("event_id"))),
        EventFieldText.text(w.get("provider_name")),
        EventFieldText.text(w.get("channel")),
        EventFieldText.text(w.get("computer_name")),
        EventFieldText.parseRecordId(EventFieldText.text(w.get("record_id"))),
        collectorTime,
        dataOf(w.get("event_data")));
  }

  private static SysmonEvent winlogbeat6(Map<String, Object> m) {
    return new SysmonEvent(
        EventFieldText.parseEventId(EventFieldText.text(m.get("event_id"))),
        EventFieldText.text(m.get("source_name")),
        EventFieldText.text(m.get("log_name")),
        EventFieldText.text(m.get("computer_name")),
        EventFieldText.parseRecordId(EventFieldText.text(m.get("record_number"))),
        EventFieldText.text(m.get("@timestamp")),
        dataOf(m.get("event_data")));
  }

  private static SysmonEvent windowsEvent(Map<String, Object> m) {
    Object eventData = m.get("EventData");
    if (eventData instanceof String s && !s.isBlank()) {
      if (s.stripLeading().startsWith("<")) {
        throw new BadEventException(SysmonCode.UNSUPPORTED_SHAPE, "EventData given as XML text");
      }
      try {
        eventData = Json.parse(s);
      } catch (JsonException e) {
        throw new BadEventException(
            SysmonCode.NOT_AN_EVENT, "EventData string is not JSON: " + e.getMessage());
      }
    }
    return new SysmonEvent(
        EventFieldText.parseEventId(EventFieldText.text(m.get("EventID"))),
        EventFieldText.text(m.get("Provider")),
        EventFieldText.text(m.get("Channel")),
        EventFieldText.text(m.get("Computer")),
        EventFieldText.parseRecordId(EventFieldText.text(m.get("EventRecordId"))),
        firstText(m, "TimeCreated", "TimeGenerated"),
        dataOf(eventData));
  }

  private static SysmonEvent nxlog(Map<String, Object> m) {
    Map<String, String> data = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      if (!NXLOG_KEYS.contains(e.getKey())) {
        data.put(e.getKey(), EventFieldText.text(e.getValue()));
      }
    }
    return new SysmonEvent(
        EventFieldText.parseEventId(EventFieldText.text(m.get("EventID"))),
        EventFieldText.text(m.get("SourceName")),
        EventFieldText.text(m.get("Channel")),
        EventFieldText.text(m.get("Hostname")),
        EventFieldText.parseRecordId(EventFieldText.text(m.get("RecordNumber"))),
        firstText(m, "TimeCreated", "@timestamp"),
        data);
  }

  private static String firstText(Map<String, Object> m, String a, String b) {
    String v = EventFieldText.text(m.get(a));
    return v != null ? v : EventFieldText.text(m.get(b));
  }

  private static Map<String, String> dataOf(Object eventData) {
    Map<String, String> data = new LinkedHashMap<>();
    if (eventData instanceof Map<?, ?> map) {
      putEventData(cast(map), data);
    }
    return data;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  private static String kind(Object v) {
    return switch (v) {
      case null -> "null";
      case List<?> l -> "array";
      case String s -> "string";
      default -> v.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
