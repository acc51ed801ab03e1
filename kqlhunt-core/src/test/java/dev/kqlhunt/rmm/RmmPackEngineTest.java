package dev.kqlhunt.rmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.exec.DataSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The acceptance test of the pack on the real engine: for every tool and every rule of the pack (kept
 * jischell rules and generated ones), each indicator the rule covers gets a generated true-positive
 * event ({@link RmmSamples}) that must fire the rule, and a near miss that must not. All events of a
 * table go into one in-memory table (each event on its own device) and every rule runs once through
 * {@link dev.kqlhunt.exec.QueryRunner}; the per-tool test then reads which devices the tool's rules
 * reported. Two packs are run: the shipped one (medium floor) and the one with every indicator (low
 * floor). {@link RmmMatcher}, the Java twin of a generated rule, must agree with the engine on every
 * event of the rule's table. About 10 s in all, most of it generating the two packs and their events.
 */
class RmmPackEngineTest {
  /** One rule of a pack and the events made for it. */
  record Case(GeneratedRule rule, List<Indicator> facts, List<String> hits, List<String> misses) {}

  /** A pack run: the cases per tool and the devices each rule reported. */
  record PackRun(Map<String, List<Case>> byTool, Map<String, Set<String>> fired, long millis, int events) {}

  private static final Map<Confidence, PackRun> RUNS = new EnumMap<>(Confidence.class);
  private static RmmCatalog catalog;

  @BeforeAll
  static void runPacks() {
    catalog = RmmCatalog.load();
    for (Confidence floor : List.of(Confidence.MEDIUM, Confidence.LOW)) {
      RUNS.put(floor, run(floor));
    }
  }

