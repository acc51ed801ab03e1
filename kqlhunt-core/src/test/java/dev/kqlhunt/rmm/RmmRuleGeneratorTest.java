package dev.kqlhunt.rmm;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The pack generated from the shipped catalog. */
@Tag("conformance")
class RmmRuleGeneratorTest {
  private static final Pattern GUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private static RmmCatalog catalog;
  private static List<GeneratedRule> pack;

  @BeforeAll
  static void generate() {
    catalog = RmmCatalog.load();
    pack = new RmmRuleGenerator().generate(catalog);
  }

  private static String seedQuery() throws IOException {
    String text = Files.readString(Shared.seedRule(), StandardCharsets.UTF_8);
    Map<?, ?> doc = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(text);
    return (String) doc.get("query");
  }

  @Test
  void remoteDesktopPlusProcessRuleIsTheSeedRule() throws IOException {
    GeneratedRule rule = pack.stream()
        .filter(r -> r.id().equals("6e98184a-6794-4c94-923b-d0ab052ca92e")).findFirst().orElseThrow();
    assertEquals("remote-desktop-plus", rule.toolId());
    assertEquals(RmmRuleKind.PROCESS_VERSION_INFO, rule.kind());
    assertEquals(seedQuery(), rule.query());
    Map<?, ?> doc = yaml(rule);
    assertEquals(seedQuery(), doc.get("query"));
    assertEquals("6e98184a-6794-4c94-923b-d0ab052ca92e", doc.get("id"));
  }

  /** The renderer alone, given the catalog's facts, writes the seed's query byte for byte. */
  @Test
  void renderingTheSeedFactsReproducesTheSeedQuery() throws IOException {
    RmmTool rdp = catalog.find("remote-desktop-plus").orElseThrow();
    List<Indicator> pe = rdp.indicators(IndicatorKind.PE_VERSION_INFO);
    assertEquals(seedQuery(), RmmQueries.render(RmmRuleKind.PROCESS_VERSION_INFO, pe));
  }

  @Test
  void everyRuleIsValidSentinelYamlWithTheRequiredFields() {
    for (GeneratedRule r : pack) {
      Map<?, ?> doc = yaml(r);
      assertTrue(GUID.matcher((String) doc.get("id")).matches(), r.fileName());
      assertEquals(r.id(), doc.get("id"));
      assertEquals(r.name(), doc.get("name"));
      assertEquals(r.query(), doc.get("query"), r.fileName());
      assertFalse(((String) doc.get("description")).isBlank());
      assertEquals(List.of("CommandAndControl"), doc.get("tactics"), r.fileName());
      assertEquals(List.of("T1219"), doc.get("relevantTechniques"), r.fileName());
      List<?> connectors = (List<?>) doc.get("requiredDataConnectors");
      Map<?, ?> connector = (Map<?, ?>) connectors.get(0);
      assertEquals("MicrosoftThreatProtection", connector.get("connectorId"));
      assertEquals(List.of(r.kind().table()), connector.get("dataTypes"));
      assertTrue(r.query().contains(r.kind().table()), r.fileName());
    }
  }

  @Test
  void idsAndFileNamesAreUniqueAcrossThePack() {
    Set<String> ids = new HashSet<>();
    Set<String> files = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (GeneratedRule r : pack) {
      assertTrue(ids.add(r.id()), "duplicate id " + r.id());
      assertTrue(files.add(r.fileName()), "duplicate file " + r.fileName());
      assertTrue(names.add(r.name()), "duplicate name " + r.name());
    }
  }

  @Test
  void idsAreStableAcrossRuns() {
    List<GeneratedRule> again = new RmmRuleGenerator().generate(RmmCatalog.load());
    assertEquals(pack, again);
    // Pinned: a change here changes the id users have in their workspaces.
    assertEquals("05026212-8e75-54eb-9d20-16476e6dba7c", RmmRuleGenerator.ruleId("anydesk", RmmRuleKind.PROCESS_NAME));
    GeneratedRule anydeskNames = pack.stream()
        .filter(r -> r.toolId().equals("anydesk") && r.kind() == RmmRuleKind.PROCESS_NAME).findFirst().orElseThrow();
    assertEquals("05026212-8e75-54eb-9d20-16476e6dba7c", anydeskNames.id());
  }

  @Test
  void keptJischellRulesKeepTheirIdsAndGeneratedRulesDoNotRepeatTheirFacts() {
    RmmTool anydesk = catalog.find("anydesk").orElseThrow();
    List<GeneratedRule> rules = new RmmRuleGenerator().generate(anydesk);
    for (KeptRule k : anydesk.keptRules()) {
      assertTrue(rules.stream().anyMatch(r -> r.kept() && r.id().equals(k.id())), k.id());
    }
    GeneratedRule signer = rules.stream()
        .filter(r -> !r.kept() && r.kind() == RmmRuleKind.SIGNER).findFirst().orElseThrow();
    // jischell's signer terms live in the kept rule; the generated one adds LOLRMM's confirmed name only.
    assertFalse(signer.query().contains("philandro"), signer.query());
    assertTrue(signer.query().contains("'AnyDesk Software GmbH'"), signer.query());
  }

  @Test
  void lowConfidenceIndicatorsStayOutOfTheDefaultPack() {
    RmmTool rdp = catalog.find("remote-desktop-plus").orElseThrow();
    List<GeneratedRule> rules = new RmmRuleGenerator().generate(rdp);
    assertTrue(rules.stream().noneMatch(r -> r.query().contains("Plooto")), rules.toString());
    assertTrue(rules.stream().noneMatch(r -> r.kind() == RmmRuleKind.PROCESS_NAME));
    List<GeneratedRule> all = new RmmRuleGenerator(Confidence.LOW).generate(rdp);
    assertTrue(all.stream().anyMatch(r -> r.query().contains("'Plooto Star Inc'")));
    assertTrue(all.stream().anyMatch(r -> r.query().contains("FileName in~ ('rdp.exe')")));
  }

  @Test
  void coverageCountsToolsKindsAndTables() {
    RmmCoverage coverage = RmmCoverage.of(catalog, new RmmRuleGenerator());
    System.out.printf("RMM pack: %d rules, %d tools covered, per kind %s%n",
        pack.size(), coverage.coveredTools(), coverage.toolsPerKind());
    assertEquals(catalog.tools().size(), coverage.rows().size());
    assertTrue(coverage.coveredTools() >= 274, "covered: " + coverage.coveredTools());
    assertEquals(List.of("DeviceEvents", "DeviceFileCertificateInfo", "DeviceFileEvents",
        "DeviceNetworkEvents", "DeviceProcessEvents", "DeviceRegistryEvents"), coverage.tables());
    RmmCoverage.Row rdp = coverage.rows().stream()
        .filter(r -> r.toolId().equals("remote-desktop-plus")).findFirst().orElseThrow();
    assertEquals(Map.of(RmmRuleKind.PROCESS_VERSION_INFO, 1, RmmRuleKind.NETWORK, 2), rdp.rulesPerKind());
    String text = coverage.render();
    assertTrue(text.contains("remote-desktop-plus"), text);
    assertTrue(text.contains("tables: DeviceEvents"), text);
  }

  private static Map<?, ?> yaml(GeneratedRule r) {
    Object doc = new Load(LoadSettings.builder().setLabel(r.fileName()).build()).loadFromString(r.yaml());
    return assertInstanceOf(Map.class, doc, r.fileName());
  }
}
