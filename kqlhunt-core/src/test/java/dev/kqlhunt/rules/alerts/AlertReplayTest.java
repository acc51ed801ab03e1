package dev.kqlhunt.rules.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.rules.LoadResult;
import dev.kqlhunt.rules.RuleLoader;
import dev.kqlhunt.rules.RuleSeverity;
import dev.kqlhunt.rules.SentinelRule;
import dev.kqlhunt.rules.schedule.ScheduledRun;
import dev.kqlhunt.rules.schedule.SentinelSchedule;
import dev.kqlhunt.text.SourceText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replays of a scheduled rule (1h frequency, 5h period) over 5 days against a fake executor. */
class AlertReplayTest {
  private static final Instant FROM = Instant.parse("2026-11-20T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-25T00:00:00Z");
  private static final List<String> COLUMNS = List.of("Timestamp", "DeviceId", "DeviceName", "FileName");
  /** Two Remote Desktop Plus launches: day 3 10:30 on pc1, day 4 23:59 on pc2. */
  private static final List<List<Object>> EVENTS = List.of(
      List.of(Instant.parse("2026-11-22T10:30:00Z"), "d1", "pc1", "rdp.exe"),
      List.of(Instant.parse("2026-11-23T23:59:00Z"), "d2", "pc2", "rdp.exe"));

  static SentinelRule rule(String extra) {
    return rule("gt", 0, extra);
  }

  static SentinelRule rule(String operator, int threshold, String extra) {
    LoadResult<SentinelRule> r = new RuleLoader().load(SourceText.of("r.yaml", """
        id: 0b3a7e2c-55c1-4a7e-9d0e-1f2a3b4c5d6e
        name: RDP Plus launched
        severity: Medium
        kind: Scheduled
        queryFrequency: 1h
        queryPeriod: 5h
        triggerOperator: %s
        triggerThreshold: %d
        tactics: CommandAndControl
        relevantTechniques: T1219
        query: DeviceProcessEvents | where FileName =~ "rdp.exe"
        """.formatted(operator, threshold) + extra));
    assertTrue(r.ok(), () -> String.join("\n", r.rendered()));
    return r.value();
  }

  /** The fake engine: the events whose Timestamp falls in the run's window. */
  static ResultTable execute(ScheduledRun run) {
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> e : EVENTS) {
      if (run.covers((Instant) e.get(0))) rows.add(e);
    }
    return new ResultTable(COLUMNS, rows);
  }

  private static List<Integer> runIndexes(List<Alert> alerts) {
    return alerts.stream().map(a -> a.run().index()).toList();
  }

  @Test
  void eachEventRaisesAnAlertInEachOfTheFiveRunsThatReadIt() {
    SentinelRule rule = rule("");
    List<ScheduledRun> runs = SentinelSchedule.forRule(rule, FROM, TO);
    AlertReplay.Outcome outcome = AlertReplay.replay(rule, runs, AlertReplayTest::execute);
    assertEquals(120, outcome.executed().size());
    // pc1 10:30 on Nov 22 is read by the runs at 11:00..15:00 (59..63); pc2 23:59 on Nov 23 by the runs
    // at 00:00..04:00 on Nov 24 (96..100).
    assertEquals(List.of(59, 60, 61, 62, 63, 96, 97, 98, 99, 100), runIndexes(outcome.alerts()));
    Alert first = outcome.alerts().get(0);
    assertEquals(Instant.parse("2026-11-22T11:00:00Z"), first.run().runTime());
    assertEquals(Instant.parse("2026-11-22T06:00:00Z"), first.run().windowStart());
    assertEquals(RuleSeverity.MEDIUM, first.severity());
    assertEquals(List.of("CommandAndControl"), first.tactics());
    assertEquals(List.of("T1219"), first.techniques());
    assertEquals(List.of(new Entity("Host", Map.of("HostName", "pc1", "MdatpDeviceId", "d1"))), first.entities());
    assertEquals(1, first.evidence().size());
    // Ids are stable across replays and differ between runs.
    AlertReplay.Outcome again = AlertReplay.replay(rule, runs, AlertReplayTest::execute);
    assertEquals(outcome.alerts().stream().map(Alert::id).toList(), again.alerts().stream().map(Alert::id).toList());
    assertNotEquals(outcome.alerts().get(0).id(), outcome.alerts().get(1).id());
  }

  @Test
  void suppressionSkipsTheRunsOfThePauseAfterAnAlert() {
    SentinelRule rule = rule("suppressionEnabled: true\nsuppressionDuration: 5h\n");
    AlertReplay.Outcome outcome = AlertReplay.replay(rule, SentinelSchedule.forRule(rule, FROM, TO), AlertReplayTest::execute);
    // Run 59 alerts; runs 60..63 (12:00..15:00) are not run; run 64 (16:00) reads [11:00, 16:00): nothing.
    assertEquals(List.of(59, 96), runIndexes(outcome.alerts()));
    assertEquals(List.of(60, 61, 62, 63, 97, 98, 99, 100),
        outcome.suppressed().stream().map(ScheduledRun::index).toList());
    assertEquals(112, outcome.executed().size());
  }

  @Test
  void thresholdAndTriggerOperator() {
    assertFalse(AlertBuilder.fires(rule("gt", 0, ""), 0));
    assertTrue(AlertBuilder.fires(rule("gt", 0, ""), 1));
    assertFalse(AlertBuilder.fires(rule("gt", 2, ""), 2));
    assertTrue(AlertBuilder.fires(rule("lt", 1, ""), 0)); // "no heartbeat" style rules fire on silence
    assertTrue(AlertBuilder.fires(rule("eq", 3, ""), 3));
    assertFalse(AlertBuilder.fires(rule("ne", 3, ""), 3));
    ScheduledRun run = new ScheduledRun(1, TO, FROM, TO);
    assertEquals(List.of(), AlertBuilder.alerts(rule("gt", 2, ""), run, execute(new ScheduledRun(1, TO, FROM, TO))));
    // A rule firing on silence raises one alert with empty evidence.
    List<Alert> silent = AlertBuilder.alerts(rule("lt", 1, ""), run, ResultTable.empty(COLUMNS));
    assertEquals(1, silent.size());
    assertEquals(List.of(), silent.get(0).entities());
  }
}
