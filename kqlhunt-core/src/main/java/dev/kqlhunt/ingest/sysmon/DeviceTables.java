package dev.kqlhunt.ingest.sysmon;

import java.util.Map;
import java.util.Set;

/**
 * The Device* tables the mapping writes, and the few columns the mapper could fill that a table
 * does not have (checked against shared/schemas by SysmonMapperSchemaTest).
 */
final class DeviceTables {
  static final String PROCESS = "DeviceProcessEvents";
  static final String NETWORK = "DeviceNetworkEvents";
  static final String FILE = "DeviceFileEvents";
  static final String REGISTRY = "DeviceRegistryEvents";
  static final String IMAGE_LOAD = "DeviceImageLoadEvents";
  static final String EVENTS = "DeviceEvents";
  static final String LOGON = "DeviceLogonEvents";

  private static final Map<String, Set<String>> ABSENT =
      Map.of(
          PROCESS, Set.of(),
          NETWORK, Set.of("InitiatingProcessLogonId"),
          FILE, Set.of("InitiatingProcessLogonId"),
          REGISTRY, Set.of("InitiatingProcessLogonId", "AdditionalFields"),
          IMAGE_LOAD, Set.of("InitiatingProcessLogonId", "AdditionalFields"),
          EVENTS, Set.of("InitiatingProcessIntegrityLevel", "InitiatingProcessTokenElevation"),
          LOGON, Set.of("InitiatingProcessLogonId"));

  private DeviceTables() {}

  static boolean hasColumn(String table, String column) {
    return !ABSENT.get(table).contains(column);
  }
}
