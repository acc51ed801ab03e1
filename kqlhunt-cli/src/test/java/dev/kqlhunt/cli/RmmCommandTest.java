package dev.kqlhunt.cli;

import dev.kqlhunt.cli.CliRun.Run;
import static dev.kqlhunt.cli.CliRun.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.rules.BinderQueryValidator;
import dev.kqlhunt.rules.LoadResult;
import dev.kqlhunt.rules.RuleLoader;
import dev.kqlhunt.rules.RuleValidator;
import dev.kqlhunt.rules.SentinelRule;
import dev.kqlhunt.rules.exclusions.ExclusionLoader;
import dev.kqlhunt.rules.exclusions.ExclusionSet;
import dev.kqlhunt.symbols.SchemaRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kqlhunt rmm ...}, run in-process through {@link Main#run}. */
class RmmCommandTest {
  @TempDir Path dir;


  @Test
  void listPrintsEveryToolWithKindsAndConfidence() {
    Run r = run("rmm", "list");
    assertEquals(Main.EXIT_OK, r.exit(), r.err());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("anydesk ") && l.contains("AnyDesk") && l.contains("RMM")
        && l.contains("signer=")), r.out());
    String last = r.out().lines().reduce((a, b) -> b).orElse("");
    assertEquals("287 tools", last);
  }

  @Test
  void showPrintsFactsWithProvenanceAndRejectsUnknownTools() {
    Run r = run("rmm", "show", "Remote Desktop Plus");
    assertEquals(Main.EXIT_OK, r.exit(), r.err());
    assertTrue(r.out().contains("id:         remote-desktop-plus"), r.out());
    assertTrue(r.out().contains("6e98184a-6794-4c94-923b-d0ab052ca92e"), r.out());
    assertTrue(r.out().contains("(sentinel:") || r.out().contains("sentinel"), r.out());
    Run bad = run("rmm", "show", "no-such-tool");
    assertEquals(Main.EXIT_DATA_ERR, bad.exit());
    assertTrue(bad.err().contains("unknown tool 'no-such-tool'"), bad.err());
  }

  @Test
  void coveragePrintsTotalsAndTables() {
    Run r = run("rmm", "coverage");
    assertEquals(Main.EXIT_OK, r.exit(), r.err());
    assertTrue(r.out().contains("tools in catalog: 287; with at least one usable indicator (>= medium): "), r.out());
    assertTrue(r.out().contains("tables: ") && r.out().contains("DeviceProcessEvents")
        && r.out().contains("DeviceNetworkEvents"), r.out());
  }

  /** Every written file loads with RuleLoader and validates (query bound against the built-in schemas). */
  @Test
  void rulesWritesFilesThatLoadAndValidate() throws Exception {
    Path out = dir.resolve("pack");
    Run r = run("rmm", "rules", "--out", out.toString());
    assertEquals(Main.EXIT_OK, r.exit(), r.err());
    List<Path> files;
    try (Stream<Path> s = Files.list(out)) {
      files = s.sorted().toList();
    }
    assertTrue(r.out().startsWith("wrote " + files.size() + " rules"), r.out());
    assertTrue(files.size() > 800, "files: " + files.size());
    RuleValidator validator = new RuleValidator(new BinderQueryValidator(SchemaRegistry.builtIn()));
    Set<String> ids = new HashSet<>();
    List<String> problems = new ArrayList<>();
    for (Path f : files) {
      LoadResult<SentinelRule> loaded = new RuleLoader().load(f);
      if (!loaded.ok()) {
        problems.add(f.getFileName() + ": " + loaded.firstErrorLine());
        continue;
      }
      ids.add(loaded.value().id());
      for (Diagnostic d : validator.validate(loaded.value(), Instant.parse("2026-11-28T00:00:00Z"))) {
        if (d.isError()) problems.add(f.getFileName() + ": " + d);
      }
    }
    assertEquals(List.of(), problems);
    assertEquals(files.size(), ids.size(), "ids are unique");
    assertTrue(Files.exists(out.resolve("rmm_correlation_multi-vendor.yaml")));
    assertTrue(Files.exists(out.resolve("rmm_correlation_first-seen.yaml")));
    Run high = run("rmm", "rules", "--out", dir.resolve("high").toString(), "--min-confidence", "high");
    assertEquals(Main.EXIT_OK, high.exit(), high.err());
    try (Stream<Path> s = Files.list(dir.resolve("high"))) {
      assertTrue(s.count() < files.size(), "a higher floor writes fewer rules");
    }
    assertEquals(Main.EXIT_USAGE, run("rmm", "rules", "--out", dir.toString(), "--min-confidence", "bogus").exit());
  }

  @Test
  void allowCompilesTheExampleToAnExclusionsFile() throws Exception {
    Path example = Path.of(System.getProperty("user.dir")).getParent()
        .resolve("examples/allowlists/anydesk-sanctioned.yaml");
    assertTrue(Files.exists(example), example.toString());
    Path out = dir.resolve("anydesk.exclusions.yaml");
    Run r = run("rmm", "allow", example.toString(), "--out", out.toString(), "--today", "2026-11-28");
    assertEquals(Main.EXIT_OK, r.exit(), r.err());
    LoadResult<ExclusionSet> loaded = new ExclusionLoader().load(out);
    assertTrue(loaded.ok(), String.join("\n", loaded.rendered()));
    assertTrue(loaded.value().exclusions().size() >= 4, Files.readString(out));
    Run expired = run("rmm", "allow", example.toString(), "--today", "2027-07-01");
    assertEquals(Main.EXIT_OK, expired.exit(), expired.err());
    assertTrue(expired.err().contains("KQL3208"), expired.err());
    assertTrue(expired.out().contains("exclusions: []"), expired.out());
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "allow:\n  - id: x\n    tool: nope\n");
    Run b = run("rmm", "allow", bad.toString());
    assertEquals(Main.EXIT_DATA_ERR, b.exit());
    assertTrue(b.err().contains("bad.yaml:3:11: error KQL3204"), b.err());
  }
}
