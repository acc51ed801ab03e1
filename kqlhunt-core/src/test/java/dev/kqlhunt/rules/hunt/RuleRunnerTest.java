package dev.kqlhunt.rules.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.rules.RuleLoader;
import dev.kqlhunt.rules.SentinelRule;
import dev.kqlhunt.rules.alerts.Alert;
import dev.kqlhunt.rules.alerts.ResultTable;
import dev.kqlhunt.rules.exclusions.ExclusionLoader;
import dev.kqlhunt.rules.exclusions.ExclusionSet;
import dev.kqlhunt.rules.schedule.ScheduledRun;
import dev.kqlhunt.rules.schedule.SentinelSchedule;
import dev.kqlhunt.text.SourceText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Orchestration with a fake engine that understands just enough: it returns the events in the run's
 * window, minus the wbadmin.exe one when the compiled text carries the "backup" exclusion, and answers
 * audit queries ("... | count") with the number of wbadmin.exe events in the window.
 */
class RuleRunnerTest {
  private static final Instant FROM = Instant.parse("2026-11-20T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-21T00:00:00Z");
  private static final List<String> COLUMNS = List.of("Timestamp", "DeviceName", "InitiatingProcessFileName");
  private static final List<List<Object>> EVENTS = List.of(
      List.of(Instant.parse("2026-11-20T03:30:00Z"), "srv05", "wbadmin.exe"),
      List.of(Instant.parse("2026-11-20T03:40:00Z"), "wks17", "explorer.exe"));

  static final class FakeEngine implements QueryEngine {
    final List<String> queries = new ArrayList<>();
    final long tableRows;

    FakeEngine(long tableRows) {
      this.tableRows = tableRows;
    }

    @Override
    public ResultTable run(SourceText query, Instant now, Instant windowStart, Instant windowEnd) {
      queries.add(query.text());
      boolean audit = query.text().endsWith("| count");
      boolean excluded = query.text().contains("// exclusion backup");
      List<List<Object>> rows = new ArrayList<>();
      long wbadmin = 0;
      for (List<Object> e : EVENTS) {
        Instant t = (Instant) e.get(0);
        if (t.isBefore(windowStart) || !t.isBefore(windowEnd)) continue;
        boolean isBackup = e.get(2).equals("wbadmin.exe");
        if (isBackup) wbadmin++;
        if (!(excluded && isBackup)) rows.add(e);
      }
      if (audit) return new ResultTable(List.of("Count"), List.of(List.of((Object) wbadmin)));
      return new ResultTable(COLUMNS, rows);
    }

    @Override
    public long rowCount(String table, Instant from, Instant to) {
      return tableRows;
    }
  }

  private static SentinelRule rule() {
    return new RuleLoader().load(SourceText.of("r.yaml", """
        id: 0b3a7e2c-55c1-4a7e-9d0e-1f2a3b4c5d6e
        name: RDP Plus launched
        severity: Medium
        requiredDataConnectors:
          - connectorId: MicrosoftThreatProtection
            dataTypes: [DeviceProcessEvents]
        kind: Scheduled
        queryFrequency: 1h
        queryPeriod: 5h
        eventGroupingSettings:
          aggregationKind: AlertPerResult
        query: DeviceProcessEvents | where FileName =~ "rdp.exe"
        """)).value();
  }

  private static ExclusionSet exclusions() {
    return new ExclusionLoader().load(SourceText.of("ex.yaml", """
        exclusions:
          - {id: backup, rules: "RDP Plus*", reason: r, owner: o, expires: 2027-01-01,
             where: 'InitiatingProcessFileName =~ "wbadmin.exe"'}
          - {id: old, rules: "RDP Plus*", reason: r, owner: o, expires: 2026-01-01, where: 'DeviceName == "x"'}
        """)).value();
  }

  @Test
  void exclusionsRemoveTheirEventsAndAreAudited() {
    SentinelRule rule = rule();
    List<ScheduledRun> runs = SentinelSchedule.forRule(rule, FROM, TO);
    FakeEngine engine = new FakeEngine(10);
    HuntReport report = new RuleRunner(engine).run(rule, List.of(exclusions()), runs);
    // The explorer.exe event (03:40) is read by the runs at 04:00..08:00; the wbadmin one is excluded.
    assertEquals(List.of(4, 5, 6, 7, 8), report.alerts().stream().map(a -> a.run().index()).toList());
    assertTrue(report.alerts().stream().map(Alert::evidence).allMatch(e -> e.value(0, "DeviceName").equals("wks17")));
    assertEquals(1, report.audit().size());
    assertEquals("backup", report.audit().get(0).exclusion().id());
    assertEquals(1, report.audit().get(0).removed());
    assertEquals(List.of("old"), report.expired().stream().map(e -> e.id()).toList());
    assertEquals(List.of(), report.diagnostics());
    assertEquals(24 + 1, engine.queries.size()); // 24 runs and one audit query
  }

  @Test
  void withoutExclusionsBothEventsAlertAndEmptyTablesAreReportedOnce() {
    SentinelRule rule = rule();
    HuntReport report = new RuleRunner(new FakeEngine(0)).run(rule, List.of(), SentinelSchedule.forRule(rule, FROM, TO));
    assertEquals(10, report.alerts().size());
    assertEquals(1, report.diagnostics().size());
    assertTrue(report.diagnostics().get(0).render().contains("warning KQL3040: Table 'DeviceProcessEvents' has no rows"),
        report.diagnostics().get(0).render());
  }
}
