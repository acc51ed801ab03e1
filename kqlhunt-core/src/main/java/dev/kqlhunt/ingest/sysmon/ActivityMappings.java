package dev.kqlhunt.ingest.sysmon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The mappings of Sysmon events whose actor is {@code Image}: network (3), image load (7), file
 * (11/23/26), DNS (22) and the DeviceEvents API-call, driver and pipe events (6, 8, 10, 17, 18). An
 * outbound connection without DestinationHostname takes its RemoteUrl from the same process's
 * earlier DNS answer for that address ({@link DnsAnswers}).
 */
final class ActivityMappings {
  private ActivityMappings() {}

  static String network(RowBuilder row, ProcessTracker tracker, DnsAnswers dns, String host) {
    Boolean initiated = SysmonValues.toBool(row.peek("Initiated"));
    boolean inbound = Boolean.FALSE.equals(initiated);
    row.put("ActionType", inbound ? "InboundConnectionAccepted" : "ConnectionSuccess");
    row.use("Initiated");
    // Sysmon's Source is the initiator: for an inbound connection the local side is the
    // destination.
    String local = inbound ? "Destination" : "Source";
    String remote = inbound ? "Source" : "Destination";
    row.text("LocalIP", local + "Ip");
    row.intValue("LocalPort", local + "Port");
    row.text("RemoteIP", remote + "Ip");
    row.intValue("RemotePort", remote + "Port");
    row.put("LocalIPType", IpAddressType.of(row.peek(local + "Ip")));
    row.put("RemoteIPType", IpAddressType.of(row.peek(remote + "Ip")));
    if (!inbound) {
      row.text("RemoteUrl", "DestinationHostname");
      if (!row.has("RemoteUrl")) {
        row.put("RemoteUrl", dns.name(host, row.peek("ProcessGuid"), row.peek("DestinationIp")));
      }
    }
    String protocol = SysmonValues.clean(row.peek("Protocol"));
    if (protocol != null) {
      row.put(
          "Protocol",
          protocol.substring(0, 1).toUpperCase(Locale.ROOT)
              + protocol.substring(1).toLowerCase(Locale.ROOT));
    }
    row.use("Protocol");
    InitiatingProcess.fromActor(row, tracker, host, "Image", "ProcessId", "ProcessGuid", "User");
    return DeviceTables.NETWORK;
  }

  static String imageLoad(RowBuilder row, ProcessTracker tracker, String host) {
    row.put("ActionType", "ImageLoaded");
    row.text("FolderPath", "ImageLoaded");
    row.put("FileName", SysmonValues.baseName(row.peek("ImageLoaded")));
    Hashes.put(row, "Hashes", "");
    InitiatingProcess.fromActor(row, tracker, host, "Image", "ProcessId", "ProcessGuid", "User");
    return DeviceTables.IMAGE_LOAD;
  }

  static String file(RowBuilder row, ProcessTracker tracker, String host) {
    row.put("ActionType", row.event().eventId() == 11 ? "FileCreated" : "FileDeleted");
    row.text("FolderPath", "TargetFilename");
    row.put("FileName", SysmonValues.baseName(row.peek("TargetFilename")));
    Hashes.put(row, "Hashes", "");
    InitiatingProcess.fromActor(row, tracker, host, "Image", "ProcessId", "ProcessGuid", "User");
    return DeviceTables.FILE;
  }

  /** EID 22 → DeviceEvents {@code DnsQueryResponse}, query and answers in AdditionalFields. */
  static String dns(RowBuilder row, ProcessTracker tracker, DnsAnswers dns, String host) {
    row.put("ActionType", "DnsQueryResponse");
    String query = SysmonValues.clean(row.peek("QueryName"));
    row.extra("DnsQueryString", query);
    row.use("QueryName");
    List<Object> answers = dnsAnswers(row.peek("QueryResults"));
    row.extra("DnsQueryResult", answers);
    for (Object address : answers) {
      dns.put(host, SysmonValues.clean(row.peek("ProcessGuid")), (String) address, query);
    }
    InitiatingProcess.fromActor(row, tracker, host, "Image", "ProcessId", "ProcessGuid", "User");
    return DeviceTables.EVENTS;
  }

  /**
   * {@code type: 5 cname.example;::ffff:1.2.3.4;10.0.0.1;} → the addresses; CNAME entries (written
   * as {@code type: N name}) are left out; {@code ::ffff:} mapped IPv4 prefixes are removed.
   */
  static List<Object> dnsAnswers(String queryResults) {
    List<Object> out = new ArrayList<>();
    String raw = SysmonValues.clean(queryResults);
    if (raw == null) {
      return out;
    }
    for (String part : raw.split(";")) {
      String p = part.strip();
      if (p.isEmpty() || p.startsWith("type:")) {
        continue;
      }
      out.add(p.startsWith("::ffff:") ? p.substring(7) : p);
    }
    return out;
  }

  static String driverLoad(RowBuilder row) {
    row.put("ActionType", "DriverLoad");
    row.text("FolderPath", "ImageLoaded");
    row.put("FileName", SysmonValues.baseName(row.peek("ImageLoaded")));
    Hashes.put(row, "Hashes", "");
    return DeviceTables.EVENTS;
  }

  /** EID 8 CreateRemoteThread and EID 10 ProcessAccess: Source* acts on Target*. */
  static String processApiCall(RowBuilder row, ProcessTracker tracker, String host) {
    boolean access = row.event().eventId() == 10;
    row.put("ActionType", access ? "OpenProcessApiCall" : "CreateRemoteThreadApiCall");
    row.text("FolderPath", "TargetImage");
    row.put("FileName", SysmonValues.baseName(row.peek("TargetImage")));
    row.longValue("ProcessId", "TargetProcessId");
    String[] target = SysmonValues.account(row.peek("TargetUser"));
    if (target != null) {
      row.put("AccountDomain", target[0]);
      row.put("AccountName", target[1]);
    }
    row.use("TargetUser");
    ProcessInfo targetInfo = tracker.get(host, guid(row, "TargetProcessGUID", "TargetProcessGuid"));
    if (targetInfo != null) {
      row.put("ProcessCommandLine", targetInfo.commandLine());
      row.put("ProcessCreationTime", targetInfo.creationTime());
    }
    if (access) {
      row.extra("DesiredAccess", SysmonValues.clean(row.peek("GrantedAccess")));
      row.use("GrantedAccess");
    }
    String sourceGuidField =
        row.peek("SourceProcessGUID") != null ? "SourceProcessGUID" : "SourceProcessGuid";
    InitiatingProcess.fromActor(
        row, tracker, host, "SourceImage", "SourceProcessId", sourceGuidField, "SourceUser");
    return DeviceTables.EVENTS;
  }

  /** EID 17/18 → DeviceEvents {@code NamedPipeEvent}. */
  static String pipe(RowBuilder row, ProcessTracker tracker, String host) {
    row.put("ActionType", "NamedPipeEvent");
    row.extra("PipeName", SysmonValues.clean(row.peek("PipeName")));
    row.use("PipeName");
    row.extra("FileOperation", row.event().eventId() == 17 ? "File created" : "File opened");
    InitiatingProcess.fromActor(row, tracker, host, "Image", "ProcessId", "ProcessGuid", "User");
    return DeviceTables.EVENTS;
  }

  private static String guid(RowBuilder row, String a, String b) {
    String v = row.peek(a);
    return v != null ? v : row.peek(b);
  }
}
