package dev.kqlhunt.rules;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.diag.DiagnosticRenderer;
import dev.kqlhunt.text.SourceText;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleValidatorTest {
  private static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");

  private static List<String> check(String yaml, QueryValidator queries) {
    LoadResult<SentinelRule> r = new RuleLoader().load(SourceText.of("r.yaml", yaml));
    assertTrue(r.value() != null, () -> String.join("\n", r.rendered()));
    List<Diagnostic> ds = new RuleValidator(queries).validate(r.value(), NOW);
    return ds.stream().filter(d -> d.severity() != dev.kqlhunt.diag.Severity.INFO)
        .map(d -> DiagnosticRenderer.render(r.file(), d).lines().findFirst().orElseThrow()).toList();
  }

  @Tag("conformance")
  @Test
  void seedRuleIsValid() {
    LoadResult<SentinelRule> r = new RuleLoader().load(SharedCorpus.seedRule());
    FakeQueryValidator fake = new FakeQueryValidator("DeviceId", "DeviceName", "FirstSeen", "LastSeen", "Report", "Count");
    List<Diagnostic> ds = new RuleValidator(fake).validate(r.value(), NOW);
    assertEquals(List.of(), ds.stream().map(d -> DiagnosticRenderer.render(r.file(), d)).toList());
    assertEquals(1, fake.analysed.size());
  }

  @Test
  void metadataChecks() {
    String yaml = """
        id: not-a-guid
        name: n
        tactics:
          - Initial access
          - CommanAndControl
          - Lateral Movement
          - Persistence
          - Sabotage
        relevantTechniques: t1574, T1219, T1043, T9999, T1059.001, T1059.999
        query: T
        """;
    assertEquals(List.of(
        "r.yaml:1:5: error KQL3010: Rule id 'not-a-guid' is not a GUID",
        "r.yaml:4:5: error KQL3011: Unknown tactic 'Initial access' (did you mean 'InitialAccess'?)",
        "r.yaml:5:5: error KQL3011: Unknown tactic 'CommanAndControl' (did you mean 'CommandAndControl'?)",
        "r.yaml:6:5: error KQL3011: Unknown tactic 'Lateral Movement' (did you mean 'LateralMovement'?)",
        "r.yaml:8:5: error KQL3011: Unknown tactic 'Sabotage'",
        "r.yaml:9:21: error KQL3012: 't1574' is not an ATT&CK technique id (expected T1234 or T1234.001)",
        "r.yaml:9:35: warning KQL3014: ATT&CK technique 'T1043' is deprecated or revoked",
        "r.yaml:9:42: warning KQL3013: Unknown ATT&CK technique id 'T9999'"), check(yaml, null));
  }

  @Test
  void scheduleLimits() {
    String base = "id: 0b3a7e2c-55c1-4a7e-9d0e-1f2a3b4c5d6e\nname: n\nquery: T\n";
    assertEquals(List.of(), check(base + "kind: Scheduled\nqueryFrequency: 1h\nqueryPeriod: 5h\n", null));
    assertEquals(List.of("r.yaml:5:17: error KQL3017: queryFrequency 5h is longer than queryPeriod 1h: events would go unread"),
        check(base + "kind: Scheduled\nqueryFrequency: 5h\nqueryPeriod: 1h\n", null));
    assertEquals(List.of("r.yaml:5:17: error KQL3016: queryFrequency 1m is outside Sentinel's range 5m..14d",
            "r.yaml:6:14: error KQL3016: queryPeriod 15d is outside Sentinel's range 5m..14d"),
        check(base + "kind: Scheduled\nqueryFrequency: 1m\nqueryPeriod: 15d\n", null));
    assertEquals(List.of("r.yaml:4:7: error KQL3019: A scheduled rule needs 'queryPeriod'"),
        check(base + "kind: Scheduled\nqueryFrequency: 1h\n", null));
    assertEquals(List.of("r.yaml:5:17: warning KQL3018: An NRT rule runs every minute over new events; 'queryFrequency' does not apply"),
        check(base + "kind: NRT\nqueryFrequency: 1h\n", null));
    assertEquals(List.of("r.yaml:5:22: error KQL3030: suppressionDuration 2d is outside Sentinel's range 5m..24h"),
        check(base + "suppressionEnabled: true\nsuppressionDuration: 2d\n", null));
    assertEquals(List.of(), check(base + "suppressionEnabled: false\nsuppressionDuration: 2d\n", null));
  }

  @Test
  void entityMappingsAndCustomDetailsNameResultColumns() {
    String yaml = """
        id: 0b3a7e2c-55c1-4a7e-9d0e-1f2a3b4c5d6e
        name: n
        query: DeviceProcessEvents | project DeviceName, AccountName
        entityMappings:
          - entityType: Host
            fieldMappings:
              - identifier: HostName
                columnName: DeviceName
          - entityType: Acount
            fieldMappings:
              - identifier: Name
                columnName: accountname
              - identifier: NTDomain
                columnName: AccountDomian
        customDetails:
          Who: InitiatingProcessAccountName
        """;
    assertEquals(List.of(
        "r.yaml:9:17: warning KQL3023: Unknown entity type 'Acount'",
        "r.yaml:12:21: error KQL3024: Entity mapping column 'accountname' is not a column of the query's result"
            + " (did you mean 'AccountName'? column names are case-sensitive)",
        "r.yaml:14:21: error KQL3024: Entity mapping column 'AccountDomian' is not a column of the query's result",
        "r.yaml:16:3: error KQL3024: Custom detail column 'InitiatingProcessAccountName' is not a column of the query's result"),
        check(yaml, new FakeQueryValidator("DeviceName", "AccountName")));
  }

  @Test
  void queryDiagnosticsPointIntoTheRuleFile() {
    String yaml = "id: 0b3a7e2c-55c1-4a7e-9d0e-1f2a3b4c5d6e\nname: n\nquery: |\n  let s = todatetime('{{StartTimeISO}}');\n"
        + "  T | where Bogus > s and {{HostName}} == 1\n";
    FakeQueryValidator fake = new FakeQueryValidator("x");
    assertEquals(List.of(
        "r.yaml:5:27: warning KQL3029: Placeholder '{{HostName}}' is not substituted; the query sees it as written",
        "r.yaml:5:13: error KQL2999: Unknown name 'Bogus'"), check(yaml, fake));
    assertTrue(fake.analysed.get(0).contains("todatetime('2026-11-27T00:00:00.0000000Z')"), fake.analysed.get(0));
  }
}
