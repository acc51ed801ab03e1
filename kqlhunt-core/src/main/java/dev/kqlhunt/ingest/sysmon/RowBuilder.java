package dev.kqlhunt.ingest.sysmon;

import dev.kqlhunt.json.Json;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Builds one Device* row from one event. Every EventData field that lands in a column is marked
 * used; the fields left over become the row's AdditionalFields, so nothing Sysmon logged is lost. A
 * field whose value does not convert (a port that is not a number) stays unused, and so its raw
 * text survives in AdditionalFields. Null values are never stored (a missing key reads as null).
 */
final class RowBuilder {
  private final SysmonEvent event;
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Set<String> used = new HashSet<>();
  private final Map<String, Object> extra = new LinkedHashMap<>();

  RowBuilder(SysmonEvent event) {
    this.event = event;
  }

  SysmonEvent event() {
    return event;
  }

  /** The raw field value without marking it used. */
  String peek(String field) {
    return event.get(field);
  }

  /** Marks a field as carried by a column (or deliberately dropped). */
  void use(String field) {
    used.add(field);
  }

  void put(String column, Object value) {
    if (value != null) {
      values.put(column, value);
    }
  }

  /** Copies a text field ({@code -} and empty become null). */
  void text(String column, String field) {
    String v = SysmonValues.clean(event.get(field));
    if (v != null) {
      values.put(column, v);
    }
    used.add(field);
  }

  void longValue(String column, String field) {
    Long v = SysmonValues.toLong(event.get(field));
    if (v != null) {
      values.put(column, v);
      used.add(field);
    } else if (SysmonValues.clean(event.get(field)) == null) {
      used.add(field);
    }
  }

  void intValue(String column, String field) {
    Integer v = SysmonValues.toInt(event.get(field));
    if (v != null) {
      values.put(column, v);
      used.add(field);
    } else if (SysmonValues.clean(event.get(field)) == null) {
      used.add(field);
    }
  }

  /** An AdditionalFields entry that is not a raw Sysmon field (a renamed or derived one). */
  void extra(String key, Object value) {
    if (value != null) {
      extra.put(key, value);
    }
  }

  boolean has(String column) {
    return values.containsKey(column);
  }

  Object get(String column) {
    return values.get(column);
  }

  /** Unused fields (document order) then the extras, as a JSON object text; null when empty. */
  String additionalFields() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : event.data().entrySet()) {
      if (!used.contains(e.getKey()) && e.getValue() != null) {
        out.put(e.getKey(), e.getValue());
      }
    }
    out.putAll(extra);
    return out.isEmpty() ? null : Json.write(out);
  }

  Map<String, Object> values() {
    return values;
  }
}
