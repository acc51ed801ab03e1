package dev.kqlhunt.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.exec.DataSource;
import dev.kqlhunt.exec.ExecOptions;
import dev.kqlhunt.exec.QueryResult;
import dev.kqlhunt.exec.QueryRunner;
import dev.kqlhunt.exec.TableBuilder;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.value.DateTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shared runs of small packs give each rule exactly its result alone; what is narrowed, skipped, run whole. */
class PackRunnerTest {
  static final SchemaRegistry SCHEMAS = SchemaRegistry.builtIn();
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  static final ExecOptions OPTIONS = ExecOptions.at(DateTimes.fromUnixMillis(NOW.toEpochMilli()));

  private static DataSource processes() {
    TableBuilder b = new TableBuilder(SCHEMAS.table("DeviceProcessEvents").columns(), 16);
    String[][] rows = {
      // FileName, CommandLine, Company, Product, OriginalFileName
      {"AnyDesk.exe", "AnyDesk.exe --service", "philandro Software GmbH", "AnyDesk", "AnyDesk.exe"},
      {"a.exe", "a.exe /evil", "Contoso", "Contoso Tools", "a.exe"},
      {"b.exe", "b.exe /quiet", "Contoso", "Contoso Tools", "b.exe"},
      {"rdp.exe", "rdp.exe /v:srv01", "www.donkz.nl", "Remote Desktop Plus", "rdp.exe"},
      {"myrdp.exe", "myrdp.exe", "xwww.donkz.nl", "Remote  Desktop Plus", "myrdp.exe"},
      {"AnyDe\u017Fk.exe", "AnyDe\u017Fk.exe", "philandro", "AnyDesk", "AnyDesk.exe"},
      {"a.exe", "a.exe -x", "Contoso", "Contoso Tools", "a.exe"},
      {"tvnserver.exe", "tvnserver.exe -service", "GlavSoft LLC.", "TightVNC", "tvnserver.exe"},
      {"cmd.exe", "cmd.exe /c echo anydesk-setup", "Microsoft Corporation", "Windows", "Cmd.Exe"},
    };
    for (int i = 0; i < rows.length; i++) {
      Map<String, Object> row = new HashMap<>();
      row.put("Timestamp", NOW.minusSeconds(3600L * (i + 1)));
      row.put("DeviceId", "d" + (i % 3));
      row.put("DeviceName", "host" + (i % 3));
      row.put("FileName", rows[i][0]);
      row.put("ProcessCommandLine", rows[i][1]);
      row.put("ProcessVersionInfoCompanyName", rows[i][2]);
      row.put("ProcessVersionInfoProductName", rows[i][3]);
      row.put("ProcessVersionInfoOriginalFileName", rows[i][4]);
      row.put("ReportId", (long) i);
      b.addRow(row);
    }
    return DataSource.of(Map.of("DeviceProcessEvents", b.build()));
  }

  private static final String[] QUERIES = {
    "DeviceProcessEvents | where FileName in~ ('anydesk.exe', 'x.exe') | project DeviceName, FileName",
    "DeviceProcessEvents | where Timestamp between (ago(5d) .. now()) | where ProcessVersionInfoCompanyName has 'www.donkz.nl'"
        + " and ProcessVersionInfoProductName has 'Remote Desktop Plus' and ProcessVersionInfoOriginalFileName has 'rdp.exe'"
        + " | summarize FirstSeen=min(Timestamp), Report=make_set(ReportId), Count=count() by DeviceId, DeviceName",
    "DeviceProcessEvents | where FileName =~ 'a.exe' or ProcessCommandLine contains 'ANYDESK-'",
    "DeviceProcessEvents | where ProcessCommandLine !contains 'exe' | project FileName",
    "DeviceProcessEvents | where FileName matches regex '(?i)^tv.*[.]exe$' | project FileName",
    "DeviceProcessEvents | count",
    "DeviceProcessEvents | where FileName == 'nothing.exe' | count",
    "DeviceProcessEvents | where FileName == 'nothing.exe' | summarize count() by DeviceName",
    "DeviceFileEvents | where FolderPath has 'AnyDesk' | project DeviceName",
    "DeviceProcessEvents | where (",
    "DeviceProcessEvents | where FileName =~ 'a.exe' | join kind=inner (DeviceProcessEvents | where FileName =~ 'b.exe')"
        + " on DeviceId | project DeviceId, FileName, FileName1",
    "let l = dynamic(['anydesk']); DeviceProcessEvents | where ProcessCommandLine has_any (l) | project ReportId",
    "let n = toscalar(DeviceProcessEvents | count); DeviceProcessEvents | where FileName == 'a.exe' | extend n",
    "DeviceProcessEvents | where ProcessCommandLine has '/' | project ReportId",
    "DeviceProcessEvents | where ProcessVersionInfoProductName has_all ('remote', 'desktop') | project ReportId",
    "DeviceProcessEvents | where FileName has 'anydesk' | project ReportId",
    "DeviceProcessEvents | where ProcessVersionInfoCompanyName has_any ('philandro', 'GlavSoft') and FileName !endswith '.dll'"
        + " | project ReportId",
    "print x = 1",
    "DeviceProcessEvents | where FileName in~ ('tvnserver.exe') or (ProcessVersionInfoCompanyName has 'donkz'"
        + " and ProcessVersionInfoProductName has 'Remote') | project ReportId",
  };

