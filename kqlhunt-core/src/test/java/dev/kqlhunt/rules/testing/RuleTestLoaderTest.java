package dev.kqlhunt.rules.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.rules.LoadResult;
import dev.kqlhunt.rules.testing.RuleTestFile.Case;
import dev.kqlhunt.rules.testing.RuleTestFile.InlineRows;
import dev.kqlhunt.rules.testing.RuleTestFile.RowsFile;
import dev.kqlhunt.text.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleTestLoaderTest {
  private static final String FILE = """
      rule: rules/rdp-plus.yaml
      exclusions: [exclusions/rdp-plus.yaml]
      tests:
        - name: an RDP Plus launch is found
          now: 2026-11-20T12:00:00Z
          tables:
            DeviceProcessEvents:
              rows:
                - {Timestamp: 2026-11-20T10:00:00Z, DeviceId: d1, DeviceName: pc1, ProcessVersionInfoCompanyName: www.donkz.nl}
                - {Timestamp: 2026-11-20T11:00:00Z, DeviceId: d1, DeviceName: pc1, ProcessVersionInfoCompanyName: www.donkz.nl}
          expect:
            count: 1
            rows:
              - {DeviceName: pc1, Count: 2}
        - name: replay without exclusions
          from: 2026-11-20T00:00:00Z
          to: 2026-11-25T00:00:00Z
          exclusions: []
          tables:
            DeviceProcessEvents:
              file: data/rdp.jsonl
          expect:
            count: 0
      """;

  @Test
  void loadsCasesWithInlineRowsFilesAndExpectations(@TempDir Path dir) throws IOException {
    for (String f : List.of("rules/rdp-plus.yaml", "exclusions/rdp-plus.yaml", "data/rdp.jsonl")) {
      Files.createDirectories(dir.resolve(f).getParent());
      Files.writeString(dir.resolve(f), "x");
    }
    Path testFile = dir.resolve("rdp-plus.tests.yaml");
    Files.writeString(testFile, FILE);
    LoadResult<RuleTestFile> r = new RuleTestLoader().load(testFile);
    assertTrue(r.ok() && r.diagnostics().isEmpty(), () -> String.join("\n", r.rendered()));
    RuleTestFile t = r.value();
    assertEquals(dir.resolve("rules/rdp-plus.yaml"), t.rule());
    assertEquals(List.of(dir.resolve("exclusions/rdp-plus.yaml")), t.exclusions());
    Case first = t.cases().get(0);
    assertEquals(Instant.parse("2026-11-20T12:00:00Z"), first.now());
    InlineRows rows = assertInstanceOf(InlineRows.class, first.tables().get("DeviceProcessEvents"));
    assertEquals(2, rows.rows().size());
    assertEquals("pc1", rows.rows().get(0).get("DeviceName"));
    assertEquals(1L, first.expect().count());
    assertEquals(List.of(Map.of("DeviceName", "pc1", "Count", "2")), first.expect().rows());
    assertEquals(t.exclusions(), first.effectiveExclusions(t));
    Case second = t.cases().get(1);
    assertTrue(second.isReplay());
    assertEquals(List.of(), second.effectiveExclusions(t));
    assertEquals(dir.resolve("data/rdp.jsonl"), assertInstanceOf(RowsFile.class, second.tables().get("DeviceProcessEvents")).path());
    assertNull(second.expect().rows());
  }

  @Test
  void missingFilesAreReportedWhereTheyAreNamed(@TempDir Path dir) throws IOException {
    Path testFile = dir.resolve("x.tests.yaml");
    Files.writeString(testFile, FILE);
    LoadResult<RuleTestFile> r = new RuleTestLoader().load(testFile);
    List<String> lines = r.rendered().stream().map(s -> s.lines().findFirst().orElseThrow().replace(testFile.toString(), "t")).toList();
    assertEquals(List.of(
        "t:1:7: error KQL3075: File 'rules/rdp-plus.yaml' does not exist",
        "t:2:14: error KQL3075: File 'exclusions/rdp-plus.yaml' does not exist",
        "t:21:15: error KQL3075: File 'data/rdp.jsonl' does not exist"), lines);
  }

  @Test
  void brokenCasesAreReportedAndSkipped() {
    String yaml = """
        rule: r.yaml
        tests:
          - name: a
            now: yesterday
            expect: {count: 1}
          - name: b
            from: 2026-11-25T00:00:00Z
            to: 2026-11-20T00:00:00Z
            expect: {count: 1}
          - name: c
            now: 2026-11-20T00:00:00Z
            tables:
              DeviceProcessEvents: {rows: [], file: x.jsonl}
            expect: {count: -1}
          - name: d
            now: 2026-11-20T00:00:00Z
            tables: {}
          - name: ok
            now: 2026-11-20T00:00:00Z
            tables: {DeviceProcessEvents: {rows: []}}
            expect: {count: 0}
          - name: ok
            now: 2026-11-20T00:00:00Z
            tables: {DeviceProcessEvents: {rows: []}}
            expect: {rows: []}
        """;
    LoadResult<RuleTestFile> r = new RuleTestLoader().load(SourceText.of("t.yaml", yaml), null);
    List<String> lines = r.rendered().stream().map(s -> s.lines().findFirst().orElseThrow()).toList();
    assertEquals(List.of(
        "t.yaml:4:10: error KQL3071: 'yesterday' is not a datetime (expected ISO 8601, e.g. 2026-11-20T10:00:00Z)",
        "t.yaml:3:5: error KQL3076: Test 'a' needs either 'now' or both 'from' and 'to' (from before to)",
        "t.yaml:3:5: warning KQL3077: Test 'a' gives no table rows",
        "t.yaml:6:5: error KQL3076: Test 'b' needs either 'now' or both 'from' and 'to' (from before to)",
        "t.yaml:6:5: warning KQL3077: Test 'b' gives no table rows",
        "t.yaml:13:28: error KQL3072: Table 'DeviceProcessEvents' needs exactly one of 'rows' or 'file'",
        "t.yaml:14:21: error KQL3073: expect.count must be a non-negative integer, found '-1'",
        "t.yaml:15:5: error KQL3070: Test 'd' states no expectation (expect.count or expect.rows)",
        "t.yaml:22:11: error KQL3074: Test name 'ok' is used twice"), lines);
    assertEquals(List.of("ok", "ok"), r.value().cases().stream().map(Case::name).toList());
  }
}
