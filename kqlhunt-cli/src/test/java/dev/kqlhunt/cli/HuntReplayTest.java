package dev.kqlhunt.cli;

import static dev.kqlhunt.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kqlhunt.cli.CliRun.Run;
import dev.kqlhunt.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scheduled rule replayed through {@code kqlhunt hunt --from --to}: a 5-day replay with a 1-hour
 * frequency and a 5-hour period. The expected runs are spelt out by hand from Sentinel's schedule: the
 * rule is enabled at {@code --from} and runs at from + 1h, from + 2h, ... up to {@code --to} (120
 * runs); each run reads [run - 5h, run) and raises one alert (SingleAlert) when it returns a row.
 */
class HuntReplayTest {
  @TempDir Path dir;

  private static final String RULE = """
      id: 5d1c1a9e-2f7b-4c3e-8d4a-0b6e7f8a9c10
      name: Remote Desktop Plus launched (scheduled)
      description: Scheduled variant of the seed rule, for the replay test.
      severity: Medium
      requiredDataConnectors:
        - connectorId: MicrosoftThreatProtection
          dataTypes:
            - DeviceProcessEvents
      queryFrequency: 1h
      queryPeriod: 5h
      triggerOperator: gt
      triggerThreshold: 0
      tactics:
        - CommandAndControl
      relevantTechniques:
        - T1219
      query: |
        DeviceProcessEvents
        | where ProcessVersionInfoOriginalFileName has 'rdp.exe'
        | project Timestamp, DeviceId, DeviceName, ReportId
      entityMappings:
        - entityType: Host
          fieldMappings:
            - identifier: HostName
              columnName: DeviceName
            - identifier: MdatpDeviceId
              columnName: DeviceId
      kind: Scheduled
      version: 1.0.0
      """;

  private static String event(String time, long reportId) {
    return "{\"Timestamp\":\"" + time + "\",\"DeviceId\":\"d-" + reportId + "\",\"DeviceName\":\"wks-" + reportId
        + "\",\"ReportId\":" + reportId + ",\"ProcessVersionInfoOriginalFileName\":\"rdp.exe\"}\n";
  }

  @Test
  @SuppressWarnings("unchecked")
  void fiveDayReplayRaisesTheAlertsOfSentinelsSchedule() throws Exception {
    Path rule = dir.resolve("scheduled.yaml");
    Files.writeString(rule, RULE);
    Path data = dir.resolve("DeviceProcessEvents.jsonl");
    Files.writeString(data, event("2026-11-19T22:00:00Z", 1) // before the replay: read by the first runs
        + event("2026-11-21T10:30:00Z", 2)
        + event("2026-11-23T06:00:00Z", 3) // on a run time: that run's window ends before it
        + event("2026-11-24T22:00:00Z", 4) // near the end: only the runs up to --to
        + event("2026-11-25T00:00:00Z", 5) // at --to: no run reads it
        + "{\"Timestamp\":\"2026-11-22T12:00:00Z\",\"DeviceId\":\"d-9\",\"DeviceName\":\"wks-9\",\"ReportId\":9,"
        + "\"ProcessVersionInfoOriginalFileName\":\"notepad.exe\"}\n");
    Run r = run("hunt", "--rules", rule.toString(), "--data", data.toString(), "--from", "2026-11-20T00:00:00Z",
        "--to", "2026-11-25T00:00:00Z", "--format", "json");
    assertEquals(1, r.exit(), r.err());
    Map<String, Object> report = (Map<String, Object>) ((List<Object>) ((Map<String, Object>) Json.parse(r.out())).get("rules")).get(0);
    assertEquals(120L, ((Number) report.get("runs")).longValue());
    List<String> expected = List.of(
        // event 1 at 11-19 22:00: runs whose window [run-5h, run) holds it: 11-20 01:00, 02:00, 03:00
        "2026-11-20T01:00:00.0000000Z wks-1", "2026-11-20T02:00:00.0000000Z wks-1", "2026-11-20T03:00:00.0000000Z wks-1",
        // event 2 at 11-21 10:30: runs 11:00 .. 15:00
        "2026-11-21T11:00:00.0000000Z wks-2", "2026-11-21T12:00:00.0000000Z wks-2", "2026-11-21T13:00:00.0000000Z wks-2",
        "2026-11-21T14:00:00.0000000Z wks-2", "2026-11-21T15:00:00.0000000Z wks-2",
        // event 3 exactly at 11-23 06:00: the 06:00 run reads [01:00, 06:00) and misses it; 07:00 .. 11:00
        "2026-11-23T07:00:00.0000000Z wks-3", "2026-11-23T08:00:00.0000000Z wks-3", "2026-11-23T09:00:00.0000000Z wks-3",
        "2026-11-23T10:00:00.0000000Z wks-3", "2026-11-23T11:00:00.0000000Z wks-3",
        // event 4 at 11-24 22:00: runs 23:00 and 11-25 00:00 (the last run, at --to)
        "2026-11-24T23:00:00.0000000Z wks-4", "2026-11-25T00:00:00.0000000Z wks-4");
    List<String> actual = new ArrayList<>();
    for (Object o : (List<Object>) report.get("findings")) {
      Map<String, Object> f = (Map<String, Object>) o;
      Map<String, Object> window = (Map<String, Object>) f.get("window");
      List<Object> entities = (List<Object>) f.get("entities");
      Map<String, Object> host = (Map<String, Object>) ((Map<String, Object>) entities.get(0)).get("identifiers");
      actual.add(window.get("runTime") + " " + host.get("HostName"));
      assertEquals("Medium", f.get("severity"));
      assertEquals(1, ((List<Object>) ((Map<String, Object>) f.get("evidence")).get("rows")).size());
    }
    assertEquals(expected, actual);
  }

