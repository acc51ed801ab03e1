package dev.kqlhunt.cli;

import static dev.kqlhunt.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.cli.CliRun.Run;
import dev.kqlhunt.json.Json;
import dev.kqlhunt.sample.SampleDataset;
import dev.kqlhunt.sample.SampleDataset.Kind;
import dev.kqlhunt.sample.SampleDataset.Planted;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kqlhunt hunt} end to end, in-process: the seed rule, unchanged, over generated data returns
 * exactly the findings computed in plain Java from the rows; the shipped exclusions remove exactly the
 * five scenario events; the bundled run without arguments; exit codes.
 */
class HuntCommandTest {
  @TempDir Path dir;

  private static final Instant NOW = SampleDataset.REFERENCE_TIME;

  /** A generated dataset with a random seed (logged, so a failure can be replayed). */
  private static SampleDataset dataset() {
    long seed = new SplittableRandom().nextLong();
    System.out.println("HuntCommandTest dataset seed " + seed);
    return SampleDataset.generate(seed, 60, 2_000);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(Run r) {
    return (Map<String, Object>) Json.parse(r.out());
  }

  @Test
  void seedRuleUnchangedFindsExactlyTheIndependentlyComputedFindings() throws Exception {
    SampleDataset data = dataset();
    Path rows = HuntFixtures.writeRows(dir.resolve("DeviceProcessEvents.jsonl"), data.rows());
    Run r = run("hunt", "--rules", HuntFixtures.seedRule(dir).toString(), "--data", rows.toString(),
        "--now", NOW.toString(), "--format", "json");
    assertEquals(1, r.exit(), r.err());
    TreeSet<String> expected = HuntFixtures.expectedSeedFindings(data.rows(), NOW);
    // Every planted true positive and false positive host, nothing from near misses or older events.
    assertEquals(8, expected.size(), expected.toString());
    assertEquals(expected, HuntFixtures.seedFindings(json(r)));
  }

  @Test
  void shippedExclusionsRemoveTheFiveScenarioEventsAndKeepTheTruePositives() throws Exception {
    SampleDataset data = dataset();
    Path rows = HuntFixtures.writeRows(dir.resolve("DeviceProcessEvents.jsonl"), data.rows());
    Run r = run("hunt", "--rules", HuntFixtures.seedRule(dir).toString(), "--data", rows.toString(),
        "--now", NOW.toString(), "--format", "json", "--exclusions", HuntFixtures.seedExclusions(dir).toString());
    assertEquals(1, r.exit(), r.err());
    List<Planted> scenarios = data.planted(Kind.FALSE_POSITIVE);
    assertEquals(5, scenarios.size());
    List<Map<String, Object>> kept = data.rows().stream().filter(row -> scenarios.stream().noneMatch(p -> p.row() == row)).toList();
    TreeSet<String> expected = HuntFixtures.expectedSeedFindings(kept, NOW);
    assertEquals(3, expected.size(), expected.toString());
    assertEquals(expected, HuntFixtures.seedFindings(json(r)));
    for (Planted p : data.planted(Kind.TRUE_POSITIVE)) {
      assertTrue(r.out().contains((String) p.row().get("DeviceName")), p.label());
    }
    for (Planted p : scenarios) assertFalse(r.out().contains("\"" + p.row().get("DeviceName") + "\""), p.label());
    // The audit: each scenario's entry removed exactly its one event.
    @SuppressWarnings("unchecked")
    List<Object> audit = (List<Object>) ((Map<String, Object>) ((List<Object>) json(r).get("rules")).get(0)).get("exclusions");
    assertEquals(5, audit.size());
    for (Object o : audit) {
      Map<?, ?> e = (Map<?, ?>) o;
      assertEquals(1L, ((Number) e.get("removed")).longValue(), e.toString());
      assertTrue(scenarios.stream().anyMatch(p -> p.label().equals(e.get("id"))), e.toString());
      assertEquals("exclusions", e.get("source"));
    }
  }

  @Test
  void huntsAStoreWrittenByIngestLikeTheFiles() throws Exception {
    SampleDataset data = dataset();
    Path rows = HuntFixtures.writeRows(dir.resolve("DeviceProcessEvents.jsonl"), data.rows());
    Path store = dir.resolve("store");
    Run ingest = run("ingest", "--store", store.toString(), rows.toString());
    assertEquals(0, ingest.exit(), ingest.out() + ingest.err());
    Run r = run("hunt", "--store", store.toString(), "--now", NOW.toString(), "--format", "json");
    assertEquals(1, r.exit(), r.err());
    assertEquals(HuntFixtures.expectedSeedFindings(data.rows().stream().filter(row -> data.planted(Kind.FALSE_POSITIVE)
        .stream().noneMatch(p -> p.row() == row)).toList(), NOW), HuntFixtures.seedFindings(json(r)));
  }

  @Test
  void withoutArgumentsHuntsTheBundledRulesOverTheSampleData() {
    long start = System.nanoTime();
    Run r = run("hunt");
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("kqlhunt hunt (no arguments) in-process: " + millis + " ms");
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.out().contains("Remote Management and Monitoring tool - RemoteDesktopPlus - Create Process"), r.out());
    assertTrue(r.out().contains("CommandAndControl") && r.out().contains("T1219"), r.out());
    assertTrue(r.out().contains("wks-0007.contoso.local"), r.out());
    for (String id : List.of("rdp-plus-admin-maintenance", "rdp-plus-intune-configmgr-deployment",
        "rdp-plus-diagnostic-tools", "rdp-plus-backup-tools", "rdp-plus-virtualization-platform")) {
      assertTrue(r.out().contains("exclusion " + id + " removed 1 event "), id + "\n" + r.out());
    }
    assertTrue(r.out().strip().endsWith("3 findings on 3 hosts from 1 of 1 rule; exclusions removed 5 events"), r.out());
  }

