package dev.kqlhunt.ingest.sysmon;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The readers against the real captures in ../shared/data/real: exact event counts from each
 * folder's README, and mapped rows in the right tables with sane values.
 */
@Tag("conformance")
class SysmonRealSamplesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "AutomatedTestingTools/PanacheSysmon_vs_AtomicRedTeam01.evtx|565|511|0",
        "Persistence/persistence_sysmon_11_13_1_shime_appfix.evtx|237|175|0",
        "Privilege Escalation/privesc_unquoted_svc_sysmon_1_11.evtx|87|79|79",
        "Defense Evasion/Sysmon 7  Update Session Orchestrator Dll Hijack.evtx|64|23|23",
        "Lateral Movement/LM_wmi_PoisonHandler_Mr-Un1k0d3r_sysmon_1_13.evtx|15|11|11",
        "Credential Access/CA_teamviewer-dumper_sysmon_10.evtx|1|0|0"
      })
  void evtxAttackSamples(String file, long events, long processCreates, long withOriginalName)
      throws IOException {
    AtomicLong originalNames = new AtomicLong();
    TallySink sink =
        new TallySink(
            row -> {
              if (row.values().get("ProcessVersionInfoOriginalFileName") != null)
                originalNames.incrementAndGet();
              assertTrue(
                  row.origin().byteOffset() > 4096, "EVTX origins carry the record's file offset");
            });
    long read =
        SharedSamples.read(
            SharedSamples.real("sbousseaden-evtx-attack-samples/" + file),
            new SysmonEvtxReader(),
            sink);
    assertEquals(events, read);
    assertEquals(read, sink.outcomes());
    assertEquals(List.of(), sink.rejects);
    assertEquals(processCreates, sink.byTable.getOrDefault("DeviceProcessEvents", 0L));
    assertEquals(withOriginalName, originalNames.get());
  }

  @Test
  void teamViewerDumperIsAnOpenProcessCall() throws IOException {
    List<TallySink.Row> rows = new java.util.ArrayList<>();
    SharedSamples.read(
        SharedSamples.real("sbousseaden-evtx-attack-samples/Credential Access"),
        new SysmonEvtxReader(),
        new TallySink(rows::add));
    Map<String, Object> row = rows.get(0).values();
    assertEquals("DeviceEvents", rows.get(0).table());
    assertEquals("OpenProcessApiCall", row.get("ActionType"));
    assertEquals("C:\\Program Files (x86)\\TeamViewer\\TeamViewer.exe", row.get("FolderPath"));
    assertEquals("TeamViewer.exe", row.get("FileName"));
    assertTrue(((String) row.get("AdditionalFields")).contains("\"DesiredAccess\""));
  }

  @Test
  void sigmaRegressionCaptures() throws IOException {
    AtomicLong eid1 = new AtomicLong();
    AtomicLong noCompany = new AtomicLong();
    AtomicLong withOriginal = new AtomicLong();
    TallySink sink =
        new TallySink(
            row -> {
              if (!row.table().equals("DeviceProcessEvents")) return;
              eid1.incrementAndGet();
              if (row.values().get("ProcessVersionInfoCompanyName") == null)
                noCompany.incrementAndGet();
              if (row.values().get("ProcessVersionInfoOriginalFileName") != null)
                withOriginal.incrementAndGet();
            });
    SysmonJsonReader reader = new SysmonJsonReader();
    long read = 0;
    try (var files =
        java.nio.file.Files.walk(SharedSamples.real("sigmahq-regression-data/regression_data"))) {
      for (java.nio.file.Path f :
          files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        read += SharedSamples.read(f, reader, sink);
      }
    }
    assertEquals(238, read);
    assertEquals(read, sink.outcomes());
    assertEquals(List.of(), sink.rejects);
    assertEquals(6, sink.skipReasons.size(), sink.skipReasons.toString());
    assertEquals(151, eid1.get());
    // Every EID 1 has the OriginalFileName field, but 7 say "-" (no version resource): null, as in
    // MDE.
    assertEquals(144, withOriginal.get());
    assertEquals(8, noCompany.get());
    assertEquals(35, sink.byTable.get("DeviceFileEvents"));
    assertEquals(38, sink.byTable.get("DeviceRegistryEvents"));
    assertEquals(5, sink.byTable.get("DeviceImageLoadEvents"));
    assertEquals(3, sink.byTable.get("DeviceEvents")); // 2 × EID 10, 1 × EID 17
    assertEquals(6, sink.skipped); // EID 16 + 5 non-Sysmon events
  }

  @Test
  void sigmaAnyDeskEvtxMatchesItsJsonCapture() throws IOException {
    java.nio.file.Path dir =
        SharedSamples.real(
            "sigmahq-regression-data/regression_data/rules/windows/file/file_event/file_event_win_anydesk_artefact");
    List<TallySink.Row> fromEvtx = new java.util.ArrayList<>();
    List<TallySink.Row> fromJson = new java.util.ArrayList<>();
    try (var files = java.nio.file.Files.list(dir)) {
      for (java.nio.file.Path f : files.sorted().toList()) {
        if (f.toString().endsWith(".evtx"))
          SharedSamples.read(f, new SysmonEvtxReader(), new TallySink(fromEvtx::add));
        if (f.toString().endsWith(".json"))
          SharedSamples.read(f, new SysmonJsonReader(), new TallySink(fromJson::add));
      }
    }
    assertEquals(5, fromEvtx.size());
    assertTrue(fromJson.size() >= 1);
    Map<String, Object> json = fromJson.get(0).values();
    Map<String, Object> evtx =
        fromEvtx.stream()
            .filter(r -> r.values().get("ReportId").equals(json.get("ReportId")))
            .findFirst()
            .orElseThrow()
            .values();
    for (String column :
        List.of(
            "Timestamp",
            "DeviceName",
            "DeviceId",
            "ActionType",
            "FolderPath",
            "FileName",
            "InitiatingProcessFileName",
            "InitiatingProcessId",
            "InitiatingProcessAccountName")) {
      assertEquals(json.get(column), evtx.get(column), column);
    }
    assertEquals("AnyDesk.exe", evtx.get("InitiatingProcessFileName"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "schtask_create.zip|1041|10|6|10|67|391",
        "psh_control_panel_execution.zip|1291|9|3|11|252|480",
        "empire_enable_rdp.tar.gz|2668|11|89|15|994|481",
        "sysmon_log4shell_cve2021_44228_java_serialized_object.zip|487|2|5|7|292|155"
      })
  void otrfArchives(
      String file,
      long events,
      long processes,
      long network,
      long files,
      long registry,
      long imageLoads)
      throws IOException {
    TallySink sink = new TallySink(row -> assertNotNull(row.values().get("Timestamp")));
    long read =
        SharedSamples.read(
            SharedSamples.real("otrf-security-datasets/" + file), new SysmonJsonReader(), sink);
    assertEquals(events, read);
    assertEquals(read, sink.outcomes());
    assertEquals(List.of(), sink.rejects);
    assertEquals(processes, sink.byTable.getOrDefault("DeviceProcessEvents", 0L));
    assertEquals(network, sink.byTable.getOrDefault("DeviceNetworkEvents", 0L));
    assertEquals(files, sink.byTable.getOrDefault("DeviceFileEvents", 0L));
    assertEquals(registry, sink.byTable.getOrDefault("DeviceRegistryEvents", 0L));
    assertEquals(imageLoads, sink.byTable.getOrDefault("DeviceImageLoadEvents", 0L));
  }

  @Test
  void winlogbeat6HasVersionInfoButNoOriginalFileName() throws IOException {
    List<TallySink.Row> rows = new java.util.ArrayList<>();
    SharedSamples.read(
        SharedSamples.real("otrf-security-datasets/empire_enable_rdp.tar.gz"),
        new SysmonJsonReader(),
        new TallySink(
            r -> {
              if (r.table().equals("DeviceProcessEvents")) rows.add(r);
            }));
    assertEquals(11, rows.size());
    for (TallySink.Row r : rows) {
      assertNull(r.values().get("ProcessVersionInfoOriginalFileName"));
      assertEquals("hfdc01.shire.com".length() > 0, r.values().get("DeviceName") != null);
    }
    assertTrue(
        rows.stream()
            .anyMatch(
                r ->
                    "Microsoft Corporation"
                        .equals(r.values().get("ProcessVersionInfoCompanyName"))));
  }

  @Test
  void log4shellInboundConnectionSwapsSides() throws IOException {
    List<TallySink.Row> rows = new java.util.ArrayList<>();
    SharedSamples.read(
        SharedSamples.real(
            "otrf-security-datasets/sysmon_log4shell_cve2021_44228_java_serialized_object.zip"),
        new SysmonJsonReader(),
        new TallySink(
            r -> {
              if (r.table().equals("DeviceNetworkEvents")) rows.add(r);
            }));
    Map<String, Object> inbound =
        rows.stream()
            .filter(r -> "InboundConnectionAccepted".equals(r.values().get("ActionType")))
            .findFirst()
            .orElseThrow()
            .values();
    assertEquals("tomcat9.exe", inbound.get("InitiatingProcessFileName"));
    assertEquals(8080, inbound.get("LocalPort"));
    assertEquals("192.168.2.5", inbound.get("LocalIP"));
    assertEquals("192.168.3.5", inbound.get("RemoteIP"));
    assertEquals("Private", inbound.get("RemoteIPType"));
    assertEquals(Instant.parse("2022-05-13T08:54:05.123Z"), inbound.get("Timestamp"));
    assertEquals("workstation5", inbound.get("DeviceName"));
  }

  /** The two large NXLog archives (94k events): exact counts, parent lookups, registry and DNS. */
  @Test
  void largeNxlogArchives() throws IOException {
    Map<String, Long> withParentHash = new TreeMap<>();
    TallySink sink =
        new TallySink(
            row -> {
              if (row.values().get("InitiatingProcessSHA1") != null)
                withParentHash.merge(row.table(), 1L, Long::sum);
            });
    long read =
        SharedSamples.read(
            SharedSamples.real(
                "otrf-security-datasets/empire_persistence_registry_modification_run_keys_standard_user.zip"),
            new SysmonJsonReader(),
            sink);
    read +=
        SharedSamples.read(
            SharedSamples.real(
                "otrf-security-datasets/metasploit_logonpasswords_lsass_memory_dump.zip"),
            new SysmonJsonReader(),
            sink);
    assertEquals(40_569 + 53_698, read);
    assertEquals(read, sink.outcomes());
    assertEquals(List.of(), sink.rejects);
    assertEquals(120 + 269, sink.byTable.get("DeviceProcessEvents"));
    assertEquals(7839 + 5376 + 3166 + 3310, sink.byTable.get("DeviceRegistryEvents"));
    assertEquals(
        8 + 51, sink.byTable.get("DeviceEvents") - (82 + 1931 + 27 + 50 + 1 + 30414 + 46 + 1587));
    assertEquals(125, sink.byTable.get("DeviceLogonEvents"), "Security 4624/4625");
    assertTrue(
        withParentHash.getOrDefault("DeviceRegistryEvents", 0L) > 0, withParentHash.toString());
  }
}
