package dev.kqlhunt.ingest.sysmon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.ingest.CollectingSink;
import dev.kqlhunt.ingest.IngestCode;
import dev.kqlhunt.ingest.InputSource;
import dev.kqlhunt.ingest.ReadOptions;
import dev.kqlhunt.ingest.Reject;
import dev.kqlhunt.ingest.SchemaLookup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SysmonJsonReaderTest {
  private static final String NXLOG =
      "{\"SourceName\":\"Microsoft-Windows-Sysmon\",\"Channel\":\"Microsoft-Windows-Sysmon/Operational\","
          + "\"Hostname\":\"WS1.corp\",\"EventID\":1,\"TimeCreated\":\"2020-01-01T00:00:00Z\",\"Message\":\"x\",\"RuleName\":\"-\",\"UtcTime\":\"2020-12-19"
          + " 12:00:00.000\",\"ProcessId\":\"42\",\"Image\":\"C:\\\\a.exe\",\"Company\":\"ACME\"}";
  private static final String WINLOGBEAT6 =
      "{\"@timestamp\":\"2019-05-18T20:36:46.254Z\",\"event_id\":3,\"computer_name\":\"HFDC01.shire.com\","
          + "\"source_name\":\"Microsoft-Windows-Sysmon\",\"log_name\":\"Microsoft-Windows-Sysmon/Operational\","
          + "\"record_number\":\"5402080\",\"host\":{\"name\":\"WECserver\"},\"event_data\":{\"UtcTime\":\"2019-05-18"
          + " 20:35:52.569\",\"Initiated\":\"true\",\"DestinationPort\":\"5985\",\"Protocol\":\"tcp\"}}";
  private static final String WINLOGBEAT7 =
      "{\"@timestamp\":\"2021-01-01T00:00:00Z\",\"winlog\":{\"event_id\":\"11\",\"computer_name\":\"ws2\","
          + "\"provider_name\":\"Microsoft-Windows-Sysmon\",\"channel\":\"Microsoft-Windows-Sysmon/Operational\",\"record_id\":77,\"event_data\":{\"UtcTime\":\"2021-01-01"
          + " 01:02:03.004\",\"TargetFilename\":\"C:\\\\f.txt\"}}}";
  private static final String WINDOWS_EVENT_STRING =
      "{\"Provider\":\"Microsoft-Windows-Sysmon\",\"Channel\":\"Microsoft-Windows-Sysmon/Operational\","
          + "\"Computer\":\"WORKSTATION5\",\"EventID\":12,\"TimeGenerated\":\"2022-05-13T08:54:06.347Z\","
          + "\"EventData\":\"{\\\"UtcTime\\\":\\\"2022-05-13T08:54:05.1230000Z\\\",\\\"EventType\\\":\\\"CreateKey\\\","
          + "\\\"TargetObject\\\":\\\"HKLM\\\\\\\\SOFTWARE\\\"}\"}";
  private static final String WINDOWS_EVENT_OBJECT =
      "{\"Provider\":\"Microsoft-Windows-Sysmon\",\"Computer\":\"W6\",\"EventID\":22,"
          + "\"EventData\":{\"UtcTime\":\"2022-05-13T08:54:05.1230000Z\",\"QueryName\":\"a.example\"}}";

  static CollectingSink read(String text) throws IOException {
    CollectingSink sink = new CollectingSink();
    long read =
        new SysmonJsonReader()
            .read(
                InputSource.ofBytes("t.json", text.getBytes(StandardCharsets.UTF_8)),
                ReadOptions.defaults(SchemaLookup.NONE),
                sink);
    assertEquals(
        read,
        sink.rows().size() + sink.rejects().size() + sink.skipped().size(),
        "counts reconcile");
    return sink;
  }

  @Test
  void jsonLinesOfEveryShape() throws IOException {
    CollectingSink sink =
        read(
            String.join(
                    "\n",
                    NXLOG,
                    WINLOGBEAT6,
                    "",
                    WINLOGBEAT7,
                    WINDOWS_EVENT_STRING,
                    WINDOWS_EVENT_OBJECT)
                + "\n");
    assertEquals(List.of(), sink.rejects());
    List<CollectingSink.Row> rows = sink.rows();
    assertEquals(
        List.of(
            "DeviceProcessEvents",
            "DeviceNetworkEvents",
            "DeviceFileEvents",
            "DeviceRegistryEvents",
            "DeviceEvents"),
        rows.stream().map(CollectingSink.Row::table).toList());
    Map<String, Object> nxlog = rows.get(0).values();
    assertEquals("ws1.corp", nxlog.get("DeviceName"));
    assertEquals("ACME", nxlog.get("ProcessVersionInfoCompanyName"));
    assertEquals(
        Instant.parse("2020-12-19T12:00:00Z"), nxlog.get("Timestamp"), "UtcTime, not TimeCreated");
    assertFalse(
        ((String) nxlog.get("AdditionalFields")).contains("Message"),
        "NXLog's own keys are not EventData");
    assertEquals(1, rows.get(0).origin().line());
    Map<String, Object> wlb6 = rows.get(1).values();
    assertEquals("hfdc01.shire.com", wlb6.get("DeviceName"), "computer_name, not host.name");
    assertEquals(5402080L, wlb6.get("ReportId"));
    assertEquals(5985, wlb6.get("RemotePort"));
    assertEquals(
        4, rows.get(2).origin().line(), "blank line 3 is not a record but still counts as a line");
    assertEquals(77L, rows.get(2).values().get("ReportId"));
    assertEquals("HKEY_LOCAL_MACHINE\\SOFTWARE", rows.get(3).values().get("RegistryKey"));
    assertEquals(Instant.parse("2022-05-13T08:54:05.123Z"), rows.get(3).values().get("Timestamp"));
    assertTrue(
        ((String) rows.get(4).values().get("AdditionalFields"))
            .contains("\"DnsQueryString\":\"a.example\""));
  }

  @Test
  void badLinesAreRejectedWithTheirLineAndTheRestIsKept() throws IOException {
    CollectingSink sink =
        read(
            NXLOG
                + "\n{\"EventID\":1,\"broken\n[1,2]\n{\"foo\":1}\n"
                + "{\"EventID\":\"x\",\"SourceName\":\"Microsoft-Windows-Sysmon\"}\n"
                + NXLOG.replace("2020-12-19 12:00:00.000", "bad")
                + "\n"
                + NXLOG);
    assertEquals(2, sink.rows().size());
    List<Reject> rejects = sink.rejects();
    assertEquals(
        List.of(2L, 3L, 4L, 5L, 6L), rejects.stream().map(r -> r.origin().line()).toList());
    assertEquals(IngestCode.MALFORMED_JSON, rejects.get(0).code());
    assertEquals(SysmonCode.NOT_AN_EVENT, rejects.get(1).code());
    assertEquals(SysmonCode.UNKNOWN_JSON_SHAPE, rejects.get(2).code());
    assertEquals(SysmonCode.NOT_AN_EVENT, rejects.get(3).code());
    assertEquals(SysmonCode.BAD_EVENT_VALUE, rejects.get(4).code());
    assertTrue(rejects.get(0).raw().startsWith("{\"EventID\":1"), "the raw line is kept");
    assertEquals(7, sink.rows().get(1).origin().line());
  }

  private static final String DUMP_1 =
      """
      {
        "Event": {
          "#attributes": {"xmlns": "http://schemas.microsoft.com/win/2004/08/events/event"},
          "System": {
            "Provider": {"#attributes": {"Name": "Microsoft-Windows-Sysmon"}},
            "EventID": 1,
            "TimeCreated": {"#attributes": {"SystemTime": "2025-11-27T07:40:10.165324Z"}},
            "EventRecordID": 571146,
            "Channel": "Microsoft-Windows-Sysmon/Operational",
            "Computer": "swachchhanda"
          },
          "EventData": {"UtcTime": "2025-11-27 07:40:10.132", "ProcessId": 4460, "Image": "C:\\\\x {y}.exe",
            "CommandLine": "a \\"}\\" b"}
        }
      }
      """;
  private static final String DUMP_2 =
      """
      {"Event": {"System": {"Provider": {"#attributes": {"Name": "Microsoft-Windows-Security-Auditing"}},
        "EventID": {"#attributes": {"Qualifiers": 0}, "#text": 4701}, "Computer": "dc"},
        "EventData": {"Data": {"#text": ["a", "b"]}}}}
      """;

  @Test
  void evtxDumpConcatenatedPrettyObjects() throws IOException {
    CollectingSink sink = read(DUMP_1 + DUMP_2);
    assertEquals(List.of(), sink.rejects());
    assertEquals(1, sink.rows().size());
    Map<String, Object> v = sink.rows().get(0).values();
    assertEquals(4460L, v.get("ProcessId"), "JSON numbers become text then long");
    assertEquals("x {y}.exe", v.get("FileName"));
    assertEquals("a \"}\" b", v.get("ProcessCommandLine"));
    assertEquals(571146L, v.get("ReportId"));
    assertEquals(1, sink.rows().get(0).origin().line());
    assertEquals(1, sink.skipped().size());
    assertEquals(16, sink.skipped().get(0).origin().line());
    assertTrue(sink.skipped().get(0).reason().contains("EID 4701"));
  }

  @Test
  void evtxDumpArrayStrayTextAndTruncation() throws IOException {
    CollectingSink array = read("[" + DUMP_1 + "," + DUMP_1 + "]");
    assertEquals(2, array.rows().size());
    CollectingSink broken = read(DUMP_1 + "garbage\n" + DUMP_1.substring(0, 60));
    assertEquals(1, broken.rows().size());
    assertEquals(
        List.of(IngestCode.MALFORMED_JSON, IngestCode.TRUNCATED_INPUT),
        broken.rejects().stream().map(Reject::code).toList());
    assertEquals(16, broken.rejects().get(0).origin().line());
    assertEquals(17, broken.rejects().get(1).origin().line());
  }

  @Test
  void jsonLinesDetection() {
    assertTrue(
        SysmonJsonReader.isJsonLines("{\"a\":1}\n{\"b\":2}".getBytes(StandardCharsets.UTF_8)));
    assertTrue(
        SysmonJsonReader.isJsonLines("\n  {\"a\":1}  \r\n".getBytes(StandardCharsets.UTF_8)));
    assertFalse(
        SysmonJsonReader.isJsonLines("{\n  \"a\": 1\n}\n".getBytes(StandardCharsets.UTF_8)));
    assertFalse(SysmonJsonReader.isJsonLines("[{\"a\":1}]".getBytes(StandardCharsets.UTF_8)));
  }
}
