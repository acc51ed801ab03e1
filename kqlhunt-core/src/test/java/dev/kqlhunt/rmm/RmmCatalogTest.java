package dev.kqlhunt.rmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped catalog: loads, is large enough, and holds the facts the seed depends on. */
class RmmCatalogTest {
  private static RmmCatalog catalog;

  @BeforeAll
  static void load() {
    catalog = RmmCatalog.load();
  }

  /**
   * The issue asks for 300 tools; deduplicating LOLRMM's 319 files (same product under two names, a
   * vendor file split onto its products) leaves 285 products, plus 2 only jischell knows; 13 of the
   * 287 have no usable fact of their own. The numbers pin what the sources honestly give (the
   * accounting is in docs/RMM.md, "From the public catalogs to the catalog").
   */
  @Test
  void catalogHoldsEveryDistinctToolWithAUsableIndicator() {
    long tools = catalog.tools().size();
    long usable = catalog.tools().stream()
        .filter(t -> t.hasUsableIndicator(Confidence.MEDIUM) || !t.keptRules().isEmpty())
        .count();
    System.out.printf("RMM catalog: %d tools, %d with a usable (medium/high) indicator%n", tools, usable);
    assertEquals(287, tools, "tools");
    assertEquals(274, usable, "tools with a usable indicator");
  }

  @Test
  void idsAndNamesAreUnique() {
    Set<String> ids = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (RmmTool t : catalog.tools()) {
      assertTrue(ids.add(t.id()), "duplicate id " + t.id());
      assertTrue(names.add(t.name().toLowerCase(Locale.ROOT)), "duplicate name " + t.name());
      assertTrue(RmmTool.SLUG.matcher(t.id()).matches(), t.id());
    }
  }

  @Test
  void everyIndicatorHasProvenanceAndConfidenceAndValidValues() {
    for (RmmTool t : catalog.tools()) {
      for (Indicator i : t.indicators()) {
        assertNotNull(i.provenance(), t.id());
        assertNotNull(i.confidence(), t.id());
        assertFalse(i.provenance().file().isBlank(), t.id());
        if (i instanceof Indicator.Domain d) {
          assertTrue(DomainPattern.isValid(d.domain()), t.id() + ": " + d.domain());
        }
      }
    }
  }

  @Test
  void placeholdersAndRegexesNeverReachTheCatalog() {
    for (RmmTool t : catalog.tools()) {
      for (Indicator i : t.indicators()) {
        String text = i.toString().toLowerCase(Locale.ROOT);
        assertFalse(text.contains("user_managed"), t.id() + ": " + i);
        if (i instanceof Indicator.Path p) {
          assertFalse(p.path().matches(".*%[A-Za-z_]+%.*"), t.id() + ": " + p.path());
        }
      }
    }
  }

  /**
   * Regression for the false positives the real-data scan found with low-confidence facts enabled
   * (docs/RMM.md, "Real data"): Windows' dwm.exe listed for Teramind, github.com for Komari, Nezha and
   * GLPI. No usable indicator may name them or other shared infrastructure.
   */
  @Test
  void usableIndicatorsNeverNameWindowsBinariesOrSharedHosting() {
    Set<String> windows = Set.of("dwm.exe", "mstsc.exe", "svchost.exe", "explorer.exe", "msiexec.exe", "cmd.exe");
    Set<String> shared = Set.of("github.com", "raw.githubusercontent.com", "amazonaws.com", "ghcr.io");
    for (RmmTool t : catalog.tools()) {
      for (Indicator i : t.indicators()) {
        if (!i.confidence().atLeast(Confidence.MEDIUM)) {
          continue;
        }
        if (i instanceof Indicator.ProcessName p) {
          assertFalse(windows.contains(p.name().toLowerCase(Locale.ROOT)), t.id() + ": " + p);
        }
        if (i instanceof Indicator.Domain d) {
          assertFalse(shared.contains(DomainPattern.baseHost(d.domain())), t.id() + ": " + d);
        }
      }
    }
  }

  @Test
  void remoteDesktopPlusCarriesTheSeedFacts() {
    RmmTool rdp = catalog.find("Remote Desktop Plus").orElseThrow();
    assertEquals("remote-desktop-plus", rdp.id());
    Indicator.PeVersionInfo pe = (Indicator.PeVersionInfo) rdp.indicators(IndicatorKind.PE_VERSION_INFO).get(0);
    assertEquals(List.of("www.donkz.nl"), pe.company());
    assertEquals(List.of("Remote Desktop Plus"), pe.product());
    assertEquals(List.of("rdp.exe"), pe.originalFileName());
    assertEquals(Confidence.HIGH, pe.confidence());
    KeptRule process = rdp.keptRules().stream()
        .filter(r -> r.kind() == RmmRuleKind.PROCESS_VERSION_INFO).findFirst().orElseThrow();
    assertEquals("6e98184a-6794-4c94-923b-d0ab052ca92e", process.id());
  }

  @Test
  void genericTermsAndUnreviewedSignersAreLowConfidence() {
    RmmTool rdp = catalog.find("remote-desktop-plus").orElseThrow();
    // LOLRMM lists an unrelated company as the signer of Remote Desktop Plus: unreviewed, so low.
    Indicator signer = rdp.indicators(IndicatorKind.SIGNER).get(0);
    assertEquals(Confidence.LOW, signer.confidence());
    // "rdp.exe" is three letters before the extension: too generic to identify a tool alone.
    Indicator name = rdp.indicators(IndicatorKind.PROCESS_NAME).get(0);
    assertEquals(Confidence.LOW, name.confidence());
    // jischell's N-able rule lists "Remote Monitoring" among company names: split off, low.
    RmmTool nable = catalog.find("N-Able Advanced Monitoring Agent").orElseThrow();
    List<Indicator.PeVersionInfo> pe = nable.indicators(IndicatorKind.PE_VERSION_INFO).stream()
        .map(i -> (Indicator.PeVersionInfo) i).toList();
    Indicator.PeVersionInfo generic = pe.stream()
        .filter(e -> e.company().equals(List.of("Remote Monitoring"))).findFirst().orElseThrow();
    assertEquals(Confidence.LOW, generic.confidence());
    Indicator.PeVersionInfo specific = pe.stream()
        .filter(e -> e.company().contains("N-Able")).findFirst().orElseThrow();
    assertEquals(Confidence.HIGH, specific.confidence());
    assertFalse(specific.company().contains("Remote Monitoring"));
  }

  @Test
  void duplicatesAreMergedUnderOneTool() {
    RmmTool isl = catalog.find("isl-online").orElseThrow();
    assertTrue(isl.aliases().contains("ISL Light"), isl.aliases().toString());
    assertEquals(isl, catalog.find("ISL Light").orElseThrow());
    assertEquals(isl, catalog.find("ISLOnline").orElseThrow());
  }

  @Test
  void environmentPathsAreExpandedForBothProgramFolders() {
    RmmTool anydesk = catalog.find("anydesk").orElseThrow();
    List<String> paths = anydesk.indicators(IndicatorKind.PATH).stream()
        .map(i -> ((Indicator.Path) i).path()).toList();
    assertTrue(paths.contains("C:\\ProgramData\\AnyDesk\\service.conf"), paths.toString());
    assertTrue(paths.contains("C:\\Users\\*\\AppData\\Roaming\\AnyDesk\\ad.trace"), paths.toString());
  }
}
