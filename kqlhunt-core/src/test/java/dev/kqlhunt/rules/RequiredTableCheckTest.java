package dev.kqlhunt.rules;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kqlhunt.diag.DiagnosticRenderer;
import dev.kqlhunt.rules.schedule.ScheduledRun;
import dev.kqlhunt.text.SourceText;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequiredTableCheckTest {
  private static final ScheduledRun RUN = new ScheduledRun(1, Instant.parse("2026-11-25T00:00:00Z"),
      Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-25T00:00:00Z"));

  @Tag("conformance")
  @Test
  void seedRuleSaysItsTableHasNoDataInsteadOfFindingNothing() {
    LoadResult<SentinelRule> r = new RuleLoader().load(SharedCorpus.seedRule());
    SentinelRule rule = r.value();
    Set<String> tables = RequiredTableCheck.tablesToCheck(rule, Set.of("DeviceProcessEvents"));
    List<String> empty = RequiredTableCheck.check(rule, RUN, tables, (t, from, to) -> 0).stream()
        .map(d -> DiagnosticRenderer.render(r.file(), d).lines().findFirst().orElseThrow()).toList();
    assertEquals(1, empty.size());
    assertEquals(r.file().name() + ":7:1: warning KQL3040: Table 'DeviceProcessEvents' has no rows between "
        + "2026-11-20T00:00:00Z and 2026-11-25T00:00:00Z: ensure its data connector (MicrosoftThreatProtection) "
        + "is enabled; without it the rule finds nothing", empty.get(0));
    // Rows outside the window do not count: the counter is asked for the run's window only.
    assertEquals(List.of(), RequiredTableCheck.check(rule, RUN, tables,
        (t, from, to) -> from.equals(RUN.windowStart()) && to.equals(RUN.windowEnd()) ? 3 : 0));
  }

  @Test
  void rulesWithoutDeclaredTablesCheckTheTablesTheirQueryReads() {
    SentinelRule rule = new RuleLoader().load(SourceText.of("r.yaml", "id: a\nname: n\nquery: DeviceFileEvents\n")).value();
    assertEquals(Set.of("DeviceFileEvents"), RequiredTableCheck.tablesToCheck(rule, Set.of("DeviceFileEvents")));
    assertEquals(1, RequiredTableCheck.check(rule, RUN, Set.of("DeviceFileEvents"), (t, f, to) -> 0).size());
  }
}
