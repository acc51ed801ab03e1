package dev.kqlhunt.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.rules.exclusions.ExclusionLoader;
import dev.kqlhunt.rules.exclusions.ExclusionSet;
import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.text.TextSpan;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleCompilerTest {
  private static final String RULE = """
      id: 0b3a7e2c-55c1-4a7e-9d0e-1f2a3b4c5d6e
      name: Two tables
      requiredDataConnectors:
        - connectorId: MicrosoftThreatProtection
          dataTypes: [DeviceProcessEvents, DeviceNetworkEvents]
      query: |
        DeviceProcessEvents
        | summarize Count = count() by DeviceId
        | join kind=inner (DeviceNetworkEvents | where RemotePort == 443) on DeviceId
      """;

  private static final String EXCLUSIONS = """
      exclusions:
        - id: backup
          rules: "Two *"
          table: DeviceProcessEvents
          reason: nightly backup
          owner: o
          expires: 2027-01-01
          where: |
            FileName in~ ("wbadmin.exe") // trailing comment
        - id: proxy
          rules: "Two tables"
          table: DeviceNetworkEvents
          reason: corporate proxy
          owner: o
          expires: 2027-01-01
          where: RemoteUrl endswith ".proxy.contoso.example"
        - id: ambiguous
          rules: "Two tables"
          reason: r
          owner: o
          expires: 2027-01-01
          where: Bogus
      """;

  private static SentinelRule rule(String yaml) {
    return new RuleLoader().load(SourceText.of("rule.yaml", yaml)).value();
  }

  @Test
  void exclusionsShadowEachSourceTableBeforeTheQuery() {
    SentinelRule rule = rule(RULE);
    ExclusionSet set = new ExclusionLoader().load(SourceText.of("ex.yaml", EXCLUSIONS)).value();
    ExclusionSet.Selection selection = set.select(rule, LocalDate.parse("2026-11-28"));
    CompiledRule compiled = new RuleCompiler().compile(rule, selection.active(), Map.of());
    assertEquals("""
        let DeviceProcessEvents = DeviceProcessEvents
        // exclusion backup
        | where not((
        FileName in~ ("wbadmin.exe") // trailing comment

        ) == true);
        let DeviceNetworkEvents = DeviceNetworkEvents
        // exclusion proxy
        | where not((
        RemoteUrl endswith ".proxy.contoso.example"
        ) == true);
        DeviceProcessEvents
        | summarize Count = count() by DeviceId
        | join kind=inner (DeviceNetworkEvents | where RemotePort == 443) on DeviceId
        """, compiled.text().text());
    assertEquals(List.of("backup", "proxy"), compiled.applied().stream().map(a -> a.exclusion().id()).toList());
    // The third entry names no table while the rule requires two: reported, not applied.
    assertEquals(1, compiled.diagnostics().size());
    assertEquals("ex.yaml:17:5: error KQL3059: Exclusion 'ambiguous' names no 'table' and rule 'Two tables' "
        + "requires DeviceProcessEvents, DeviceNetworkEvents; say which table it filters",
        compiled.diagnostics().get(0).render().lines().findFirst().orElseThrow());
    assertEquals("DeviceNetworkEvents\n| where (\nRemoteUrl endswith \".proxy.contoso.example\"\n) == true\n| count",
        compiled.applied().get(1).auditQuery());
  }

  @Test
  void diagnosticsOnTheCompiledTextGoBackToTheFileTheUserWrote() {
    SentinelRule rule = rule(RULE);
    ExclusionSet set = new ExclusionLoader().load(SourceText.of("ex.yaml", EXCLUSIONS)).value();
    CompiledRule compiled = new RuleCompiler().compile(rule, set.select(rule, LocalDate.parse("2026-11-28")).active(), Map.of());
    String text = compiled.text().text();
    int inPredicate = text.indexOf("endswith");
    assertEquals("ex.yaml:16:22: error KQL2999: Unknown name 'x'", locate(compiled, inPredicate, 8));
    int inQuery = text.indexOf("RemotePort");
    assertEquals("rule.yaml:9:50: error KQL2999: Unknown name 'x'", locate(compiled, inQuery, 10));
  }

  @Test
  void withoutExclusionsTheQueryIsUnchangedExceptPlaceholders() {
    SentinelRule rule = rule("id: a\nname: n\nquery: |\n  T | where t > todatetime('{{StartTimeISO}}')\n");
    CompiledRule compiled = new RuleCompiler().compile(rule,
        Placeholders.forWindow(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-21T00:00:00Z")));
    assertEquals("T | where t > todatetime('2026-11-20T00:00:00.0000000Z')\n", compiled.text().text());
    assertTrue(compiled.applied().isEmpty());
  }

  @Test
  void indirectTableReadsAreWarned() {
    SentinelRule rule = rule("id: a\nname: n\nrequiredDataConnectors:\n  - connectorId: X\n    dataTypes: [DeviceProcessEvents]\n"
        + "query: union Device* | where FileName == 'x'\n");
    ExclusionSet set = new ExclusionLoader().load(SourceText.of("ex.yaml",
        "exclusions:\n  - {id: e, rules: a, reason: r, owner: o, expires: 2027-01-01, where: 'FileName == \"y\"'}\n")).value();
    CompiledRule compiled = new RuleCompiler().compile(rule, set.exclusions(), Map.of());
    List<String> lines = compiled.diagnostics().stream().map(d -> d.render().lines().findFirst().orElseThrow()).toList();
    assertEquals(List.of(
        "ex.yaml:2:5: warning KQL3056: Exclusion 'e' filters table 'DeviceProcessEvents', which rule 'n' does not read by name",
        "r.yaml:6:8: warning KQL3090: Rule 'n' reads tables indirectly (union Device*); exclusions on 'DeviceProcessEvents' may not apply"),
        lines.stream().map(l -> l.replace("rule.yaml", "r.yaml")).toList());
  }

  private static String locate(CompiledRule compiled, int offset, int length) {
    Diagnostic d = Diagnostic.error(FakeQueryValidator.FakeCode.UNKNOWN_NAME, new TextSpan(offset, length), "x");
    return compiled.locate(d).render().lines().findFirst().orElseThrow();
  }
}
