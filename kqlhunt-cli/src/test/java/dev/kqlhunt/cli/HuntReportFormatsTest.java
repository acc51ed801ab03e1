package dev.kqlhunt.cli;

import static dev.kqlhunt.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.cli.CliRun.Run;
import dev.kqlhunt.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every output format of {@code kqlhunt hunt} over events whose values are hostile (HTML, formula and
 * CSV metacharacters, line breaks): JSON follows the documented schema, CSV escapes, SARIF 2.1.0 has
 * its required structure, HTML is self-contained and escapes. Also expired exclusions and the audit.
 */
class HuntReportFormatsTest {
  @TempDir Path dir;

  private static final String XSS = "<img src=x onerror=alert(1)>";
  private static final String RULE_ID = "a3f1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b";
  private Path rule;
  private Path data;
  private Path exclusions;

  @BeforeEach
  void files() throws Exception {
    rule = dir.resolve("evil.yaml");
    Files.writeString(rule, """
        id: %s
        name: Evil tool launched
        description: Finds evil.exe.
        severity: High
        requiredDataConnectors:
          - connectorId: MicrosoftThreatProtection
            dataTypes:
              - DeviceProcessEvents
        tactics:
          - Execution
        relevantTechniques:
          - T1059
        query: |
          DeviceProcessEvents
          | where FileName =~ "evil.exe"
          | project Timestamp, DeviceId, DeviceName, ProcessCommandLine, ReportId
        """.formatted(RULE_ID));
    data = dir.resolve("DeviceProcessEvents.jsonl");
    Files.writeString(data, String.join("\n",
        "{\"Timestamp\":\"2026-11-24T10:00:00Z\",\"DeviceId\":\"d1\",\"DeviceName\":\"=HYPERLINK(\\\"http://x\\\",\\\"a,b\\\")\","
            + "\"FileName\":\"evil.exe\",\"ProcessCommandLine\":\"evil.exe " + XSS + " \\\"q\\\",\\r\\nline2\",\"ReportId\":1}",
        "{\"Timestamp\":\"2026-11-24T11:00:00Z\",\"DeviceId\":\"d2\",\"DeviceName\":\"pc2\",\"FileName\":\"EVIL.EXE\","
            + "\"ProcessCommandLine\":\"-cmd|' /C calc'!A0\",\"ReportId\":2}",
        "{\"Timestamp\":\"2026-11-24T12:00:00Z\",\"DeviceId\":\"d3\",\"DeviceName\":\"pc3\",\"FileName\":\"evil.exe\","
            + "\"ProcessCommandLine\":\"evil.exe --benign\",\"ReportId\":3}") + "\n");
    exclusions = dir.resolve("evil.exclusions.yaml");
    Files.writeString(exclusions, """
        exclusions:
          - id: benign-evil
            rules: ['%s']
            reason: The benign build.
            owner: soc@example.org
            expires: 2027-01-31
            where: ProcessCommandLine has "--benign"
          - id: old-entry
            rules: ['Evil tool*']
            reason: An old tuning entry.
            owner: soc@example.org
            expires: 2026-01-31
            where: DeviceName == "pc2"
        """.formatted(RULE_ID));
  }

  private Run hunt(String format) {
    return run("hunt", "--rules", rule.toString(), "--data", data.toString(), "--now", "2026-11-25T00:00:00Z",
        "--exclusions", exclusions.toString(), "--format", format);
  }

  @Test
  @SuppressWarnings("unchecked")
  void jsonFollowsTheDocumentedSchema() {
    Run r = hunt("json");
    assertEquals(1, r.exit(), r.err());
    Map<String, Object> doc = (Map<String, Object>) Json.parse(r.out());
    assertEquals(List.of("schemaVersion", "tool", "referenceTime", "replayFrom", "data", "summary", "notes", "rules", "errors"),
        new ArrayList<>(doc.keySet()));
    assertEquals(1L, ((Number) doc.get("schemaVersion")).longValue());
    assertEquals("2026-11-25T00:00:00.0000000Z", doc.get("referenceTime"));
    Map<String, Object> summary = (Map<String, Object>) doc.get("summary");
    assertEquals(List.of("rules", "findings", "errors", "excludedEvents", "allowListSuppressedEvents"), new ArrayList<>(summary.keySet()));
    assertEquals(2L, ((Number) summary.get("findings")).longValue());
    assertEquals(1L, ((Number) summary.get("excludedEvents")).longValue());
    Map<String, Object> rule = (Map<String, Object>) ((List<Object>) doc.get("rules")).get(0);
    assertEquals(List.of("id", "name", "kind", "file", "severity", "tactics", "techniques", "runs", "suppressedRuns",
        "findings", "exclusions", "expiredExclusions", "diagnostics"), new ArrayList<>(rule.keySet()));
    assertEquals(RULE_ID, rule.get("id"));
    assertEquals("High", rule.get("severity"));
    Map<String, Object> finding = (Map<String, Object>) ((List<Object>) rule.get("findings")).get(0);
    assertEquals(List.of("id", "ruleId", "ruleName", "severity", "tactics", "techniques", "displayName", "description",
        "window", "firstSeen", "lastSeen", "entities", "customDetails", "summaryAlert", "evidence"), new ArrayList<>(finding.keySet()));
    assertEquals(List.of("Execution"), finding.get("tactics"));
    assertEquals(List.of("T1059"), finding.get("techniques"));
    Map<String, Object> host = (Map<String, Object>) ((List<Object>) finding.get("entities")).get(0);
    assertEquals("Host", host.get("type"));
    assertEquals("d1", ((Map<String, Object>) host.get("identifiers")).get("MdatpDeviceId"));
    Map<String, Object> evidence = (Map<String, Object>) finding.get("evidence");
    assertEquals(List.of("Timestamp", "DeviceId", "DeviceName", "ProcessCommandLine", "ReportId"), evidence.get("columns"));
    String cmd = (String) ((Map<String, Object>) ((List<Object>) evidence.get("rows")).get(0)).get("ProcessCommandLine");
    assertEquals("evil.exe " + XSS + " \"q\",\r\nline2", cmd);
    // The audit and the expired entry.
    Map<String, Object> audit = (Map<String, Object>) ((List<Object>) rule.get("exclusions")).get(0);
    assertEquals("benign-evil", audit.get("id"));
    assertEquals(1L, ((Number) audit.get("removed")).longValue());
    assertEquals("2027-01-31", audit.get("expires"));
    Map<String, Object> expired = (Map<String, Object>) ((List<Object>) rule.get("expiredExclusions")).get(0);
    assertEquals("old-entry", expired.get("id"));
    // Stable ids: the same hunt gives the same finding ids.
    assertEquals(finding.get("id"), ((Map<String, Object>) ((List<Object>) ((Map<String, Object>) ((List<Object>)
        ((Map<String, Object>) Json.parse(hunt("json").out())).get("rules")).get(0)).get("findings")).get(0)).get("id"));
  }

