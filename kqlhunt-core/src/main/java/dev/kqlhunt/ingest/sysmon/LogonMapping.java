package dev.kqlhunt.ingest.sysmon;

import java.util.Locale;

/**
 * Windows Security 4624 (logon) and 4625 (failed logon) → DeviceLogonEvents, as the mapping's
 * optional section suggests. Target* is the account that logged on; Subject* and the process are
 * the initiator. FailureReason is an approximation of Defender's vocabulary from the NTSTATUS
 * codes; the raw Status/SubStatus stay in AdditionalFields.
 */
final class LogonMapping {
  static final String SECURITY_PROVIDER = "Microsoft-Windows-Security-Auditing";
  private static final String NULL_SID = "S-1-0-0";

  private LogonMapping() {}

  static boolean applies(SysmonEvent event) {
    return (event.eventId() == 4624 || event.eventId() == 4625)
        && (SECURITY_PROVIDER.equalsIgnoreCase(event.provider())
            || "Security".equalsIgnoreCase(event.channel()));
  }

  static String map(RowBuilder row) {
    boolean success = row.event().eventId() == 4624;
    row.put("ActionType", success ? "LogonSuccess" : "LogonFailed");
    row.put("LogonType", logonType(row.peek("LogonType")));
    row.use("LogonType");
    row.put("AccountDomain", SysmonValues.lower(row.peek("TargetDomainName")));
    row.put("AccountName", SysmonValues.lower(row.peek("TargetUserName")));
    row.put("AccountSid", sid(row.peek("TargetUserSid")));
    row.use("TargetDomainName");
    row.use("TargetUserName");
    row.use("TargetUserSid");
    ProcessCreateMapping.putHex(row, "LogonId", "TargetLogonId");
    row.text("Protocol", "AuthenticationPackageName");
    row.text("RemoteIP", "IpAddress");
    row.put("RemoteIPType", IpAddressType.of(row.peek("IpAddress")));
    row.intValue("RemotePort", "IpPort");
    row.text("RemoteDeviceName", "WorkstationName");
    Long pid = SysmonValues.hexOrDecimal(row.peek("ProcessId"));
    if (pid != null && pid != 0) {
      row.put("InitiatingProcessId", pid);
      row.use("ProcessId");
    }
    String process = row.peek("ProcessName");
    row.put("InitiatingProcessFolderPath", SysmonValues.lower(process));
    row.put("InitiatingProcessFileName", SysmonValues.baseName(process));
    row.use("ProcessName");
    row.put("InitiatingProcessAccountDomain", SysmonValues.lower(row.peek("SubjectDomainName")));
    row.put("InitiatingProcessAccountName", SysmonValues.lower(row.peek("SubjectUserName")));
    row.put("InitiatingProcessAccountSid", sid(row.peek("SubjectUserSid")));
    row.use("SubjectDomainName");
    row.use("SubjectUserName");
    row.use("SubjectUserSid");
    if (!success) {
      row.put("FailureReason", failureReason(row.peek("SubStatus"), row.peek("Status")));
    }
    return DeviceTables.LOGON;
  }

  private static String sid(String value) {
    String v = SysmonValues.clean(value);
    return v == null || v.equals(NULL_SID) ? null : v;
  }

  /** Logon type numbers as Defender names them. */
  static String logonType(String number) {
    Long n = SysmonValues.toLong(number);
    if (n == null) {
      return SysmonValues.clean(number);
    }
    return switch (n.intValue()) {
      case 2 -> "Interactive";
      case 3 -> "Network";
      case 4 -> "Batch";
      case 5 -> "Service";
      case 7 -> "Unlock";
      case 8 -> "NetworkCleartext";
      case 9 -> "NewCredentials";
      case 10 -> "RemoteInteractive";
      case 11 -> "CachedInteractive";
      case 12 -> "CachedRemoteInteractive";
      case 13 -> "CachedUnlock";
      default -> Long.toString(n);
    };
  }

  /** The more specific SubStatus wins unless it is 0; unknown codes are kept as the hex text. */
  static String failureReason(String subStatus, String status) {
    String code = SysmonValues.clean(subStatus);
    if (code == null
        || SysmonValues.hexOrDecimal(code) != null && SysmonValues.hexOrDecimal(code) == 0) {
      code = SysmonValues.clean(status);
    }
    if (code == null) {
      return null;
    }
    return switch (code.strip().toLowerCase(Locale.ROOT)) {
      case "0xc000006a", "0xc0000064", "0xc000006d" -> "InvalidUserNameOrPassword";
      case "0xc0000072" -> "AccountDisabled";
      case "0xc0000234" -> "AccountLocked";
      case "0xc0000193" -> "AccountExpired";
      case "0xc0000071" -> "PasswordExpired";
      case "0xc0000224" -> "PasswordMustChange";
      case "0xc000015b" -> "LogonTypeNotGranted";
      case "0xc000006f", "0xc0000070", "0xc000006e" -> "AccountRestriction";
      default -> code;
    };
  }
}
