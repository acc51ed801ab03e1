package dev.kqlhunt.store;

import dev.kqlhunt.ingest.SchemaLookup;
import dev.kqlhunt.symbols.SchemaRegistry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shared helpers of the store tests. */
final class StoreFixtures {
  private StoreFixtures() {}

  /** The built-in Defender schemas as a lookup. */
  static SchemaLookup defender() {
    return SchemaRegistry.builtIn()::table;
  }

  /** A typed DeviceProcessEvents row, as TypingSink hands it on. */
  static Map<String, Object> processRow(Instant time, String device, String file, String cmd, long pid) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Timestamp", time);
    m.put("DeviceName", device);
    m.put("FileName", file);
    m.put("ProcessCommandLine", cmd);
    m.put("ProcessId", pid);
    return m;
  }
}
