package dev.kqlhunt.ingest.sysmon;

import java.time.Instant;

/**
 * Fills the {@code InitiatingProcess*} columns. In Defender the initiating process is the actor:
 * for EID 1 that is the parent (Sysmon's {@code Parent*} fields), for every other event the process
 * Sysmon calls {@code Image}. What the event does not carry comes from the actor's own EID 1 seen
 * earlier in the input ({@link ProcessTracker}); {@code InitiatingProcessParent*} is the actor's
 * parent (the grandparent for EID 1).
 */
final class InitiatingProcess {
  private InitiatingProcess() {}

  /** The actor named by the given fields (e.g. Image, ProcessId, ProcessGuid, User). */
  static void fromActor(
      RowBuilder row,
      ProcessTracker tracker,
      String host,
      String imageField,
      String pidField,
      String guidField,
      String userField) {
    String image = row.peek(imageField);
    row.put("InitiatingProcessFolderPath", SysmonValues.lower(image));
    row.put("InitiatingProcessFileName", SysmonValues.baseName(image));
    row.use(imageField);
    row.longValue("InitiatingProcessId", pidField);
    if (userField != null) {
      account(row, row.peek(userField));
      row.use(userField);
    }
    fromTracked(row, tracker, host, tracker.get(host, row.peek(guidField)));
  }

  /** EID 1: the parent of the created process. */
  static void fromParent(RowBuilder row, ProcessTracker tracker, String host) {
    row.longValue("InitiatingProcessId", "ParentProcessId");
    String image = row.peek("ParentImage");
    row.put("InitiatingProcessFolderPath", SysmonValues.lower(image));
    row.put("InitiatingProcessFileName", SysmonValues.baseName(image));
    row.use("ParentImage");
    row.text("InitiatingProcessCommandLine", "ParentCommandLine");
    account(row, row.peek("ParentUser"));
    row.use("ParentUser");
    fromTracked(row, tracker, host, tracker.get(host, row.peek("ParentProcessGuid")));
  }

  private static void fromTracked(
      RowBuilder row, ProcessTracker tracker, String host, ProcessInfo p) {
    if (p == null) {
      return;
    }
    if (!row.has("InitiatingProcessAccountName")) {
      account(row, p.user());
    }
    if (!row.has("InitiatingProcessCommandLine")) {
      row.put("InitiatingProcessCommandLine", p.commandLine());
    }
    row.put("InitiatingProcessCreationTime", p.creationTime());
    row.put("InitiatingProcessSHA1", p.sha1());
    row.put("InitiatingProcessSHA256", p.sha256());
    row.put("InitiatingProcessMD5", p.md5());
    row.put("InitiatingProcessVersionInfoCompanyName", p.company());
    row.put("InitiatingProcessVersionInfoProductName", p.product());
    row.put("InitiatingProcessVersionInfoProductVersion", p.productVersion());
    row.put("InitiatingProcessVersionInfoOriginalFileName", p.originalFileName());
    row.put("InitiatingProcessVersionInfoFileDescription", p.description());
    row.put("InitiatingProcessIntegrityLevel", p.integrityLevel());
    row.put("InitiatingProcessLogonId", p.logonId());
    row.put("InitiatingProcessSessionId", p.sessionId());
    row.put("InitiatingProcessParentId", p.parentProcessId());
    row.put("InitiatingProcessParentFileName", SysmonValues.baseName(p.parentImage()));
    ProcessInfo parent = tracker.get(host, p.parentGuid());
    Instant parentCreated = parent == null ? null : parent.creationTime();
    row.put("InitiatingProcessParentCreationTime", parentCreated);
  }

  private static void account(RowBuilder row, String user) {
    String[] account = SysmonValues.account(user);
    if (account != null) {
      row.put("InitiatingProcessAccountDomain", account[0]);
      row.put("InitiatingProcessAccountName", account[1]);
    }
  }
}
