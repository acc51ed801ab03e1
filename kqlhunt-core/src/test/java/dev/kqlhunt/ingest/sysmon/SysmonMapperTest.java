package dev.kqlhunt.ingest.sysmon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kqlhunt.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SysmonMapperTest {
  private static final String HOST = "WS1.Corp.Local";

  static SysmonEvent event(int eid, long recordId, String... pairs) {
    Map<String, String> data = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      data.put(pairs[i], pairs[i + 1]);
    }
    return new SysmonEvent(
        eid, SysmonEvent.SYSMON_PROVIDER, SysmonEvent.SYSMON_CHANNEL, HOST, recordId, null, data);
  }

  private static SysmonMapping.Row row(SysmonMapper mapper, SysmonEvent event) {
    return assertInstanceOf(SysmonMapping.Row.class, mapper.map(event));
  }

  private static final SysmonEvent EXPLORER =
      event(
          1,
          10,
          "RuleName",
          "-",
          "UtcTime",
          "2024-01-02 03:04:05.678",
          "ProcessGuid",
          "{AAAAAAAA-0000-0000-0000-000000000001}",
          "ProcessId",
          "4000",
          "Image",
          "C:\\Windows\\explorer.exe",
          "CommandLine",
          "C:\\Windows\\Explorer.EXE",
          "User",
          "CORP\\Alice",
          "LogonId",
          "0x62f2d",
          "TerminalSessionId",
          "1",
          "IntegrityLevel",
          "Medium",
          "Hashes",
          "SHA1=AB12,MD5=CD34,SHA256=EF56,IMPHASH=9999",
          "Company",
          "Microsoft Corporation",
          "Product",
          "Microsoft® Windows® Operating System",
          "FileVersion",
          "10.0.17763.1 (WinBuild.160101.0800)",
          "Description",
          "Windows Explorer",
          "OriginalFileName",
          "EXPLORER.EXE",
          "ParentProcessGuid",
          "{AAAAAAAA-0000-0000-0000-000000000000}",
          "ParentProcessId",
          "600",
          "ParentImage",
          "C:\\Windows\\System32\\userinit.exe");

  private static final SysmonEvent CMD =
      event(
          1,
          11,
          "UtcTime",
          "2024-01-02 03:05:00.000",
          "ProcessGuid",
          "aaaaaaaa-0000-0000-0000-000000000002",
          "ProcessId",
          "5000",
          "Image",
          "C:\\Windows\\System32\\cmd.exe",
          "CommandLine",
          "cmd.exe /c whoami",
          "User",
          "CORP\\Alice",
          "LogonId",
          "0x00000000000003e7",
          "Company",
          "-",
          "OriginalFileName",
          "",
          "ParentProcessGuid",
          "{AAAAAAAA-0000-0000-0000-000000000001}",
          "ParentProcessId",
          "4000",
          "ParentImage",
          "C:\\Windows\\explorer.exe",
          "ParentCommandLine",
          "C:\\Windows\\Explorer.EXE");

  @Test
  void processCreateMapsVersionInfoAccountsAndDerivedColumns() {
    Map<String, Object> v = row(new SysmonMapper(), EXPLORER).values();
    assertEquals(Instant.parse("2024-01-02T03:04:05.678Z"), v.get("Timestamp"));
    assertEquals(v.get("Timestamp"), v.get("ProcessCreationTime"));
    assertEquals("ws1.corp.local", v.get("DeviceName"));
    assertEquals(SysmonValues.deviceId("ws1.corp.local"), v.get("DeviceId"));
    assertEquals(40, ((String) v.get("DeviceId")).length());
    assertEquals(10L, v.get("ReportId"));
    assertEquals("ProcessCreated", v.get("ActionType"));
    assertEquals("explorer.exe", v.get("FileName"));
    assertEquals("C:\\Windows\\explorer.exe", v.get("FolderPath"));
    assertEquals("ab12", v.get("SHA1"));
    assertEquals("cd34", v.get("MD5"));
    assertEquals("ef56", v.get("SHA256"));
    assertEquals("Microsoft Corporation", v.get("ProcessVersionInfoCompanyName"));
    assertEquals("10.0.17763.1", v.get("ProcessVersionInfoProductVersion"));
    assertEquals("EXPLORER.EXE", v.get("ProcessVersionInfoOriginalFileName"));
    assertEquals("Windows Explorer", v.get("ProcessVersionInfoFileDescription"));
    assertEquals(4000L, v.get("ProcessId"));
    assertEquals("corp", v.get("AccountDomain"));
    assertEquals("alice", v.get("AccountName"));
    assertEquals(405293L, v.get("LogonId"));
    assertEquals(1L, v.get("CreatedProcessSessionId"));
    assertEquals(600L, v.get("InitiatingProcessId"));
    assertEquals("c:\\windows\\system32\\userinit.exe", v.get("InitiatingProcessFolderPath"));
    assertEquals("userinit.exe", v.get("InitiatingProcessFileName"));
    Map<?, ?> extra = (Map<?, ?>) Json.parse((String) v.get("AdditionalFields"));
    assertEquals(
        List.of("RuleName", "ProcessGuid", "ParentProcessGuid", "IMPHASH"),
        List.copyOf(extra.keySet()));
    assertEquals("9999", extra.get("IMPHASH"));
  }

  @Test
  void childProcessTakesParentDetailsFromTheParentsProcessCreate() {
    SysmonMapper mapper = new SysmonMapper();
    row(mapper, EXPLORER);
    Map<String, Object> v = row(mapper, CMD).values();
    assertNull(v.get("ProcessVersionInfoCompanyName"), "'-' is no value");
    assertNull(v.get("ProcessVersionInfoOriginalFileName"), "empty is no value");
    assertEquals(999L, v.get("LogonId"));
    assertEquals("C:\\Windows\\Explorer.EXE", v.get("InitiatingProcessCommandLine"));
    assertEquals(Instant.parse("2024-01-02T03:04:05.678Z"), v.get("InitiatingProcessCreationTime"));
    assertEquals("ab12", v.get("InitiatingProcessSHA1"));
    assertEquals("EXPLORER.EXE", v.get("InitiatingProcessVersionInfoOriginalFileName"));
    assertEquals("Medium", v.get("InitiatingProcessIntegrityLevel"));
    assertEquals(405293L, v.get("InitiatingProcessLogonId"));
    assertEquals("corp", v.get("InitiatingProcessAccountDomain"), "from the parent's own EID 1");
    assertEquals(600L, v.get("InitiatingProcessParentId"), "grandparent");
    assertEquals("userinit.exe", v.get("InitiatingProcessParentFileName"));
    assertNull(v.get("InitiatingProcessParentCreationTime"), "grandparent's EID 1 was never seen");
  }

  @Test
  void actingProcessOfOtherEventsIsLookedUpByProcessGuid() {
    SysmonMapper mapper = new SysmonMapper();
    row(mapper, EXPLORER);
    row(mapper, CMD);
    SysmonMapping.Row file =
        row(
            mapper,
            event(
                11,
                12,
                "UtcTime",
                "2024-01-02 03:06:00.000",
                "ProcessGuid",
                "{AAAAAAAA-0000-0000-0000-000000000002}",
                "ProcessId",
                "5000",
                "Image",
                "C:\\Windows\\System32\\cmd.exe",
                "TargetFilename",
                "C:\\Temp\\a.txt",
                "CreationUtcTime",
                "2020-01-01 00:00:00.000"));
    Map<String, Object> v = file.values();
    assertEquals("DeviceFileEvents", file.table());
    assertEquals("FileCreated", v.get("ActionType"));
    assertEquals("a.txt", v.get("FileName"));
    assertEquals("cmd.exe /c whoami", v.get("InitiatingProcessCommandLine"));
    assertEquals("alice", v.get("InitiatingProcessAccountName"), "User absent: from the EID 1");
    assertEquals("explorer.exe", v.get("InitiatingProcessParentFileName"));
    assertEquals(
        Instant.parse("2024-01-02T03:04:05.678Z"), v.get("InitiatingProcessParentCreationTime"));
    assertFalse(v.containsKey("InitiatingProcessLogonId"), "DeviceFileEvents has no such column");
  }

  @Test
  void processLookupIsBoundedAndPerHost() {
    SysmonMapper mapper = new SysmonMapper(1);
    row(mapper, EXPLORER);
    row(mapper, CMD); // evicts explorer
    Map<String, Object> v =
        row(
                mapper,
                event(
                    1,
                    13,
                    "UtcTime",
                    "2024-01-02 03:07:00.000",
                    "ProcessGuid",
                    "{AAAAAAAA-0000-0000-0000-000000000003}",
                    "ParentProcessGuid",
                    "{AAAAAAAA-0000-0000-0000-000000000001}",
                    "Image",
                    "C:\\x.exe"))
            .values();
    assertNull(v.get("InitiatingProcessSHA1"));
    SysmonEvent otherHost =
        new SysmonEvent(
            11,
            SysmonEvent.SYSMON_PROVIDER,
            null,
            "other",
            1L,
            null,
            Map.of(
                "UtcTime",
                "2024-01-02 03:07:00.000",
                "ProcessGuid",
                "{AAAAAAAA-0000-0000-0000-000000000002}"));
    assertNull(row(mapper, otherHost).values().get("InitiatingProcessCommandLine"));
  }

  @Test
  void networkInboundSwapsLocalAndRemote() {
    Map<String, Object> v =
        row(
                new SysmonMapper(),
                event(
                    3,
                    20,
                    "UtcTime",
                    "2024-01-02 03:04:05.000",
                    "Image",
                    "C:\\tomcat9.exe",
                    "ProcessId",
                    "3936",
                    "User",
                    "NT AUTHORITY\\LOCAL SERVICE",
                    "Protocol",
                    "tcp",
                    "Initiated",
                    "false",
                    "SourceIp",
                    "203.0.113.9",
                    "SourcePort",
                    "50452",
                    "DestinationIp",
                    "192.168.2.5",
                    "DestinationPort",
                    "8080",
                    "DestinationHostname",
                    "ws1"))
            .values();
    assertEquals("InboundConnectionAccepted", v.get("ActionType"));
    assertEquals("192.168.2.5", v.get("LocalIP"));
    assertEquals(8080, v.get("LocalPort"));
    assertEquals("203.0.113.9", v.get("RemoteIP"));
    assertEquals(50452, v.get("RemotePort"));
    assertEquals("Public", v.get("RemoteIPType"));
    assertEquals("Private", v.get("LocalIPType"));
    assertEquals("Tcp", v.get("Protocol"));
    assertNull(v.get("RemoteUrl"), "the destination host name of an inbound connection is ours");
    assertEquals("nt authority", v.get("InitiatingProcessAccountDomain"));
    assertEquals("local service", v.get("InitiatingProcessAccountName"));
  }

  @Test
  void networkOutboundKeepsSidesAndUnparsablePortsStayInAdditionalFields() {
    Map<String, Object> v =
        row(
                new SysmonMapper(),
                event(
                    3,
                    21,
                    "UtcTime",
                    "2024-01-02 03:04:05.000",
                    "Protocol",
                    "udp",
                    "Initiated",
                    "true",
                    "SourceIp",
                    "fe80::1",
                    "SourcePort",
                    "x1",
                    "DestinationIp",
                    "::ffff:8.8.8.8",
                    "DestinationPort",
                    "53",
                    "DestinationHostname",
                    "dns.google"))
            .values();
    assertEquals("ConnectionSuccess", v.get("ActionType"));
    assertEquals("LinkLocal", v.get("LocalIPType"));
    assertEquals("FourToSixMapping", v.get("RemoteIPType"));
    assertEquals("dns.google", v.get("RemoteUrl"));
    assertNull(v.get("LocalPort"));
    assertEquals(
        "x1", ((Map<?, ?>) Json.parse((String) v.get("AdditionalFields"))).get("SourcePort"));
  }

  @Test
  void registryEventsExpandHivesSplitValuesAndDecodeDetails() {
    SysmonMapper mapper = new SysmonMapper();
    Map<String, Object> set =
        row(
                mapper,
                event(
                    13,
                    30,
                    "UtcTime",
                    "2024-01-02 03:04:05.000",
                    "EventType",
                    "SetValue",
                    "TargetObject",
                    "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\evil",
                    "Details",
                    "DWORD (0x0000002a)",
                    "Image",
                    "C:\\reg.exe"))
            .values();
    assertEquals("RegistryValueSet", set.get("ActionType"));
    assertEquals(
        "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run",
        set.get("RegistryKey"));
    assertEquals("evil", set.get("RegistryValueName"));
    assertEquals("Dword", set.get("RegistryValueType"));
    assertEquals("42", set.get("RegistryValueData"));
    assertFalse(
        set.containsKey("AdditionalFields"), "DeviceRegistryEvents has no AdditionalFields");

    Map<String, Object> qword =
        row(
                mapper,
                event(
                    13,
                    31,
                    "UtcTime",
                    "2024-01-02 03:04:05.000",
                    "EventType",
                    "SetValue",
                    "TargetObject",
                    "HKU\\S-1-5-21\\x\\v",
                    "Details",
                    "QWORD (0x00000001-0x00000002)"))
            .values();
    assertEquals("Qword", qword.get("RegistryValueType"));
    assertEquals(Long.toString((1L << 32) + 2), qword.get("RegistryValueData"));
    assertEquals("HKEY_USERS\\S-1-5-21\\x", qword.get("RegistryKey"));

    Map<String, Object> created =
        row(
                mapper,
                event(
                    12,
                    32,
                    "UtcTime",
                    "2024-01-02 03:04:05.000",
                    "EventType",
                    "CreateKey",
                    "TargetObject",
                    "HKCR\\CLSID\\{x}"))
            .values();
    assertEquals("RegistryKeyCreated", created.get("ActionType"));
    assertEquals("HKEY_CLASSES_ROOT\\CLSID\\{x}", created.get("RegistryKey"));
    assertNull(created.get("RegistryValueName"));

    Map<String, Object> renamed =
        row(
                mapper,
                event(
                    14,
                    33,
                    "UtcTime",
                    "2024-01-02 03:04:05.000",
                    "EventType",
                    "RenameKey",
                    "TargetObject",
                    "HKLM\\a\\old",
                    "NewName",
                    "HKLM\\a\\new"))
            .values();
    assertEquals("RegistryKeyRenamed", renamed.get("ActionType"));
    assertEquals("HKEY_LOCAL_MACHINE\\a\\old", renamed.get("PreviousRegistryKey"));
    assertEquals("HKEY_LOCAL_MACHINE\\a\\new", renamed.get("RegistryKey"));

    Map<String, Object> binary =
        row(
                mapper,
                event(
                    13,
                    34,
                    "UtcTime",
                    "2024-01-02 03:04:05.000",
                    "EventType",
                    "INFO",
                    "TargetObject",
                    "HKLM\\a\\b",
                    "Details",
                    "Binary Data"))
            .values();
    assertEquals("RegistryValueSet", binary.get("ActionType"), "NXLog's own EventType is ignored");
    assertEquals("Binary", binary.get("RegistryValueType"));
    assertNull(binary.get("RegistryValueData"));
  }

  @Test
  void dnsQueryBecomesDeviceEventsWithQueryAndAnswers() {
    SysmonMapping.Row r =
        row(
            new SysmonMapper(),
            event(
                22,
                40,
                "UtcTime",
                "2024-01-02 03:04:05.000",
                "QueryName",
                "evil.example",
                "QueryStatus",
                "0",
                "QueryResults",
                "type:  5 cdn.example;::ffff:1.2.3.4;10.0.0.1;",
                "Image",
                "C:\\x.exe",
                "ProcessId",
                "1"));
    assertEquals("DeviceEvents", r.table());
    assertEquals("DnsQueryResponse", r.values().get("ActionType"));
    Map<?, ?> extra = (Map<?, ?>) Json.parse((String) r.values().get("AdditionalFields"));
    assertEquals("evil.example", extra.get("DnsQueryString"));
    assertEquals(List.of("1.2.3.4", "10.0.0.1"), extra.get("DnsQueryResult"));
    assertEquals("0", extra.get("QueryStatus"));
  }

  @Test
  void outboundConnectionTakesRemoteUrlFromTheProcessesDnsAnswer() {
    SysmonMapper mapper = new SysmonMapper();
    String guid = "{AAAAAAAA-0000-0000-0000-00000000000D}";
    row(
        mapper,
        event(
            22,
            60,
            "UtcTime",
            "2024-01-02 03:04:05.000",
            "ProcessGuid",
            guid,
            "QueryName",
            "c2.example",
            "QueryResults",
            "::ffff:198.51.100.7;"));
    Map<String, Object> same =
        row(
                mapper,
                event(
                    3,
                    61,
                    "UtcTime",
                    "2024-01-02 03:04:06.000",
                    "ProcessGuid",
                    guid,
                    "Initiated",
                    "true",
                    "DestinationIp",
                    "198.51.100.7",
                    "DestinationHostname",
                    "-"))
            .values();
    assertEquals("c2.example", same.get("RemoteUrl"));
    Map<String, Object> other =
        row(
                mapper,
                event(
                    3,
                    62,
                    "UtcTime",
                    "2024-01-02 03:04:06.000",
                    "ProcessGuid",
                    "{AAAAAAAA-0000-0000-0000-00000000000E}",
                    "Initiated",
                    "true",
                    "DestinationIp",
                    "198.51.100.7"))
            .values();
    assertNull(other.get("RemoteUrl"), "another process's DNS answer is not used");
  }

  @Test
  void imageLoadProcessAccessAndPipes() {
    SysmonMapper mapper = new SysmonMapper();
    SysmonMapping.Row load =
        row(
            mapper,
            event(
                7,
                50,
                "UtcTime",
                "2024-01-02 03:04:05.000",
                "Image",
                "C:\\a.exe",
                "ImageLoaded",
                "C:\\Windows\\System32\\dbghelp.dll",
                "Hashes",
                "SHA256=AA",
                "Company",
                "Microsoft Corporation",
                "Signed",
                "true"));
    assertEquals("DeviceImageLoadEvents", load.table());
    assertEquals("dbghelp.dll", load.values().get("FileName"));
    assertEquals("aa", load.values().get("SHA256"));
    assertNull(
        load.values().get("InitiatingProcessVersionInfoCompanyName"),
        "the DLL's version info is not the loader's");

    SysmonMapping.Row access =
        row(
            mapper,
            event(
                10,
                51,
                "UtcTime",
                "2024-01-02 03:04:05.000",
                "SourceImage",
                "C:\\dumper.exe",
                "SourceProcessId",
                "77",
                "TargetImage",
                "C:\\Windows\\System32\\lsass.exe",
                "TargetProcessId",
                "700",
                "GrantedAccess",
                "0x1010"));
    assertEquals("OpenProcessApiCall", access.values().get("ActionType"));
    assertEquals("lsass.exe", access.values().get("FileName"));
    assertEquals(700L, access.values().get("ProcessId"));
    assertEquals("dumper.exe", access.values().get("InitiatingProcessFileName"));
    assertEquals(77L, access.values().get("InitiatingProcessId"));
    assertEquals(
        "0x1010",
        ((Map<?, ?>) Json.parse((String) access.values().get("AdditionalFields")))
            .get("DesiredAccess"));

    SysmonMapping.Row pipe =
        row(
            mapper,
            event(
                17,
                52,
                "UtcTime",
                "2024-01-02 03:04:05.000",
                "PipeName",
                "\\evil",
                "Image",
                "C:\\a.exe"));
    Map<?, ?> extra = (Map<?, ?>) Json.parse((String) pipe.values().get("AdditionalFields"));
    assertEquals("NamedPipeEvent", pipe.values().get("ActionType"));
    assertEquals("\\evil", extra.get("PipeName"));
    assertEquals("File created", extra.get("FileOperation"));
  }

  @Test
  void eventsWithoutTableAreSkippedWithReasonAndCounted() {
    SysmonMapper mapper = new SysmonMapper();
    SysmonMapping.Skipped s =
        assertInstanceOf(
            SysmonMapping.Skipped.class,
            mapper.map(event(5, 1, "UtcTime", "2024-01-02 03:04:05.000")));
    assertEquals("Sysmon EID 5 (ProcessTerminate) has no Device* table", s.reason());
    mapper.map(event(5, 2, "UtcTime", "2024-01-02 03:04:05.000"));
    mapper.map(
        new SysmonEvent(
            4688, "Microsoft-Windows-Security-Auditing", "Security", "h", 1L, null, Map.of()));
    assertEquals(
        Map.of(
            s.reason(),
            2L,
            "not a Sysmon event (provider Microsoft-Windows-Security-Auditing, EID 4688): no"
                + " Device* mapping",
            1L),
        mapper.skipCounts());
  }

  @Test
  void timestampFallsBackToSystemTimeAndIsRequired() {
    SysmonEvent noUtc =
        new SysmonEvent(
            11,
            SysmonEvent.SYSMON_PROVIDER,
            null,
            "h",
            1L,
            "2024-01-02T03:04:05.1234567Z",
            Map.of("TargetFilename", "C:\\a"));
    assertEquals(
        Instant.parse("2024-01-02T03:04:05.1234567Z"),
        row(new SysmonMapper(), noUtc).values().get("Timestamp"));
    SysmonEvent bad =
        new SysmonEvent(
            11,
            SysmonEvent.SYSMON_PROVIDER,
            null,
            "h",
            1L,
            "2024-01-02T03:04:05Z",
            Map.of("UtcTime", "garbage"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SysmonMapper().map(bad),
        "no fallback for a bad UtcTime");
    SysmonEvent none =
        new SysmonEvent(11, SysmonEvent.SYSMON_PROVIDER, null, "h", 1L, null, Map.of());
    assertThrows(IllegalArgumentException.class, () -> new SysmonMapper().map(none));
  }

  @Test
  void securityLogonsBecomeDeviceLogonEvents() {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("SubjectUserSid", "S-1-0-0");
    data.put("SubjectUserName", "-");
    data.put("TargetUserSid", "S-1-5-21-1-2-3-1104");
    data.put("TargetUserName", "PGustavo");
    data.put("TargetDomainName", "THESHIRE.LOCAL");
    data.put("TargetLogonId", "0xead4335");
    data.put("LogonType", "3");
    data.put("AuthenticationPackageName", "Kerberos");
    data.put("WorkstationName", "-");
    data.put("ProcessId", "0x2f4");
    data.put("ProcessName", "C:\\Windows\\System32\\lsass.exe");
    data.put("IpAddress", "172.18.39.5");
    data.put("IpPort", "56588");
    SysmonMapping.Row r =
        row(
            new SysmonMapper(),
            new SysmonEvent(
                4624,
                LogonMapping.SECURITY_PROVIDER,
                "Security",
                "WS6.theshire.local",
                9L,
                "2020-12-19T07:00:22.238Z",
                data));
    Map<String, Object> v = r.values();
    assertEquals("DeviceLogonEvents", r.table());
    assertEquals("LogonSuccess", v.get("ActionType"));
    assertEquals(Instant.parse("2020-12-19T07:00:22.238Z"), v.get("Timestamp"));
    assertEquals("Network", v.get("LogonType"));
    assertEquals("theshire.local", v.get("AccountDomain"));
    assertEquals("pgustavo", v.get("AccountName"));
    assertEquals("S-1-5-21-1-2-3-1104", v.get("AccountSid"));
    assertEquals(0xead4335L, v.get("LogonId"));
    assertEquals("Kerberos", v.get("Protocol"));
    assertEquals("172.18.39.5", v.get("RemoteIP"));
    assertEquals("Private", v.get("RemoteIPType"));
    assertEquals(56588, v.get("RemotePort"));
    assertEquals(0x2f4L, v.get("InitiatingProcessId"));
    assertEquals("lsass.exe", v.get("InitiatingProcessFileName"));
    assertNull(v.get("InitiatingProcessAccountSid"), "the NULL SID is no account");
    assertNull(v.get("RemoteDeviceName"));
    assertEquals("InvalidUserNameOrPassword", LogonMapping.failureReason("0x0", "0xC000006D"));
    assertEquals("AccountLocked", LogonMapping.failureReason("0xc0000234", "0xc000006e"));
  }
}
