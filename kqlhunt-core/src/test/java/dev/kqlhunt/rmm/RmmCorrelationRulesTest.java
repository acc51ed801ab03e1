package dev.kqlhunt.rmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.rmm.RmmCorrelationRules.CorrelationRule;
import dev.kqlhunt.rmm.RmmCorrelationRules.NameRow;
import dev.kqlhunt.rules.BinderQueryValidator;
import dev.kqlhunt.rules.LoadResult;
import dev.kqlhunt.rules.RuleLoader;
import dev.kqlhunt.rules.RuleValidator;
import dev.kqlhunt.rules.SentinelRule;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.text.SourceText;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RmmCorrelationRulesTest {
  static final RmmCatalog CATALOG = RmmCatalog.load();

  @Test
  void lookupTableMapsProcessNamesToVendorsWithoutAmbiguity() {
    List<NameRow> table = new RmmCorrelationRules(Confidence.MEDIUM).table(CATALOG);
    assertTrue(table.size() > 300, "rows: " + table.size());
    Set<String> names = new HashSet<>();
    for (NameRow r : table) assertTrue(names.add(r.processName()), "duplicate " + r.processName());
    NameRow anydesk = RmmCorrelationRules.lookup(table, "AnyDesk.exe").orElseThrow();
    NameRow teamviewer = RmmCorrelationRules.lookup(table, "TeamViewer.exe").orElseThrow();
    assertEquals("anydesk", anydesk.toolId());
    assertEquals("teamviewer", teamviewer.toolId());
    assertNotEquals(anydesk.vendor(), teamviewer.vendor());
    assertTrue(RmmCorrelationRules.lookup(table, "notepad.exe").isEmpty());
  }

  /** Stand-in evaluation of the multi-vendor rule: dcount(Vendor) by device over the lookup join. */
  @Test
  void secondVendorOnTheSameHostRaisesTheCorrelation() {
    List<NameRow> table = new RmmCorrelationRules(Confidence.MEDIUM).table(CATALOG);
    List<Map<String, String>> events = List.of(
        Map.of("DeviceId", "d1", "FileName", "AnyDesk.exe"),
        Map.of("DeviceId", "d1", "FileName", "anydesk.exe"),
        Map.of("DeviceId", "d2", "FileName", "AnyDesk.exe"),
        Map.of("DeviceId", "d1", "FileName", "TeamViewer.exe"),
        Map.of("DeviceId", "d2", "FileName", "notepad.exe"));
    Map<String, Set<String>> vendors = new java.util.TreeMap<>();
    for (Map<String, String> e : events) {
      RmmCorrelationRules.lookup(table, e.get("FileName"))
          .ifPresent(r -> vendors.computeIfAbsent(e.get("DeviceId"), k -> new HashSet<>()).add(r.vendor()));
    }
    assertEquals(2, vendors.get("d1").size(), "AnyDesk + TeamViewer on d1");
    assertEquals(1, vendors.get("d2").size(), "AnyDesk alone on d2 is no correlation");
  }

  @Test
  void rulesLoadAndValidateWithDeterministicIds() {
    List<CorrelationRule> rules = new RmmCorrelationRules(Confidence.MEDIUM).generate(CATALOG);
    assertEquals(List.of("multi-vendor", "first-seen"), rules.stream().map(CorrelationRule::kind).toList());
    assertEquals(rules, new RmmCorrelationRules(Confidence.MEDIUM).generate(CATALOG));
    RuleValidator validator = new RuleValidator(new BinderQueryValidator(SchemaRegistry.builtIn()));
    for (CorrelationRule r : rules) {
      LoadResult<SentinelRule> loaded = new RuleLoader().load(SourceText.of(r.fileName(), r.yaml()));
      assertTrue(loaded.ok(), () -> String.join("\n", loaded.rendered()));
      assertEquals(r.id(), loaded.value().id());
      List<Diagnostic> diags = validator.validate(loaded.value(), Instant.parse("2026-11-28T00:00:00Z"));
      assertEquals(List.of(), diags.stream().filter(Diagnostic::isError).map(Diagnostic::toString).toList(), r.query());
    }
    assertTrue(rules.get(0).query().contains("dcount(Vendor)") && rules.get(0).query().contains("VendorCount > 1"));
    assertTrue(rules.get(1).query().contains("ago(Lookback)") && rules.get(1).query().contains("FirstSeen > ago(Recent)"));
  }
}