  private static List<PackQuery> pack() {
    List<PackQuery> out = new ArrayList<>();
    for (int i = 0; i < QUERIES.length; i++) out.add(new PackQuery("q" + i, SourceText.of("q" + i, QUERIES[i]), OPTIONS));
    return out;
  }

  @Test
  void everyRuleGetsItsResultAlone() {
    DataSource data = processes();
    PackRunner runner = new PackRunner(SCHEMAS);
    CompiledPack pack = runner.compile(pack());
    PackResult shared = runner.run(pack, data);
    QueryRunner alone = new QueryRunner(SCHEMAS, data);
    for (PackQuery q : pack()) {
      QueryResult expected = alone.run(q.source(), q.options());
      Results.assertSameResult(expected, shared.results().get(q.id()), q.source().text());
    }
    assertEquals(QUERIES.length, shared.results().size());
  }

  @Test
  void rulesAreNarrowedSkippedOrRunWholeAsTheirShapeAllows() {
    PackRunner runner = new PackRunner(SCHEMAS);
    CompiledPack pack = runner.compile(pack());
    // Alone: the syntax error, the toscalar() subquery, and the table the fixture lacks (at run time).
    assertEquals(List.of("q9", "q12"), pack.aloneIds());
    PackResult r = runner.run(pack, processes());
    PackResult.Stats s = r.stats();
    // Skipped: 'nothing.exe' twice, "!contains 'exe'" (every command line has it), "print" (reads no table).
    assertEquals(4, s.rulesSkipped(), s.toString());
    // Whole: count over the table, the missing table, the syntax error, the toscalar.
    assertEquals(4, s.rulesWhole(), s.toString());
    assertEquals(QUERIES.length - 8, s.rulesRunOnCandidates(), s.toString());
    assertTrue(s.candidateRows() < 9L * s.rulesRunOnCandidates(), s.toString());
    assertEquals(1, s.tablesRead());
  }

