package dev.kqlhunt.rules;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.diag.DiagnosticRenderer;
import dev.kqlhunt.rules.RuleParts.AggregationKind;
import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.text.TextSpan;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleLoaderTest {
  private final RuleLoader loader = new RuleLoader();

  @Tag("conformance")
  @Test
  void seedRuleLoadsAsAHuntingQuery() {
    LoadResult<SentinelRule> result = loader.load(SharedCorpus.seedRule());
    assertTrue(result.ok(), () -> String.join("\n", result.rendered()));
    SentinelRule rule = result.value();
    assertEquals("6e98184a-6794-4c94-923b-d0ab052ca92e", rule.id());
    assertEquals("Remote Management and Monitoring tool - RemoteDesktopPlus - Create Process", rule.name());
    assertEquals(RuleKind.HUNTING, rule.kind());
    assertEquals(List.of("CommandAndControl"), rule.tactics());
    assertEquals(List.of("T1219"), rule.relevantTechniques());
    assertEquals(Set.of("DeviceProcessEvents"), rule.requiredTables());
    assertEquals("MicrosoftThreatProtection", rule.requiredDataConnectors().get(0).connectorId());
    assertEquals(EmbeddedQuery.Style.LITERAL, rule.query().style());
    assertTrue(rule.query().text().startsWith("let Time_start = now(-5d);\n"));
    assertNull(rule.queryFrequency());
    assertNull(rule.severity());
  }

  @Tag("conformance")
  @Test
  void seedQueryPositionsPointIntoTheYamlFile() {
    SentinelRule rule = loader.load(SharedCorpus.seedRule()).value();
    String text = rule.query().text();
    int at = text.indexOf("ProcessVersionInfoProductName");
    // Line 19 of the file is "      and ProcessVersionInfoProductName has 'Remote Desktop Plus'".
    assertEquals(new SourceText.Position(19, 11), rule.query().query().position(at));
    assertEquals(new SourceText.Position(19, 11), rule.query().file().position(rule.query().fileOffset(at)));
  }

  @Tag("conformance")
  @Test
  void malformedSeedCopyFailsWithAPositionedMessage() {
    LoadResult<SentinelRule> result = loader.load(SharedCorpus.malformedSeedCopy());
    assertNull(result.value());
    String first = result.firstErrorLine();
    assertTrue(first.matches(".*rmm_RemoteDesktopPlus_createproc\\.yaml:8:5: error KQL3001: .+"), first);
    assertTrue(first.endsWith("wrong indentation: key 'dataTypes' is aligned with the '-' of the list item at"
        + " line 7, column 5; indent it like the item's other keys"), first);
    assertEquals("        dataTypes:", result.rendered().get(0).lines().skip(1).findFirst().orElseThrow());
  }

  @Test
  void analyticsRuleWithTheFullFieldSet() {
    SentinelRule rule = loadOk(ANALYTIC);
    assertEquals(RuleKind.SCHEDULED, rule.kind());
    assertEquals(RuleSeverity.MEDIUM, rule.severity());
    assertEquals(Duration.ofHours(1), rule.queryFrequency());
    assertEquals(Duration.ofHours(5), rule.queryPeriod());
    assertEquals(TriggerOperator.GT, rule.triggerOperator());
    assertEquals(0, rule.triggerThreshold());
    assertEquals(List.of("CommandAndControl", "Persistence"), rule.tactics());
    assertEquals(List.of("T1219", "T1059.001"), rule.relevantTechniques());
    assertEquals(2, rule.entityMappings().size());
    assertEquals("Host", rule.entityMappings().get(0).entityType());
    assertEquals("DeviceName", rule.entityMappings().get(0).fieldMappings().get(0).columnName());
    assertEquals("FileName", rule.customDetails().get("Launched"));
    assertEquals("RMM {{FileName}} on {{DeviceName}}", rule.alertDetailsOverride().alertDisplayNameFormat());
    assertEquals(AggregationKind.ALERT_PER_RESULT, rule.eventGroupingSettings().aggregationKind());
    assertEquals("true", rule.incidentConfiguration().get("createIncident"));
    assertTrue(rule.suppressionEnabled());
    assertEquals(Duration.ofHours(5), rule.suppressionDuration());
    assertEquals("1.0.2", rule.version());
    assertEquals("Available", rule.status());
    assertEquals(List.of("Solorigate"), rule.extra().get("tags"));
    assertEquals(Set.of("tags", "metadata"), rule.extra().keySet());
  }

  @Test
  void tacticsAndTechniquesAcceptAScalarAList_andCommaSeparatedScalars() {
    SentinelRule rule = loadOk("id: x\nname: n\ntactics: InitialAccess, Execution\nrelevantTechniques:\n  - T1078\nquery: T\n");
    assertEquals(List.of("InitialAccess", "Execution"), rule.tactics());
    assertEquals(List.of("T1078"), rule.relevantTechniques());
    // The second tactic's span is the word itself.
    TextSpan span = rule.origin().span("tactics[1]");
    assertEquals("Execution", rule.origin().file().text().substring(span.start(), span.end()));
  }

  @Test
  void missingQueryIdOrNameGivesNoRule() {
    LoadResult<SentinelRule> r = loader.load(SourceText.of("r.yaml", "id: a\nname: b\n"));
    assertNull(r.value());
    assertEquals("r.yaml:1:1: error KQL3004: Missing required field 'query'", r.firstErrorLine());
    LoadResult<SentinelRule> noId = loader.load(SourceText.of("r.yaml", "name: b\nquery: T\n"));
    assertNull(noId.value());
    assertTrue(noId.firstErrorLine().contains("KQL3004: Missing required field 'id'"), noId.firstErrorLine());
  }

  @Test
  void badFieldValuesArePositionedAndTheRuleStillLoads() {
    String yaml = "id: a\nname: b\nseverity: Critical\nqueryFrequency: 1 hour\nkind: Fusion\n"
        + "triggerOperator: gte\ntriggerThreshold: many\nquery: T\n";
    LoadResult<SentinelRule> r = loader.load(SourceText.of("r.yaml", yaml));
    assertNotNull(r.value());
    List<String> lines = r.rendered().stream().map(s -> s.lines().findFirst().orElseThrow()).toList();
    assertEquals(List.of(
        "r.yaml:4:17: error KQL3015: '1 hour' is not a duration (expected e.g. 5m, 1h, 14d or PT5H)",
        "r.yaml:3:11: error KQL3022: Unknown severity 'Critical' (expected Informational, Low, Medium or High)",
        "r.yaml:6:18: error KQL3020: Unknown triggerOperator 'gte' (expected gt, lt, eq or ne)",
        "r.yaml:7:19: error KQL3021: triggerThreshold 'many' must be an integer in 0..10000",
        "r.yaml:5:7: error KQL3027: Unknown rule kind 'Fusion' (expected Scheduled or NRT)"), lines);
  }

  @Test
  void notAMappingAndEmptyFile() {
    assertEquals("r.yaml:1:1: error KQL3003: Expected a mapping (key: value pairs) for a rule file, found a list",
        loader.load(SourceText.of("r.yaml", "- a\n- b\n")).firstErrorLine());
    assertEquals("r.yaml:1:1: error KQL3002: The file holds no YAML document",
        loader.load(SourceText.of("r.yaml", "# nothing\n")).firstErrorLine());
  }

  @Test
  void duplicateKeysWarnAndKeepTheLast() {
    LoadResult<SentinelRule> r = loader.load(SourceText.of("r.yaml", "id: a\nname: b\nname: c\nquery: T\n"));
    assertEquals("c", r.value().name());
    assertFalse(r.hasErrors());
    assertTrue(r.rendered().get(0).startsWith("r.yaml:3:1: warning KQL3006: Duplicate key 'name'"));
  }

  @Tag("conformance")
  @Test
  void loadAllReadsADirectoryOfRules() {
    java.nio.file.Path dir = SharedCorpus.seedRule().getParent();
    List<LoadResult<SentinelRule>> all = loader.loadAll(dir);
    assertTrue(all.size() >= 100, "RMM hunting queries: " + all.size());
    assertTrue(all.stream().allMatch(LoadResult::ok), "every RemoteManagementMonitoring rule loads");
    assertTrue(all.stream().anyMatch(r -> r.value().id().equals("6e98184a-6794-4c94-923b-d0ab052ca92e")));
    assertEquals(1, loader.loadAll(SharedCorpus.seedRule()).size());
    assertFalse(RuleLoader.isRuleFileName(java.nio.file.Path.of("x/rdp.tests.yaml")));
  }

  @Test
  void unreadableFileIsADiagnostic() {
    LoadResult<SentinelRule> r = loader.load(java.nio.file.Path.of("/nonexistent/rule.yaml"));
    assertNull(r.value());
    assertTrue(r.firstErrorLine().contains("KQL3001: Malformed YAML: cannot read file"), r.firstErrorLine());
  }

  /** Renders a diagnostic at the query text {@code needle} through the exact file mapping. */
  static String renderAt(SentinelRule rule, String needle) {
    int at = rule.query().text().indexOf(needle);
    assertTrue(at >= 0, needle);
    Diagnostic d = Diagnostic.error(FakeQueryValidator.FakeCode.UNKNOWN_NAME, new TextSpan(at, needle.length()), needle);
    return DiagnosticRenderer.render(rule.query().file(), rule.query().toFile(d));
  }

  private SentinelRule loadOk(String yaml) {
    LoadResult<SentinelRule> r = loader.load(SourceText.of("rule.yaml", yaml));
    assertTrue(r.ok(), () -> String.join("\n", r.rendered()));
    return r.value();
  }

  static final String ANALYTIC = """
      id: 0b3a7e2c-55c1-4a7e-9d0e-1f2a3b4c5d6e
      name: RMM tool launched
      description: |
        An RMM tool started.
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
        - Persistence
      relevantTechniques:
        - T1219
        - T1059.001
      query: |
        DeviceProcessEvents
        | where FileName =~ "rdp.exe"
        | project Timestamp, DeviceId, DeviceName, FileName, AccountName
      entityMappings:
        - entityType: Host
          fieldMappings:
            - identifier: HostName
              columnName: DeviceName
        - entityType: Account
          fieldMappings:
            - identifier: Name
              columnName: AccountName
      customDetails:
        Launched: FileName
      alertDetailsOverride:
        alertDisplayNameFormat: RMM {{FileName}} on {{DeviceName}}
        alertDescriptionFormat: "{{FileName}} started"
      eventGroupingSettings:
        aggregationKind: AlertPerResult
      incidentConfiguration:
        createIncident: true
        groupingConfiguration:
          enabled: false
      suppressionEnabled: true
      suppressionDuration: 5h
      version: 1.0.2
      kind: Scheduled
      status: Available
      tags:
        - Solorigate
      metadata:
        source:
          kind: Community
      """;
}
