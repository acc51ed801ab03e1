package dev.kqlhunt.rules.exclusions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.rules.LoadResult;
import dev.kqlhunt.rules.RuleLoader;
import dev.kqlhunt.rules.SentinelRule;
import dev.kqlhunt.text.SourceText;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExclusionLoaderTest {
  private final ExclusionLoader loader = new ExclusionLoader();

  static SentinelRule rule(String id, String name) {
    return new RuleLoader().load(SourceText.of("r.yaml", "id: " + id + "\nname: " + name
        + "\nrequiredDataConnectors:\n  - connectorId: X\n    dataTypes: [DeviceProcessEvents]\nquery: DeviceProcessEvents\n")).value();
  }

  @Test
  void shippedExampleLoadsWithOneEntryPerSeedScenario() {
    Path file = exampleFile();
    LoadResult<ExclusionSet> result = loader.load(file);
    assertTrue(result.ok(), () -> String.join("\n", result.rendered()));
    assertTrue(result.diagnostics().isEmpty(), () -> String.join("\n", result.rendered()));
    List<String> ids = result.value().exclusions().stream().map(Exclusion::id).toList();
    assertEquals(List.of("rdp-plus-admin-maintenance", "rdp-plus-intune-configmgr-deployment",
        "rdp-plus-diagnostic-tools", "rdp-plus-backup-tools", "rdp-plus-virtualization-platform"), ids);
    SentinelRule seed = rule("6e98184a-6794-4c94-923b-d0ab052ca92e", "RDP Plus");
    ExclusionSet.Selection now = result.value().select(seed, LocalDate.parse("2026-11-28"));
    assertEquals(5, now.active().size());
    for (Exclusion e : result.value().exclusions()) {
      assertEquals("DeviceProcessEvents", e.table());
      assertFalse(e.where().text().isBlank());
      assertTrue(e.expires().isAfter(LocalDate.parse("2026-11-28")), e.id());
    }
    // Each entry carries its own test data: a benign rdp.exe launch to remove and a look-alike to keep,
    // both with the signature the seed rule matches, so the rule would report them without the entry.
    for (Exclusion e : result.value().exclusions()) {
      assertEquals(1, e.examples().removes().size(), e.id());
      assertEquals(1, e.examples().keeps().size(), e.id());
      for (var row : concat(e.examples().removes(), e.examples().keeps())) {
        assertEquals("www.donkz.nl", row.get("ProcessVersionInfoCompanyName"), e.id());
        assertEquals("Remote Desktop Plus", row.get("ProcessVersionInfoProductName"), e.id());
        assertEquals("rdp.exe", row.get("ProcessVersionInfoOriginalFileName"), e.id());
      }
    }
    // The scenario markers the seed names are all covered.
    String all = String.join("\n", result.value().exclusions().stream().map(e -> e.where().text()).toList());
    for (String marker : List.of("Update-Module", "schtasks.exe", "msiexec.exe", "setup.exe", "Procmon",
        "vssadmin.exe", "wbadmin.exe", "vmtoolsd.exe", "vmconnect.exe")) {
      assertTrue(all.contains(marker), marker);
    }
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  /** The shipped example, found from the module or the repository directory. */
  static Path exampleFile() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path candidate = d.resolve("examples/exclusions/remote-desktop-plus.yaml");
      if (candidate.toFile().isFile()) return candidate;
    }
    return dir.resolve("examples/exclusions/remote-desktop-plus.yaml"); // fails with its path
  }

  @Test
  void selectorsMatchIdsNamesAndGlobs() {
    SentinelRule r = rule("6E98184A-6794-4C94-923B-D0AB052CA92E", "Remote Management and Monitoring tool - RDP Plus");
    assertTrue(new RuleSelector("6e98184a-6794-4c94-923b-d0ab052ca92e").matches(r));
    assertTrue(new RuleSelector("Remote Management and Monitoring tool - RDP Plus").matches(r));
    assertTrue(new RuleSelector("Remote Management and Monitoring tool - *").matches(r));
    assertTrue(new RuleSelector("6e98184a-*").matches(r) || new RuleSelector("6E98184A-*").matches(r));
    assertFalse(new RuleSelector("remote management and monitoring tool - rdp plus").matches(r));
    assertFalse(new RuleSelector("*AnyDesk*").matches(r));
    assertFalse(new RuleSelector("Remote (Management)").matches(r)); // regex characters are literal
  }

  @Test
  void expiredEntriesStopApplyingTheDayAfter() {
    LoadResult<ExclusionSet> r = loader.load(SourceText.of("x.yaml", """
        exclusions:
          - id: a
            rules: "*"
            reason: r
            owner: o
            expires: 2026-11-27
            where: FileName == "a"
        """));
    SentinelRule any = rule("6e98184a-6794-4c94-923b-d0ab052ca92e", "n");
    assertEquals(1, r.value().select(any, LocalDate.parse("2026-11-27")).active().size());
    ExclusionSet.Selection later = r.value().select(any, LocalDate.parse("2026-11-28"));
    assertEquals(0, later.active().size());
    assertEquals("a", later.expired().get(0).id());
  }

  @Test
  void problemsArePositionedAndOtherEntriesStillLoad() {
    LoadResult<ExclusionSet> r = loader.load(SourceText.of("x.yaml", """
        exclusions:
          - id: good
            rules: [abc]
            reason: r
            owner: o
            expires: 2027-01-01
            where: FileName == "a"
          - id: bad date
            rules: [abc]
            reason: r
            owner: o
            expires: next year
            where: FileName == "b"
          - id: good
            rules: [abc]
            owner: o
            where: FileName == "c"
          - id: no-rules
            reason: r
            owner: o
            expires: 2027-01-01
            where: ""
        """));
    List<String> lines = r.rendered().stream().map(s -> s.lines().findFirst().orElseThrow()).toList();
    assertEquals(List.of(
        "x.yaml:8:9: error KQL3057: Exclusion id 'bad date' must be letters, digits, '-', '_' or '.'",
        "x.yaml:12:14: error KQL3050: 'next year' is not a date (expected yyyy-MM-dd)",
        "x.yaml:14:5: error KQL3004: Missing required field 'reason'",
        "x.yaml:14:5: warning KQL3058: Exclusion 'good' has no 'expires' date; tuning should be reviewed, give it one",
        "x.yaml:18:5: error KQL3053: Exclusion 'no-rules' names no rule to apply to",
        "x.yaml:22:12: error KQL3004: Missing required field 'where'"), lines);
    assertEquals(List.of("good", "bad date"), r.value().exclusions().stream().map(Exclusion::id).toList());
    assertNull(r.value().exclusions().get(1).expires());
  }

  @Test
  void duplicateIdsAndMalformedFiles() {
    LoadResult<ExclusionSet> dup = loader.load(SourceText.of("x.yaml",
        "exclusions:\n  - {id: a, rules: x, reason: r, owner: o, expires: 2027-01-01, where: p}\n"
            + "  - {id: a, rules: x, reason: r, owner: o, expires: 2027-01-01, where: q}\n"));
    assertEquals("x.yaml:3:10: error KQL3052: Exclusion id 'a' is used twice", dup.firstErrorLine());
    assertTrue(loader.load(SourceText.of("x.yaml", "exclusions:\n  - id: a\n   rules: x\n")).firstErrorLine()
        .startsWith("x.yaml:3:"));
    assertEquals("x.yaml:1:1: error KQL3004: Missing required field 'exclusions'",
        loader.load(SourceText.of("x.yaml", "entries: []\n")).firstErrorLine());
  }
}
