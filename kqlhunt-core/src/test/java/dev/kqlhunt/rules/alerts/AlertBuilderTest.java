package dev.kqlhunt.rules.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.rules.RuleLoader;
import dev.kqlhunt.rules.RuleSeverity;
import dev.kqlhunt.rules.SentinelRule;
import dev.kqlhunt.rules.schedule.ScheduledRun;
import dev.kqlhunt.text.SourceText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertBuilderTest {
  private static final ScheduledRun RUN = new ScheduledRun(1, Instant.parse("2026-11-20T05:00:00Z"),
      Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-20T05:00:00Z"));

  private static ResultTable rows(int n) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) rows.add(List.of("pc" + i, "jdoe", i % 2 == 0 ? "High" : "bogus", "Execution, Nope"));
    return new ResultTable(List.of("DeviceName", "AccountName", "Sev", "Tac"), rows);
  }

  private static SentinelRule perResult() {
    return AlertReplayTest.rule("""
        eventGroupingSettings:
          aggregationKind: AlertPerResult
        entityMappings:
          - entityType: Host
            fieldMappings:
              - identifier: HostName
                columnName: DeviceName
        customDetails:
          User: AccountName
        alertDetailsOverride:
          alertDisplayNameFormat: RDP Plus on {{DeviceName}} by {{ AccountName }}
          alertDescriptionFormat: "{{Missing}} launched"
          alertSeverityColumnName: Sev
          alertTacticsColumnName: Tac
        """);
  }

  @Test
  void alertPerResultRaisesOneAlertPerRowWithItsOwnDetails() {
    List<Alert> alerts = AlertBuilder.alerts(perResult(), RUN, rows(3));
    assertEquals(3, alerts.size());
    Alert a0 = alerts.get(0);
    assertEquals("RDP Plus on pc0 by jdoe", a0.displayName());
    assertEquals(" launched", a0.description());
    assertEquals(RuleSeverity.HIGH, a0.severity());
    assertEquals(RuleSeverity.MEDIUM, alerts.get(1).severity()); // "bogus" falls back to the rule's
    assertEquals(List.of("Execution"), a0.tactics()); // invalid names in the column are dropped
    assertEquals(List.of(new Entity("Host", Map.of("HostName", "pc0"))), a0.entities());
    assertEquals(Map.of("User", List.of("jdoe")), a0.customDetails());
    assertFalse(a0.summary());
  }

  @Test
  void alertPerResultIsCappedAt150WithTheLastSummarisingEverything() {
    assertEquals(150, AlertBuilder.alerts(perResult(), RUN, rows(150)).size());
    assertTrue(AlertBuilder.alerts(perResult(), RUN, rows(150)).stream().noneMatch(Alert::summary));
    List<Alert> capped = AlertBuilder.alerts(perResult(), RUN, rows(400));
    assertEquals(150, capped.size());
    assertTrue(capped.subList(0, 149).stream().noneMatch(Alert::summary));
    Alert last = capped.get(149);
    assertTrue(last.summary());
    assertEquals(400, last.evidence().size());
    assertEquals(400, last.entities().size());
    assertEquals("pc148", capped.get(148).evidence().value(0, "DeviceName"));
  }

  @Test
  void singleAlertSummarisesTheRunAndHuntingQueriesReportEachRow() {
    SentinelRule single = AlertReplayTest.rule("");
    List<Alert> one = AlertBuilder.alerts(single, RUN, rows(3));
    assertEquals(1, one.size());
    assertEquals("RDP Plus launched", one.get(0).displayName());
    assertEquals(3, one.get(0).evidence().size());
    // Inferred entities (no mappings): Hosts by DeviceName, Accounts by AccountName, distinct.
    assertEquals(4, one.get(0).entities().size());

    SentinelRule seedLike = new RuleLoader().load(SourceText.of("h.yaml",
        "id: 6e98184a-6794-4c94-923b-d0ab052ca92e\nname: hunt\nquery: T\n")).value();
    ResultTable summary = new ResultTable(List.of("DeviceId", "DeviceName", "Count"),
        List.of(List.of("d1", "pc1", 2L), List.of("d2", "pc2", 1L)));
    List<Alert> findings = AlertBuilder.alerts(seedLike, RUN, summary);
    assertEquals(2, findings.size());
    assertEquals(List.of(new Entity("Host", Map.of("HostName", "pc2", "MdatpDeviceId", "d2"))), findings.get(1).entities());
    assertEquals(null, findings.get(0).severity());
    assertEquals(List.of(), AlertBuilder.alerts(seedLike, RUN, ResultTable.empty(List.of("DeviceId"))));
  }
}
