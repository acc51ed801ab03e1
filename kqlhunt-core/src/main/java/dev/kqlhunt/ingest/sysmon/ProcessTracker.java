package dev.kqlhunt.ingest.sysmon;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Remembers the EID 1 facts of recent processes, keyed by host + ProcessGuid, within one input.
 * Memory is bounded: beyond {@code capacity} entries the least recently used is forgotten, so a
 * process whose creation fell out (or happened before logging began) simply yields nulls. Not
 * thread-safe.
 */
final class ProcessTracker {
  private final Map<String, ProcessInfo> byKey;

  ProcessTracker(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity < 1: " + capacity);
    }
    this.byKey =
        new LinkedHashMap<>(256, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, ProcessInfo> eldest) {
            return size() > capacity;
          }
        };
  }

  void put(String host, ProcessInfo info) {
    String key = key(host, info.guid());
    if (key != null) {
      byKey.put(key, info);
    }
  }

  /** The process's EID 1 facts, or null when unknown. */
  ProcessInfo get(String host, String guid) {
    String key = key(host, guid);
    return key == null ? null : byKey.get(key);
  }

  int size() {
    return byKey.size();
  }

  /** GUIDs come with or without braces and in either case depending on the format. */
  private static String key(String host, String guid) {
    String g = SysmonValues.clean(guid);
    if (g == null) {
      return null;
    }
    g = g.strip();
    if (g.startsWith("{") && g.endsWith("}")) {
      g = g.substring(1, g.length() - 1);
    }
    if (g.equals("00000000-0000-0000-0000-000000000000")) {
      return null;
    }
    return (host == null ? "" : host) + '|' + g.toLowerCase(Locale.ROOT);
  }
}