  @Test
  @SuppressWarnings("unchecked")
  void alertPerResultAndSuppressionInAReplay() throws Exception {
    Path rule = dir.resolve("per-result.yaml");
    Files.writeString(rule, RULE.replace("kind: Scheduled", "kind: Scheduled\nsuppressionEnabled: true\n"
        + "suppressionDuration: 5h\neventGroupingSettings:\n  aggregationKind: AlertPerResult"));
    Path data = dir.resolve("DeviceProcessEvents.jsonl");
    Files.writeString(data, event("2026-11-21T10:30:00Z", 2) + event("2026-11-21T10:45:00Z", 5)
        + event("2026-11-23T06:00:00Z", 3));
    Run r = run("hunt", "--rules", rule.toString(), "--data", data.toString(), "--from", "2026-11-20T00:00:00Z",
        "--to", "2026-11-25T00:00:00Z", "--format", "json");
    assertEquals(1, r.exit(), r.err());
    Map<String, Object> report = (Map<String, Object>) ((List<Object>) ((Map<String, Object>) Json.parse(r.out())).get("rules")).get(0);
    // The 11:00 run raises one alert per row (2), then the rule pauses 5 hours: runs at 12:00 .. 15:00 are
    // skipped and the 16:00 run no longer sees the events. Likewise 11-23 07:00 (1 alert), 08:00 .. 11:00 skipped.
    assertEquals(8L, ((Number) report.get("suppressedRuns")).longValue());
    assertEquals(112L, ((Number) report.get("runs")).longValue());
    List<String> actual = new ArrayList<>();
    for (Object o : (List<Object>) report.get("findings")) {
      Map<String, Object> f = (Map<String, Object>) o;
      Map<String, Object> row = (Map<String, Object>) ((List<Object>) ((Map<String, Object>) f.get("evidence")).get("rows")).get(0);
      actual.add(((Map<String, Object>) f.get("window")).get("runTime") + " " + row.get("DeviceName"));
    }
    assertEquals(List.of("2026-11-21T11:00:00.0000000Z wks-2", "2026-11-21T11:00:00.0000000Z wks-5",
        "2026-11-23T07:00:00.0000000Z wks-3"), actual);
  }

  @Test
  void atAReferenceTimeAScheduledRuleRunsOnceOverItsPeriod() throws Exception {
    Path rule = dir.resolve("scheduled.yaml");
    Files.writeString(rule, RULE);
    Path data = dir.resolve("DeviceProcessEvents.jsonl");
    Files.writeString(data, event("2026-11-21T10:30:00Z", 2) + event("2026-11-21T06:59:59Z", 3));
    Run r = run("hunt", "--rules", rule.toString(), "--data", data.toString(), "--now", "2026-11-21T12:00:00Z");
    assertEquals(1, r.exit(), r.err());
    // One run over [07:00, 12:00): the 10:30 event, not the one at 06:59:59.
    assertEquals(true, r.out().contains("1 finding\n"), r.out());
    assertEquals(true, r.out().contains("wks-2") && !r.out().contains("wks-3"), r.out());
  }
}
