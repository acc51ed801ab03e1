package dev.kqlhunt.ingest.sysmon;

import java.util.Map;

/** EID 1 ProcessCreate → DeviceProcessEvents (ActionType {@code ProcessCreated}). */
final class ProcessCreateMapping {
  private ProcessCreateMapping() {}

  static String map(RowBuilder row, ProcessTracker tracker, String host) {
    row.put("ActionType", "ProcessCreated");
    row.text("FolderPath", "Image");
    row.put("FileName", SysmonValues.baseName(row.peek("Image")));
    Hashes.put(row, "Hashes", "");
    row.text("ProcessVersionInfoCompanyName", "Company");
    row.text("ProcessVersionInfoProductName", "Product");
    row.put(
        "ProcessVersionInfoProductVersion", SysmonValues.productVersion(row.peek("FileVersion")));
    row.use("FileVersion");
    row.text("ProcessVersionInfoOriginalFileName", "OriginalFileName");
    row.text("ProcessVersionInfoFileDescription", "Description");
    row.longValue("ProcessId", "ProcessId");
    row.text("ProcessCommandLine", "CommandLine");
    row.text("ProcessIntegrityLevel", "IntegrityLevel");
    row.put("ProcessCreationTime", row.get("Timestamp"));
    String[] account = SysmonValues.account(row.peek("User"));
    if (account != null) {
      row.put("AccountDomain", account[0]);
      row.put("AccountName", account[1]);
    }
    row.use("User");
    putHex(row, "LogonId", "LogonId");
    row.longValue("CreatedProcessSessionId", "TerminalSessionId");
    InitiatingProcess.fromParent(row, tracker, host);
    tracker.put(host, remember(row));
    return DeviceTables.PROCESS;
  }

  static void putHex(RowBuilder row, String column, String field) {
    Long v = SysmonValues.hexOrDecimal(row.peek(field));
    if (v != null || SysmonValues.clean(row.peek(field)) == null) {
      row.put(column, v);
      row.use(field);
    }
  }

  private static ProcessInfo remember(RowBuilder row) {
    SysmonEvent e = row.event();
    Map<String, String> hashes = SysmonValues.hashes(e.get("Hashes"));
    return new ProcessInfo(
        e.get("ProcessGuid"),
        (java.time.Instant) row.get("Timestamp"),
        (Long) row.get("ProcessId"),
        SysmonValues.clean(e.get("Image")),
        SysmonValues.clean(e.get("CommandLine")),
        e.get("User"),
        SysmonValues.clean(e.get("IntegrityLevel")),
        SysmonValues.hexOrDecimal(e.get("LogonId")),
        SysmonValues.toLong(e.get("TerminalSessionId")),
        hashes.get("SHA1"),
        hashes.get("SHA256"),
        hashes.get("MD5"),
        SysmonValues.clean(e.get("Company")),
        SysmonValues.clean(e.get("Product")),
        SysmonValues.productVersion(e.get("FileVersion")),
        SysmonValues.clean(e.get("OriginalFileName")),
        SysmonValues.clean(e.get("Description")),
        SysmonValues.toLong(e.get("ParentProcessId")),
        SysmonValues.clean(e.get("ParentImage")),
        e.get("ParentProcessGuid"));
  }
}
