package dev.kqlhunt.ingest.sysmon;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Remembers which name a process resolved to which address (Sysmon EID 22), so that a later
 * outbound connection (EID 3) of the same process to that address without a DestinationHostname can
 * get RemoteUrl = the queried name. Bounded LRU; per input; not thread-safe.
 */
final class DnsAnswers {
  private final Map<String, String> nameByKey;

  DnsAnswers(int capacity) {
    this.nameByKey =
        new LinkedHashMap<>(256, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > capacity;
          }
        };
  }

  void put(String host, String processGuid, String address, String name) {
    if (processGuid != null && address != null && name != null) {
      nameByKey.put(key(host, processGuid, address), name);
    }
  }

  /** The name this process last resolved to {@code address}, or null. */
  String name(String host, String processGuid, String address) {
    return processGuid == null || address == null
        ? null
        : nameByKey.get(key(host, processGuid, address));
  }

  private static String key(String host, String processGuid, String address) {
    return host
        + '|'
        + processGuid.strip().toLowerCase(Locale.ROOT)
        + '|'
        + address.strip().toLowerCase(Locale.ROOT);
  }
}