  @Test
  void tableShowsTheExpiredEntryAndTheAudit() {
    Run r = hunt("table");
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.out().contains("exclusion benign-evil removed 1 event from DeviceProcessEvents"), r.out());
    assertTrue(r.out().contains("expired exclusion old-entry (expired 2026-01-31"), r.out());
    assertTrue(r.out().contains("1 expired exclusion"), r.out());
    assertFalse(r.out().contains("\r"), "control characters are escaped in the terminal report");
  }

  @Test
  void csvEscapesFieldsAndDefusesFormulas() {
    Run r = hunt("csv");
    assertEquals(1, r.exit(), r.err());
    List<List<String>> rows = parseCsv(r.out());
    assertEquals(3, rows.size(), r.out());
    assertEquals(List.of("finding_id", "rule_id", "rule_name", "severity", "tactics", "techniques", "window_start",
        "window_end", "host_id", "host_name", "first_seen", "last_seen", "evidence_rows", "evidence"), rows.get(0));
    List<String> first = rows.get(1);
    assertEquals("'=HYPERLINK(\"http://x\",\"a,b\")", first.get(9));
    assertTrue(first.get(13).contains(XSS), first.get(13));
    for (List<String> row : rows) for (String cell : row) assertFalse(!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0, cell);
  }

  @Test
  @SuppressWarnings("unchecked")
  void sarifHasTheStructureOf210() {
    Run r = hunt("sarif");
    assertEquals(1, r.exit(), r.err());
    Map<String, Object> log = (Map<String, Object>) Json.parse(r.out());
    assertEquals("2.1.0", log.get("version"));
    assertTrue(((String) log.get("$schema")).contains("sarif-2.1.0"));
    Map<String, Object> run = (Map<String, Object>) ((List<Object>) log.get("runs")).get(0);
    Map<String, Object> driver = (Map<String, Object>) ((Map<String, Object>) run.get("tool")).get("driver");
    assertEquals("kqlhunt", driver.get("name"));
    Map<String, Object> descriptor = (Map<String, Object>) ((List<Object>) driver.get("rules")).get(0);
    assertEquals(RULE_ID, descriptor.get("id"));
    List<Object> results = (List<Object>) run.get("results");
    assertEquals(2, results.size());
    for (Object o : results) {
      Map<String, Object> result = (Map<String, Object>) o;
      assertEquals(RULE_ID, result.get("ruleId"));
      assertEquals(0L, ((Number) result.get("ruleIndex")).longValue());
      assertEquals("error", result.get("level"));
      assertTrue(((String) ((Map<String, Object>) result.get("message")).get("text")).startsWith("Evil tool launched on "));
      Map<String, Object> location = (Map<String, Object>) ((List<Object>) result.get("locations")).get(0);
      Map<String, Object> physical = (Map<String, Object>) location.get("physicalLocation");
      assertTrue(((String) ((Map<String, Object>) physical.get("artifactLocation")).get("uri")).endsWith("evil.yaml"));
      assertTrue(((Number) ((Map<String, Object>) physical.get("region")).get("startLine")).longValue() >= 1);
    }
  }

  @Test
  void htmlIsSelfContainedAndEscapesAttackerStrings() throws Exception {
    Path out = dir.resolve("report/hunt.html");
    Run r = run("hunt", "--rules", rule.toString(), "--data", data.toString(), "--now", "2026-11-25T00:00:00Z",
        "--exclusions", exclusions.toString(), "--format", "html", "--out", out.toString());
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.out().startsWith("wrote html report to " + out + ": 2 findings on 2 hosts"), r.out());
    String html = Files.readString(out, StandardCharsets.UTF_8);
    String lower = html.toLowerCase(Locale.ROOT);
    assertFalse(lower.contains("<script"), "no scripts");
    assertFalse(lower.contains("<img"), "the attacker's tag is not markup");
    assertFalse(lower.matches("(?s).*(src|href)=\"(https?:)?//.*"), "no external assets");
    assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "escaped text is shown");
    assertTrue(html.contains("Host timeline") && html.contains("Exclusion audit") && html.contains("benign-evil"));
    assertTrue(html.contains("Content-Security-Policy"));
  }

  /** RFC 4180 records: quoted fields may hold commas, quotes (doubled) and line breaks. */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    return rows;
  }
}
