package dev.kqlhunt.rmm;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every tool and every rule kind of the generated pack, each indicator's true-positive event fires
 * the rule and its near miss does not, evaluated with {@link RmmMatcher} (the engine's string kernels
 * over the same clauses the KQL has): a fast check of the catalog alone. The same samples go through
 * the real engine in {@link RmmPackEngineTest}, which also checks that the matcher agrees with it.
 */
@Tag("conformance")
class RmmSamplesTest {
  private static final RmmRuleGenerator GENERATOR = new RmmRuleGenerator(Confidence.LOW);

  static Stream<Arguments> toolsAndKinds() {
    List<Arguments> out = new ArrayList<>();
    for (RmmTool t : RmmCatalog.load().tools()) {
      for (Map.Entry<RmmRuleKind, List<Indicator>> e : GENERATOR.usableByKind(t).entrySet()) {
        out.add(Arguments.of(t.id(), e.getKey(), e.getValue()));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("toolsAndKinds")
  void hitFiresAndNearMissDoesNot(String toolId, RmmRuleKind kind, List<Indicator> indicators) {
    RmmMatcher rule = RmmMatcher.of(kind, indicators);
    for (Indicator i : indicators) {
      RmmSamples.Sample s = RmmSamples.of(i);
      assertTrue(rule.test(s.hit()), toolId + " " + kind + " misses " + s.hit());
      assertFalse(rule.test(s.nearMiss()), toolId + " " + kind + " fires on near miss " + s.nearMiss());
    }
  }

  /** Every process or network fact is either tested above or stated by a kept jischell rule. */
  @Test
  void everyToolWithAProcessOrNetworkIndicatorIsTested() {
    List<RmmRuleKind> kinds = List.of(RmmRuleKind.PROCESS_VERSION_INFO, RmmRuleKind.PROCESS_NAME, RmmRuleKind.NETWORK);
    int tools = 0;
    for (RmmTool t : RmmCatalog.load().tools()) {
      Map<RmmRuleKind, List<Indicator>> tested = GENERATOR.usableByKind(t);
      boolean any = false;
      for (Indicator i : t.indicators()) {
        RmmRuleKind k = i.kind().ruleKind();
        if (!kinds.contains(k)) {
          continue;
        }
        any = true;
        boolean inKeptRule = t.keptRules().stream().anyMatch(r -> r.provenance().equals(i.provenance()));
        assertTrue(inKeptRule || tested.getOrDefault(k, List.of()).contains(i), t.id() + ": " + i);
      }
      tools += any ? 1 : 0;
    }
    System.out.println("RMM samples: tools with a process or network indicator: " + tools);
    assertTrue(tools >= 238, "tools: " + tools);
  }

  @Test
  void seedEventsFireTheRemoteDesktopPlusRule() {
    RmmTool rdp = RmmCatalog.load().find("remote-desktop-plus").orElseThrow();
    RmmMatcher rule = RmmMatcher.of(RmmRuleKind.PROCESS_VERSION_INFO, rdp.indicators(IndicatorKind.PE_VERSION_INFO));
    Map<String, String> seed = Map.of(
        "ProcessVersionInfoCompanyName", "www.donkz.nl",
        "ProcessVersionInfoProductName", "Remote Desktop Plus",
        "ProcessVersionInfoOriginalFileName", "rdp.exe");
    assertTrue(rule.test(seed));
    assertFalse(rule.test(Map.of(
        "ProcessVersionInfoCompanyName", "Microsoft Corporation",
        "ProcessVersionInfoProductName", "Remote Desktop Connection",
        "ProcessVersionInfoOriginalFileName", "mstsc.exe")));
    assertEquals(false, rule.test(Map.of()));
  }

  @Test
  void anydeskTemporaryConfigCopiesMatchTheFileRule() {
    RmmTool anydesk = RmmCatalog.load().find("anydesk").orElseThrow();
    RmmMatcher rule = RmmMatcher.of(RmmRuleKind.FILE, new RmmRuleGenerator().usableByKind(anydesk).get(RmmRuleKind.FILE));
    // From the SigmaHQ regression sample in ../shared/data/real: AnyDesk writes *.new then renames.
    assertTrue(rule.test(Map.of("FolderPath", "C:\\Users\\Administrator\\AppData\\Roaming\\AnyDesk\\user.conf.new")));
    assertTrue(rule.test(Map.of("FolderPath", "C:\\Users\\Administrator\\AppData\\Roaming\\AnyDesk\\service.conf~RF2d9c1fe.TMP")));
    assertFalse(rule.test(Map.of("FolderPath", "C:\\Users\\Administrator\\AppData\\Roaming\\AnyDeskX\\user.conf")));
  }
}
