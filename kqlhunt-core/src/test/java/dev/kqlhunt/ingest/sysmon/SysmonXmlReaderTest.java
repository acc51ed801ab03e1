package dev.kqlhunt.ingest.sysmon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.ingest.CollectingSink;
import dev.kqlhunt.ingest.InputSource;
import dev.kqlhunt.ingest.ReadOptions;
import dev.kqlhunt.ingest.SchemaLookup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SysmonXmlReaderTest {
  private static final String EVENT =
      """
      <Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/><EventID>1</EventID><Version>5</Version><TimeCreated SystemTime='2019-07-19T14:41:13.563512800Z'/><EventRecordID>%d</EventRecordID><Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>PC01.example.corp</Computer><Security UserID='S-1-5-18'/></System><EventData><Data Name='RuleName'></Data><Data Name='UtcTime'>2019-07-19 14:41:13.562</Data><Data Name='Image'>C:\\Windows\\System32\\cmd.exe</Data><Data Name='CommandLine'>cmd /c "echo &amp; &lt;x&gt;"</Data><Data Name='Company'>Microsoft Corporation</Data></EventData></Event>
      """;

  static CollectingSink read(String text) throws IOException {
    CollectingSink sink = new CollectingSink();
    long read =
        new SysmonXmlReader()
            .read(
                InputSource.ofBytes("t.xml", text.getBytes(StandardCharsets.UTF_8)),
                ReadOptions.defaults(SchemaLookup.NONE),
                sink);
    assertEquals(
        read,
        sink.rows().size() + sink.rejects().size() + sink.skipped().size(),
        "counts reconcile");
    return sink;
  }

  @Test
  void wevtutilOutputHasNoRootElement() throws IOException {
    CollectingSink sink = read(EVENT.formatted(1) + EVENT.formatted(2) + EVENT.formatted(3));
    assertEquals(List.of(), sink.rejects());
    assertEquals(3, sink.rows().size());
    Map<String, Object> v = sink.rows().get(1).values();
    assertEquals(2L, v.get("ReportId"));
    assertEquals("pc01.example.corp", v.get("DeviceName"));
    assertEquals("cmd /c \"echo & <x>\"", v.get("ProcessCommandLine"));
    assertEquals("Microsoft Corporation", v.get("ProcessVersionInfoCompanyName"));
    assertEquals(Instant.parse("2019-07-19T14:41:13.562Z"), v.get("Timestamp"));
    assertEquals(2, sink.rows().get(1).origin().line());
  }

  @Test
  void eventsWrapperWithDeclarationAndPrettyPrinting() throws IOException {
    String xml =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Events>\n"
            + EVENT.formatted(7)
            + "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>\n"
            + "  <System>\n"
            + "    <Provider Name='Microsoft-Windows-Security-Auditing'/>\n"
            + "    <EventID>4688</EventID>\n"
            + "    <Computer>dc</Computer>\n"
            + "  </System>\n"
            + "  <EventData>\n"
            + "    <Data Name='TargetUserName'>bob</Data>\n"
            + "  </EventData>\n"
            + "</Event>\n"
            + "</Events>\n";
    CollectingSink sink = read(xml);
    assertEquals(1, sink.rows().size());
    assertEquals(3, sink.rows().get(0).origin().line());
    assertEquals(1, sink.skipped().size());
    assertEquals(4, sink.skipped().get(0).origin().line());
  }

  @Test
  void malformedXmlEndsTheInputWithOneReject() throws IOException {
    CollectingSink sink =
        read(
            EVENT.formatted(1)
                + "<Event><System><EventID>1</EventID></Syst>\n"
                + EVENT.formatted(3));
    assertEquals(1, sink.rows().size());
    assertEquals(1, sink.rejects().size());
    assertEquals(SysmonCode.MALFORMED_XML, sink.rejects().get(0).code());
    assertEquals(2, sink.rejects().get(0).origin().line());
  }

  @Test
  void eventWithoutSystemIsRejected() throws IOException {
    CollectingSink noSystem = read("<Event><EventData/></Event>" + EVENT.formatted(2));
    assertEquals(1, noSystem.rows().size());
    assertEquals(SysmonCode.NOT_AN_EVENT, noSystem.rejects().get(0).code());
  }

  /** Get-WinEvent | ConvertTo-Xml: properties without EventData names; fields come from Message. */
  private static final String CONVERT_TO_XML =
      """
      <?xml version="1.0" encoding="utf-8"?>
      <Objects>
        <Object Type="System.Diagnostics.Eventing.Reader.EventLogRecord">
          <Property Name="Id" Type="System.Int32">1</Property>
          <Property Name="RecordId" Type="System.Nullable`1[[System.Int64]]">4242</Property>
          <Property Name="ProviderName" Type="System.String">Microsoft-Windows-Sysmon</Property>
          <Property Name="LogName" Type="System.String">Microsoft-Windows-Sysmon/Operational</Property>
          <Property Name="MachineName" Type="System.String">PC7.corp</Property>
          <Property Name="TimeCreated" Type="System.Nullable`1[[System.DateTime]]">28/11/2026 05:00:01</Property>
          <Property Name="Message" Type="System.String">Process Create:
      RuleName: -
      UtcTime: 2026-11-28 04:00:01.250
      ProcessId: 812
      Image: C:\\Windows\\System32\\cmd.exe
      CommandLine: cmd.exe /c "echo one
      two"
      Company: Microsoft Corporation
      User: CORP\\bob
      </Property>
          <Property Name="Properties" Type="System.Collections.Generic.List`1[[EventProperty]]">
            <Property Type="System.Diagnostics.Eventing.Reader.EventProperty">EventProperty</Property>
          </Property>
        </Object>
        <Object Type="System.Diagnostics.Eventing.Reader.EventLogRecord">
          <Property Name="Id" Type="System.Int32">4688</Property>
          <Property Name="ProviderName" Type="System.String">Microsoft-Windows-Security-Auditing</Property>
          <Property Name="Message" Type="System.String">A new process has been created.</Property>
        </Object>
      </Objects>
      """;

  @Test
  void powerShellConvertToXmlRecoversSysmonFieldsFromTheMessage() throws IOException {
    CollectingSink sink = read(CONVERT_TO_XML);
    assertEquals(List.of(), sink.rejects());
    assertEquals(1, sink.rows().size());
    Map<String, Object> v = sink.rows().get(0).values();
    assertEquals(4242L, v.get("ReportId"));
    assertEquals("pc7.corp", v.get("DeviceName"));
    assertEquals(Instant.parse("2026-11-28T04:00:01.250Z"), v.get("Timestamp"));
    assertEquals(812L, v.get("ProcessId"));
    assertEquals("cmd.exe", v.get("FileName"));
    assertEquals("cmd.exe /c \"echo one\ntwo\"", v.get("ProcessCommandLine"));
    assertEquals("Microsoft Corporation", v.get("ProcessVersionInfoCompanyName"));
    assertEquals("bob", v.get("AccountName"));
    assertEquals(3, sink.rows().get(0).origin().line());
    assertEquals(1, sink.skipped().size());
  }

  @Test
  void documentTypeDeclarationsAreRefusedNotResolved() throws IOException {
    CollectingSink sink =
        read("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + EVENT.formatted(1));
    assertEquals(List.of(), sink.rows());
    assertEquals(SysmonCode.MALFORMED_XML, sink.rejects().get(0).code());
    assertTrue(!sink.rejects().get(0).reason().contains("root:"));
  }
}