  @Test
  void aJoinWithALookupTableNarrowsTheScan() {
    String lookup = "let Names = datatable(ProcessName: string, Tool: string) ['anydesk.exe', 'AnyDesk', 'tvnserver.exe', 'TightVNC'];\n";
    String[] queries = {
      lookup + "DeviceProcessEvents | where Timestamp > ago(30d) | extend ProcessName = tolower(FileName)"
          + " | join kind=inner (Names) on ProcessName | summarize Tools = make_set(Tool), n = count() by DeviceName",
      lookup + "DeviceProcessEvents | project DeviceName, ProcessName = FileName | join kind=leftsemi (Names) on ProcessName",
      lookup + "DeviceProcessEvents | extend ProcessName = tolower(FileName) | join kind=leftouter (Names) on ProcessName"
          + " | summarize count() by Tool",
      lookup + "DeviceProcessEvents | extend ProcessName = strcat(tolower(FileName), '') | join (Names) on ProcessName"
          + " | project DeviceName, Tool",
    };
    List<PackQuery> pack = new ArrayList<>();
    for (int i = 0; i < queries.length; i++) pack.add(new PackQuery("j" + i, SourceText.of("j" + i, queries[i]), OPTIONS));
    PackRunner runner = new PackRunner(SCHEMAS);
    DataSource data = processes();
    PackResult r = runner.run(runner.compile(pack), data);
    QueryRunner alone = new QueryRunner(SCHEMAS, data);
    for (PackQuery q : pack) Results.assertSameResult(alone.run(q.source(), q.options()), r.results().get(q.id()), q.source().text());
    // The left outer join keeps unmatched rows: it alone needs the whole table.
    assertEquals(1, r.stats().rulesWhole(), r.stats().toString());
    assertEquals(3, r.stats().rulesRunOnCandidates(), r.stats().toString());
    // Lower-cased, 'AnyDesk.exe' and 'tvnserver.exe' match (the long-s 'AnyDeſk.exe' stays another name);
    // without tolower only 'tvnserver.exe' does: 2 + 1 + 2 candidate rows.
    assertEquals(5, r.stats().candidateRows(), r.stats().toString());
  }

  /** A dictionary large enough to be tokenised on two threads gives the same results, cold and warm. */
  @Test
  void aLargeDictionaryRoutesExactly() {
    TableBuilder b = new TableBuilder(SCHEMAS.table("DeviceNetworkEvents").columns(), 70_000);
    for (int i = 0; i < 70_000; i++) {
      Map<String, Object> row = new HashMap<>();
      row.put("Timestamp", NOW.minusSeconds(i));
      row.put("DeviceName", "host" + (i % 5));
      row.put("RemoteUrl", i % 7_001 == 0 ? "https://relay-" + i + ".net.anydesk.com/x" : "h" + i + (i % 2 == 0 ? ".example.org" : ".cdn.example.net/p"));
      row.put("ReportId", (long) i);
      b.addRow(row);
    }
    DataSource data = DataSource.of(Map.of("DeviceNetworkEvents", b.build()));
    String[] queries = {
      "DeviceNetworkEvents | where RemoteUrl has 'anydesk.com' | project ReportId",
      "DeviceNetworkEvents | where RemoteUrl has_any ('h69999.cdn.example.net', 'h3.example.org') | project ReportId",
      "DeviceNetworkEvents | where RemoteUrl in~ ('H68000.EXAMPLE.ORG') | project ReportId",
      "DeviceNetworkEvents | where RemoteUrl endswith '.example.org' | summarize count()",
    };
    List<PackQuery> pack = new ArrayList<>();
    for (int i = 0; i < queries.length; i++) pack.add(new PackQuery("n" + i, SourceText.of("n" + i, queries[i]), OPTIONS));
    PackRunner runner = new PackRunner(SCHEMAS);
    CompiledPack compiled = runner.compile(pack);
    QueryRunner alone = new QueryRunner(SCHEMAS, data);
    for (boolean reuse : new boolean[] {false, true, true}) {
      PackResult r = runner.run(compiled, data, reuse);
      for (PackQuery q : pack) Results.assertSameResult(alone.run(q.source(), q.options()), r.results().get(q.id()), q.source().text());
      // 10 relays; h69999 (h3 is a .net host); h68000; the 35,000 even rows but the 5 even relays.
      assertEquals(10 + 1 + 1 + 34_995, r.stats().candidateRows(), r.stats().toString());
    }
  }

  @Test
  void aRuleWithoutCandidatesKeepsItsEmptyInputResult() {
    PackRunner runner = new PackRunner(SCHEMAS);
    PackQuery count = new PackQuery("c", SourceText.of("c", "DeviceProcessEvents | where FileName has 'zzz' | count"), OPTIONS);
    PackResult r = runner.run(runner.compile(List.of(count)), processes());
    QueryResult c = r.results().get("c");
    assertTrue(c.ok());
    assertEquals(1, c.table().rowCount());
    assertEquals(0L, c.table().get(0, 0));
    assertEquals(1, r.stats().rulesSkipped());
    assertFalse(r.stats().rulesRunOnCandidates() > 0);
  }
}