  static PackRun run(Confidence floor) {
    RmmRuleGenerator generator = new RmmRuleGenerator(floor);
    EngineTables tables = new EngineTables();
    Map<String, List<Case>> byTool = new LinkedHashMap<>();
    int events = 0;
    for (RmmTool tool : catalog.tools()) {
      Map<RmmRuleKind, List<Indicator>> usable = generator.usableByKind(tool);
      for (GeneratedRule rule : generator.generate(tool)) {
        List<Indicator> facts = rule.kept() ? keptFacts(tool, rule) : usable.get(rule.kind());
        List<String> hits = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        for (Indicator i : facts) {
          RmmSamples.Sample s = RmmSamples.of(i);
          Map<String, String> hit = rule.kept() ? KeptRuleContext.hit(rule, s.hit()) : s.hit();
          Map<String, String> miss = rule.kept() ? KeptRuleContext.nearMiss(rule, s.nearMiss()) : s.nearMiss();
          hits.add(tables.add(rule.kind().table(), "hit", hit));
          misses.add(tables.add(rule.kind().table(), "miss", miss));
          events += 2;
        }
        byTool.computeIfAbsent(tool.id(), k -> new ArrayList<>()).add(new Case(rule, facts, hits, misses));
      }
    }
    DataSource data = tables.source();
    long start = System.nanoTime();
    Map<String, Set<String>> fired = new LinkedHashMap<>();
    for (List<Case> cases : byTool.values()) {
      for (Case c : cases) {
        fired.put(c.rule().id(), EngineTables.deviceNames(
            EngineTables.run(data, c.rule().fileName(), c.rule().query(), EngineTables.NOW)));
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("RMM pack on the engine (floor %s): %d rules, %d events, %d ms%n",
        floor.yamlName(), fired.size(), events, millis);
    return new PackRun(byTool, fired, millis, events);
  }

  /**
   * The facts read from a kept rule (same provenance): those of its table, and PE version info of the
   * connecting process for a network rule (Datto's netconn rule names the agent's company).
   */
  private static List<Indicator> keptFacts(RmmTool tool, GeneratedRule rule) {
    KeptRule kept = tool.keptRules().stream().filter(k -> k.id().equals(rule.id())).findFirst().orElseThrow();
    return tool.indicators().stream()
        .filter(i -> i.provenance().equals(kept.provenance()))
        .filter(i -> i.kind().ruleKind().table().equals(rule.kind().table())
            || (rule.kind() == RmmRuleKind.NETWORK && i.kind() == IndicatorKind.PE_VERSION_INFO))
        .toList();
  }

  static Stream<Arguments> tools() {
    return RmmCatalog.load().tools().stream().map(t -> Arguments.of(t.id()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tools")
  void everyRuleFiresOnItsTruePositivesAndNotOnItsNearMisses(String toolId) {
    for (Map.Entry<Confidence, PackRun> run : RUNS.entrySet()) {
      for (Case c : run.getValue().byTool().getOrDefault(toolId, List.of())) {
        Set<String> fired = run.getValue().fired().get(c.rule().id());
        String what = toolId + " " + c.rule().fileName() + " (floor " + run.getKey().yamlName() + ")";
        for (int i = 0; i < c.facts().size(); i++) {
          Indicator fact = c.facts().get(i);
          assertTrue(fired.contains(c.hits().get(i)), what + " misses its true positive for " + fact
              + "\nevent: " + RmmSamples.of(fact).hit());
          assertTrue(!fired.contains(c.misses().get(i)), what + " fires on the near miss for " + fact
              + "\nevent: " + RmmSamples.of(fact).nearMiss());
        }
      }
    }
  }

  /** Every tool with a process or network indicator has a rule that was tested with it. */
  @Test
  void everyProcessAndNetworkIndicatorIsTestedThroughARule() {
    PackRun low = RUNS.get(Confidence.LOW);
    int tools = 0;
    for (RmmTool t : catalog.tools()) {
      List<Indicator> tested = low.byTool().getOrDefault(t.id(), List.of()).stream()
          .flatMap(c -> c.facts().stream()).toList();
      boolean any = false;
      for (Indicator i : t.indicators()) {
        RmmRuleKind k = i.kind().ruleKind();
        if (k == RmmRuleKind.PROCESS_NAME || k == RmmRuleKind.PROCESS_VERSION_INFO || k == RmmRuleKind.NETWORK) {
          any = true;
          assertTrue(tested.contains(i), t.id() + ": untested " + i);
        }
      }
      tools += any ? 1 : 0;
    }
    System.out.println("RMM pack on the engine: tools with a process or network indicator, all tested: " + tools);
    assertTrue(tools >= 238, "tools: " + tools);
  }

  /**
   * The stand-in matcher and the engine give the same answer on every event of each generated rule's
   * table. Checked on the low-floor pack, whose rules hold every clause the shipped ones do.
   */
  @Test
  void rmmMatcherAgreesWithTheEngine() {
    for (Map.Entry<Confidence, PackRun> run : Map.of(Confidence.LOW, RUNS.get(Confidence.LOW)).entrySet()) {
      Map<String, Map<String, Map<String, String>>> eventsByTable = eventsByTable(run.getValue());
      int compared = 0;
      for (List<Case> cases : run.getValue().byTool().values()) {
        for (Case c : cases) {
          if (c.rule().kept()) {
            continue;
          }
          RmmMatcher matcher = RmmMatcher.of(c.rule().kind(), c.facts());
          Set<String> fired = run.getValue().fired().get(c.rule().id());
          for (Map.Entry<String, Map<String, String>> e : eventsByTable.get(c.rule().kind().table()).entrySet()) {
            assertEquals(fired.contains(e.getKey()), matcher.test(e.getValue()),
                c.rule().fileName() + " on " + e.getValue());
            compared++;
          }
        }
      }
      System.out.printf("RmmMatcher agrees with the engine (floor %s): %d rule x event pairs%n",
          run.getKey().yamlName(), compared);
      assertTrue(compared > 100_000, "compared " + compared);
    }
  }

  /** Device name to event, per table, rebuilt from the samples in the order they were added. */
  private static Map<String, Map<String, Map<String, String>>> eventsByTable(PackRun run) {
    Map<String, Map<String, Map<String, String>>> out = new LinkedHashMap<>();
    for (List<Case> cases : run.byTool().values()) {
      for (Case c : cases) {
        Map<String, Map<String, String>> table = out.computeIfAbsent(c.rule().kind().table(), k -> new LinkedHashMap<>());
        for (int i = 0; i < c.facts().size(); i++) {
          RmmSamples.Sample s = RmmSamples.of(c.facts().get(i));
          table.put(c.hits().get(i), c.rule().kept() ? KeptRuleContext.hit(c.rule(), s.hit()) : s.hit());
          table.put(c.misses().get(i), c.rule().kept() ? KeptRuleContext.nearMiss(c.rule(), s.nearMiss()) : s.nearMiss());
        }
      }
    }
    return out;
  }

  @Test
  void theSeedRuleIsInThePackAndFires() {
    PackRun shipped = RUNS.get(Confidence.MEDIUM);
    Case seed = shipped.byTool().get("remote-desktop-plus").stream()
        .filter(c -> c.rule().id().equals("6e98184a-6794-4c94-923b-d0ab052ca92e")).findFirst().orElseThrow();
    assertTrue(seed.rule().kept());
    assertTrue(shipped.fired().get(seed.rule().id()).containsAll(seed.hits()));
  }
}
