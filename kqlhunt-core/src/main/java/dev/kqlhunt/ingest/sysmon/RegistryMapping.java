package dev.kqlhunt.ingest.sysmon;

import java.util.Locale;

/**
 * EID 12/13/14 → DeviceRegistryEvents. Sysmon's abbreviated hives are expanded to Defender's long
 * names; for value events the last path component is the value name; EID 13 {@code Details} gives
 * the value type and data ({@code DWORD (0x00000001)} → Dword, {@code 1}).
 */
final class RegistryMapping {
  private RegistryMapping() {}

  static String map(RowBuilder row, ProcessTracker tracker, String host) {
    String eventType = SysmonValues.clean(row.peek("EventType"));
    String action = actionType(eventType, row.event().eventId());
    row.put("ActionType", action);
    row.use("EventType");
    String target = expandHive(SysmonValues.clean(row.peek("TargetObject")));
    row.use("TargetObject");
    boolean valueEvent = "RegistryValueSet".equals(action) || "RegistryValueDeleted".equals(action);
    if ("RegistryKeyRenamed".equals(action)) {
      row.put("PreviousRegistryKey", target);
      row.put("RegistryKey", expandHive(SysmonValues.clean(row.peek("NewName"))));
      row.use("NewName");
    } else if (valueEvent && target != null) {
      int cut = target.lastIndexOf('\\');
      row.put("RegistryKey", cut < 0 ? target : target.substring(0, cut));
      row.put("RegistryValueName", cut < 0 ? null : target.substring(cut + 1));
    } else {
      row.put("RegistryKey", target);
    }
    details(row);
    InitiatingProcess.fromActor(row, tracker, host, "Image", "ProcessId", "ProcessGuid", "User");
    return DeviceTables.REGISTRY;
  }

  static String actionType(String eventType, int eventId) {
    if (eventType == null) {
      return eventId == 13 ? "RegistryValueSet" : eventId == 14 ? "RegistryKeyRenamed" : null;
    }
    return switch (eventType) {
      case "CreateKey" -> "RegistryKeyCreated";
      case "DeleteKey" -> "RegistryKeyDeleted";
      case "SetValue" -> "RegistryValueSet";
      case "DeleteValue" -> "RegistryValueDeleted";
      case "RenameKey" -> "RegistryKeyRenamed";
      default -> actionType(null, eventId); // not Sysmon's (NXLog's own EventType, say)
    };
  }

  /** {@code HKLM\…} → {@code HKEY_LOCAL_MACHINE\…} and the other hive abbreviations Sysmon uses. */
  static String expandHive(String path) {
    if (path == null) {
      return null;
    }
    int cut = path.indexOf('\\');
    String hive = (cut < 0 ? path : path.substring(0, cut)).toUpperCase(Locale.ROOT);
    String rest = cut < 0 ? "" : path.substring(cut);
    String full =
        switch (hive) {
          case "HKLM" -> "HKEY_LOCAL_MACHINE";
          case "HKU" -> "HKEY_USERS";
          case "HKCR" -> "HKEY_CLASSES_ROOT";
          case "HKCU" -> "HKEY_CURRENT_USER";
          case "HKCC" -> "HKEY_CURRENT_CONFIG";
          default -> null;
        };
    return full == null ? path : full + rest;
  }

  private static void details(RowBuilder row) {
    String details = SysmonValues.clean(row.peek("Details"));
    if (details == null) {
      row.use("Details");
      return;
    }
    row.use("Details");
    if (details.startsWith("DWORD (") && details.endsWith(")")) {
      Long v = SysmonValues.hexOrDecimal(details.substring(7, details.length() - 1));
      row.put("RegistryValueType", "Dword");
      row.put("RegistryValueData", v == null ? details : Long.toString(v));
    } else if (details.startsWith("QWORD (") && details.endsWith(")")) {
      row.put("RegistryValueType", "Qword");
      row.put("RegistryValueData", qword(details.substring(7, details.length() - 1), details));
    } else if (details.equals("Binary Data")) {
      row.put("RegistryValueType", "Binary");
    } else {
      row.put("RegistryValueType", "String");
      row.put("RegistryValueData", details);
    }
  }

  /** Sysmon writes a QWORD as {@code 0xHIGH-0xLOW}. */
  private static String qword(String inner, String raw) {
    int dash = inner.indexOf('-');
    if (dash < 0) {
      Long v = SysmonValues.hexOrDecimal(inner);
      return v == null ? raw : Long.toUnsignedString(v);
    }
    Long high = SysmonValues.hexOrDecimal(inner.substring(0, dash));
    Long low = SysmonValues.hexOrDecimal(inner.substring(dash + 1));
    return high == null || low == null
        ? raw
        : Long.toUnsignedString(high << 32 | (low & 0xffffffffL));
  }
}