  @Test
  void noExclusionsShowsTheFalsePositivesToo() {
    Run r = run("hunt", "--no-exclusions", "--format", "json");
    assertEquals(1, r.exit(), r.err());
    assertEquals(8L, ((Number) ((Map<?, ?>) json(r).get("summary")).get("findings")).longValue());
  }

  @Test
  void exitCodes() throws Exception {
    Path rule = HuntFixtures.seedRule(dir);
    Path quiet = HuntFixtures.writeRows(dir.resolve("quiet.jsonl"), SampleDataset.generate(7, 50, 200).rows().stream()
        .filter(row -> !"rdp.exe".equalsIgnoreCase(String.valueOf(row.get("ProcessVersionInfoOriginalFileName")))
            && !"RDP.EXE".equals(row.get("ProcessVersionInfoOriginalFileName")))
        .filter(row -> !String.valueOf(row.get("ProcessVersionInfoCompanyName")).contains("donkz"))
        .toList());
    assertEquals(0, run("hunt", "--rules", rule.toString(), "--data", quiet.toString(), "--now", NOW.toString()).exit());
    assertEquals(1, run("hunt", "--now", NOW.toString()).exit());
    assertEquals(2, run("hunt", "--format", "pdf").exit());
    assertEquals(2, run("hunt", "--store", dir.toString(), "--data", quiet.toString()).exit());
    assertEquals(2, run("hunt", "--now", "yesterday-ish").exit());
    assertEquals(2, run("hunt", "--from", "2026-11-20T00:00:00Z").exit());
    assertEquals(2, run("hunt", "--from", "2026-11-21T00:00:00Z", "--to", "2026-11-20T00:00:00Z").exit());
    assertEquals(2, run("hunt", "--rules", dir.resolve("missing.yaml").toString()).exit());
    assertEquals(2, run("hunt", "--bogus").exit());
    assertEquals(2, run("hunt", "--rules", Files.createDirectories(dir.resolve("no-rules")).toString()).exit());
    // A malformed rule (indentation lost, as in many public copies): 65 with a positioned message.
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "id: 6e98184a-6794-4c94-923b-d0ab052ca92e\nname: x\nrequiredDataConnectors:\n"
        + "    - connectorId: MicrosoftThreatProtection\n    dataTypes:\n        - DeviceProcessEvents\nquery: |\n  DeviceProcessEvents\n");
    Run r = run("hunt", "--rules", bad.toString(), "--data", quiet.toString(), "--now", NOW.toString());
    assertEquals(65, r.exit());
    assertTrue(r.err().contains(bad + ":5:5: error KQL3001"), r.err());
    // A rule whose query does not bind: 65, named on stderr, the other rules still reported.
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "id: 0b9c2d55-3d0e-4c5e-9a1f-6f1f2a3b4c5d\nname: Broken rule\nquery: |\n"
        + "  DeviceProcessEvents | where NoSuchColumn == 1\n");
    r = run("hunt", "--rules", broken.toString(), "--rules", rule.toString(), "--now", NOW.toString());
    assertEquals(65, r.exit());
    assertTrue(r.err().contains("Broken rule") && r.err().contains("NoSuchColumn"), r.err());
    assertTrue(r.out().contains("RemoteDesktopPlus"), r.out());
  }

  @Test
  void tableNamesTheTableOfDataFilesThatDoNotSay() throws Exception {
    Path events = dir.resolve("events.jsonl");
    Files.writeString(events, "{\"Timestamp\":\"2026-11-24T08:00:00Z\",\"DeviceId\":\"d1\",\"DeviceName\":\"wks-1\","
        + "\"ProcessVersionInfoCompanyName\":\"www.donkz.nl\",\"ProcessVersionInfoProductName\":\"Remote Desktop Plus\","
        + "\"ProcessVersionInfoOriginalFileName\":\"rdp.exe\",\"ReportId\":7}\n");
    String rule = HuntFixtures.seedRule(dir).toString();
    Run r = run("hunt", "--rules", rule, "--data", events.toString(), "--table", "DeviceProcessEvents", "--now", NOW.toString());
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.out().contains("wks-1"), r.out());
    // Without --table the rows land in a table called "events" and the rule says its table is empty.
    r = run("hunt", "--rules", rule, "--data", events.toString(), "--now", NOW.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("KQL3040"), r.out());
    assertEquals(2, run("hunt", "--table", "DeviceProcessEvents").exit());
  }

  @Test
  void requiredTableWithoutDataInTheWindowIsReported() throws Exception {
    Path empty = dir.resolve("DeviceProcessEvents.jsonl");
    Files.writeString(empty, "{\"Timestamp\":\"2026-10-01T00:00:00Z\",\"DeviceId\":\"d\",\"DeviceName\":\"old\"}\n");
    Run r = run("hunt", "--rules", HuntFixtures.seedRule(dir).toString(), "--data", empty.toString(), "--now", NOW.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("DeviceProcessEvents"), r.out());
    assertTrue(r.out().contains("warning KQL3040"), r.out());
    // A rule that declares no required table is checked on the tables its query reads.
    Path undeclared = dir.resolve("undeclared.yaml");
    Files.writeString(undeclared, "id: 1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f\nname: Network rule\nquery: |\n"
        + "  DeviceNetworkEvents | where RemoteUrl has 'example.org'\n");
    r = run("hunt", "--rules", undeclared.toString(), "--data", empty.toString(), "--now", NOW.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("warning KQL3040: Table 'DeviceNetworkEvents' has no rows"), r.out());
  }
}
