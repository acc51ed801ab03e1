package dev.kqlhunt.rmm.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.rmm.Category;
import dev.kqlhunt.rmm.Confidence;
import dev.kqlhunt.rmm.Indicator;
import dev.kqlhunt.rmm.Provenance;
import dev.kqlhunt.rmm.RmmTool;
import dev.kqlhunt.rmm.Shared;
import dev.kqlhunt.rmm.Source;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Where the 319 LOLRMM files and the 76 jischell tools go: each ends in exactly one catalog tool (as
 * its name or an alias), except the vendor files whose facts are split onto the vendor's products.
 * The numbers and lists here are the ones docs/RMM.md, "From the public catalogs to the catalog",
 * states and explains.
 */
@Tag("conformance")
class CatalogAccountingTest {
  private static Map<String, LolrmmEntry> lolrmm;
  private static Map<String, List<String>> xref;
  private static List<RmmTool> built;

  @BeforeAll
  static void build() throws IOException {
    lolrmm = CatalogBuilder.readLolrmm(Shared.root());
    xref = Xref.read(Shared.root().resolve("rmm/xref_jischell_lolrmm.csv"));
    built = CatalogBuilder.build(Shared.root());
  }

  @Test
  void everyLolrmmFileEndsInExactlyOneTool() {
    assertEquals(319, lolrmm.size());
    for (Map.Entry<String, LolrmmEntry> e : lolrmm.entrySet()) {
      if (CatalogBuilder.VENDOR_FILES.containsKey(e.getKey())) {
        continue;
      }
      assertEquals(1, toolsNamed(e.getValue().name()).size(), e.getKey() + " -> " + toolsNamed(e.getValue().name()));
    }
  }

  @Test
  void vendorFilesGiveTheirFactsToTheirProducts() {
    CatalogBuilder.VENDOR_FILES.forEach((vendor, products) -> {
      assertTrue(toolsNamed(lolrmm.get(vendor).name()).isEmpty(), vendor + " is no tool of its own");
      products.forEach((product, paths) -> {
        String id = toolsNamed(lolrmm.get(product).name()).get(0);
        RmmTool t = built.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        for (String p : paths) {
          // The product's own file may list the same name first (Royal TS: royalts.exe); then that one stays.
          assertTrue(t.indicators().stream().anyMatch(i -> i instanceof Indicator.ProcessName n
              && n.name().equals(p)), t.id() + " lacks " + p);
        }
      });
    });
  }

  @Test
  void mergesAndCounts() {
    Map<String, List<String>> groups = CatalogBuilder.group(withoutVendorFiles());
    int merged = 0;
    for (List<String> members : groups.values()) {
      merged += members.size() - 1;
    }
    // 319 files = 285 products + 33 files merged into another + 1 vendor file split.
    assertEquals(285, groups.size());
    assertEquals(33, merged);
    assertEquals(1, CatalogBuilder.VENDOR_FILES.size());
    assertEquals(287, built.size(), "285 products + TSPlus, XMReality (jischell only)");
  }

  @Test
  void everyJischellToolEndsInExactlyOneTool() {
    assertEquals(76, xref.size());
    for (String j : xref.keySet()) {
      assertEquals(1, toolsNamed(j).size(), j + " -> " + toolsNamed(j));
    }
  }

  @Test
  void toolsWithoutAUsableFactAreTheDocumentedOnes() {
    List<String> none = new ArrayList<>();
    for (RmmTool t : built) {
      if (!t.hasUsableIndicator(Confidence.MEDIUM) && t.keptRules().isEmpty()) {
        none.add(t.id());
      }
    }
    assertEquals(List.of("cruzcontrol", "desknets", "free-ping-tool", "jollysfastvnc", "koofr",
        "manageengine-rmm-central", "multcloud", "n-able-remote-access-software", "nordlocker", "rdpview",
        "smartcode-web-vnc", "tanium-deploy", "webex-remote-access"), none);
    assertEquals(274, built.size() - none.size());
  }

  @Test
  void sharedFactsLowerOnlyToolsWithNothingOfTheirOwn() {
    Provenance p = new Provenance(Source.LOLRMM, "yaml/x.yaml");
    Indicator shared = new Indicator.ProcessName("dwrcs.exe", Confidence.MEDIUM, p);
    RmmTool onlyShared = tool("rdpview", List.of(shared));
    RmmTool owner = tool("dameware", List.of(shared, new Indicator.ProcessName("dntus26.exe", Confidence.MEDIUM, p)));
    List<RmmTool> out = SharedFacts.apply(List.of(onlyShared, owner));
    assertEquals(Confidence.LOW, out.get(0).indicators().get(0).confidence());
    assertEquals(owner, out.get(1), "the other owner keeps its facts");
    assertEquals(List.of("rdpview"), SharedFacts.loweredIds(List.of(onlyShared, owner)));
    // In the shipped catalog: exactly the three tools docs/RMM.md names, and the step is stable.
    assertEquals(built, SharedFacts.apply(built));
    Map<String, RmmTool> byId = new HashMap<>();
    built.forEach(t -> byId.put(t.id(), t));
    for (String id : List.of("n-able-remote-access-software", "rdpview", "smartcode-web-vnc")) {
      RmmTool t = byId.get(id);
      assertTrue(!t.indicators().isEmpty() && t.indicators().stream().allMatch(i -> i.confidence() == Confidence.LOW), id);
    }
  }

  private static RmmTool tool(String id, List<Indicator> indicators) {
    return new RmmTool(id, id, List.of(), null, null, Category.RMM, List.of("T1219"), List.of(), indicators, List.of());
  }

  private static Map<String, LolrmmEntry> withoutVendorFiles() {
    Map<String, LolrmmEntry> out = new java.util.LinkedHashMap<>(lolrmm);
    CatalogBuilder.VENDOR_FILES.keySet().forEach(out::remove);
    return out;
  }

  private static List<String> toolsNamed(String name) {
    String k = ToolAssembler.key(name);
    List<String> out = new ArrayList<>();
    for (RmmTool t : built) {
      if (ToolAssembler.key(t.name()).equals(k) || t.aliases().stream().anyMatch(a -> ToolAssembler.key(a).equals(k))) {
        out.add(t.id());
      }
    }
    return out;
  }
}
