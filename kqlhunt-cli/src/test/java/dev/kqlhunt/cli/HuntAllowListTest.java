package dev.kqlhunt.cli;

import static dev.kqlhunt.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.cli.CliRun.Run;
import dev.kqlhunt.json.Json;
import dev.kqlhunt.rmm.GeneratedRule;
import dev.kqlhunt.rmm.RmmCatalog;
import dev.kqlhunt.rmm.RmmRuleGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kqlhunt hunt --allow-list}: the sanctioned AnyDesk install is suppressed and the report says
 * so; a portable copy of the same tool still alerts; an expired entry suppresses nothing and is named.
 */
class HuntAllowListTest {
  @TempDir Path dir;

  private Path rules() throws Exception {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    for (GeneratedRule r : new RmmRuleGenerator().generate(RmmCatalog.load())) {
      if (r.toolId().equals("anydesk") && r.fileName().contains("process-name")) {
        Files.writeString(rules.resolve(r.fileName()), r.yaml());
      }
    }
    return rules;
  }

  private Path allowList(String expires) throws Exception {
    Path p = dir.resolve("allow-" + expires + ".yaml");
    Files.writeString(p, """
        allow:
          - id: anydesk-it-support
            tool: anydesk
            owner: it-support@contoso.example
            ticket: CHG-2026-0412
            expires: %s
            pins:
              paths: ['C:\\Program Files (x86)\\AnyDesk\\']
            scope:
              deviceNames: ['*.corp.contoso.example']
        """.formatted(expires));
    return p;
  }

  private Path data() throws Exception {
    Path p = dir.resolve("DeviceProcessEvents.jsonl");
    Files.writeString(p, """
        {"Timestamp":"2026-11-24T09:00:00Z","DeviceId":"d1","DeviceName":"pc1.corp.contoso.example","FileName":"AnyDesk.exe","FolderPath":"C:\\\\Program Files (x86)\\\\AnyDesk\\\\AnyDesk.exe","AccountName":"bob","ReportId":1}
        {"Timestamp":"2026-11-24T10:00:00Z","DeviceId":"d2","DeviceName":"pc2.corp.contoso.example","FileName":"AnyDesk.exe","FolderPath":"C:\\\\Users\\\\bob\\\\Downloads\\\\AnyDesk.exe","AccountName":"bob","ReportId":2}
        """);
    return p;
  }

  @Test
  @SuppressWarnings("unchecked")
  void theAllowListSuppressesTheSanctionedInstallAndTheReportSaysSo() throws Exception {
    Path rules = rules();
    assertEquals(1, Files.list(rules).count());
    Run r = run("hunt", "--rules", rules.toString(), "--data", data().toString(), "--now", "2026-11-25T00:00:00Z",
        "--allow-list", allowList("2027-06-30").toString(), "--format", "json");
    assertEquals(1, r.exit(), r.err());
    Map<String, Object> doc = (Map<String, Object>) Json.parse(r.out());
    assertEquals(1L, ((Number) ((Map<String, Object>) doc.get("summary")).get("allowListSuppressedEvents")).longValue());
    assertEquals(1L, ((Number) ((Map<String, Object>) doc.get("summary")).get("findings")).longValue());
    assertTrue(r.out().contains("pc2.corp.contoso.example") && !r.out().contains("pc1.corp"), r.out());
    Map<String, Object> rule = (Map<String, Object>) ((List<Object>) doc.get("rules")).get(0);
    Map<String, Object> audit = (Map<String, Object>) ((List<Object>) rule.get("exclusions")).get(0);
    assertEquals("allow-list", audit.get("source"));
    assertEquals(1L, ((Number) audit.get("removed")).longValue());
    assertTrue(((String) audit.get("id")).startsWith("allow-anydesk-it-support"), audit.toString());

    Run table = run("hunt", "--rules", rules.toString(), "--data", data().toString(), "--now", "2026-11-25T00:00:00Z",
        "--allow-list", allowList("2027-06-30").toString());
    assertTrue(table.out().contains("allow-list entry allow-anydesk-it-support"), table.out());
    assertTrue(table.out().contains("allow-list suppressed 1 event"), table.out());
  }

  @Test
  void anExpiredEntrySuppressesNothingAndIsNamed() throws Exception {
    Run r = run("hunt", "--rules", rules().toString(), "--data", data().toString(), "--now", "2026-11-25T00:00:00Z",
        "--allow-list", allowList("2026-06-30").toString());
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.out().contains("2 findings"), r.out());
    assertTrue(r.out().contains("note: ") && r.out().contains("anydesk-it-support"), r.out());
    assertFalse(r.out().contains("allow-list suppressed 1"), r.out());
  }
}
