package dev.kqlhunt.cli;

import dev.kqlhunt.cli.CliRun.Run;
import static dev.kqlhunt.cli.CliRun.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kqlhunt query}, run in-process through {@link Main#run} with temp data files. */
class QueryCommandTest {
  @TempDir Path dir;


  private Path events() throws Exception {
    Path p = dir.resolve("DeviceProcessEvents.jsonl");
    Files.writeString(p, """
        {"Timestamp":"2024-03-09T10:00:00Z","DeviceId":"d1","DeviceName":"wks-1","ProcessVersionInfoCompanyName":"www.donkz.nl","ProcessVersionInfoProductName":"Remote Desktop Plus","ProcessVersionInfoOriginalFileName":"rdp.exe","ReportId":7}
        {"Timestamp":"2024-03-09T11:30:00.1234567Z","DeviceId":"d1","DeviceName":"wks-1","ProcessVersionInfoCompanyName":"www.donkz.nl","ProcessVersionInfoProductName":"Remote Desktop Plus","ProcessVersionInfoOriginalFileName":"RDP.EXE","ReportId":9}
        {"Timestamp":"2024-03-09T12:00:00Z","DeviceId":"d2","DeviceName":"wks-2","ProcessVersionInfoCompanyName":"donkz","ProcessVersionInfoProductName":"Remote Desktop Plus","ProcessVersionInfoOriginalFileName":"rdp.exe","ReportId":11}
        """);
    return p;
  }

  private static final String SEED = "let Time_start = now(-5d); let Time_end = now(); DeviceProcessEvents"
      + " | where Timestamp between (Time_start..Time_end) | where ProcessVersionInfoCompanyName has 'www.donkz.nl'"
      + " and ProcessVersionInfoProductName has 'Remote Desktop Plus' and ProcessVersionInfoOriginalFileName has 'rdp.exe'"
      + " | summarize FirstSeen=min(Timestamp), LastSeen=max(Timestamp), Report=make_set(ReportId), Count=count() by DeviceId, DeviceName";

  @Test
  void seedQueryAsJson() throws Exception {
    Run r = run("query", "--data", events().toString(), "--now", "2024-03-10T00:00:00Z", "--format", "json", SEED);
    assertEquals(0, r.exit(), r.err());
    assertEquals("""
        [
          {"DeviceId": "d1", "DeviceName": "wks-1", "FirstSeen": "2024-03-09T10:00:00.0000000Z", \
        "LastSeen": "2024-03-09T11:30:00.1234567Z", "Report": [7,9], "Count": 2}
        ]
        """, r.out());
  }

  @Test
  void csvAndTableFormatsAndQueryFromFile() throws Exception {
    Path q = dir.resolve("q.kql");
    Files.writeString(q, "DeviceProcessEvents | summarize n = count() by DeviceName | order by DeviceName asc");
    Run csv = run("query", "--data", events().toString(), "--format", "csv", "-f", q.toString());
    assertEquals(0, csv.exit(), csv.err());
    assertEquals("DeviceName,n\nwks-1,2\nwks-2,1\n", csv.out());
    Run table = run("query", "--data", events().toString(), "-f", q.toString());
    assertEquals("DeviceName  n\n----------  -\nwks-1       2\nwks-2       1\n", table.out());
  }

  @Test
  void timespanAndNullsInJson() throws Exception {
    Run r = run("query", "--format", "json", "print a = 1d + 2h, b = long(null), c = 1.5");
    assertEquals(0, r.exit(), r.err());
    assertEquals("[\n  {\"a\": \"1.02:00:00\", \"b\": null, \"c\": 1.5}\n]\n", r.out());
  }

  @Test
  void badRowIsReportedWithFileAndLine() throws Exception {
    Path p = dir.resolve("DeviceProcessEvents.jsonl");
    Files.writeString(p, "{\"DeviceName\":\"a\",\"ReportId\":1}\n{\"DeviceName\":\"b\",\"ReportId\":\"not a number\"}\n");
    Run r = run("query", "--data", p.toString(), "--format", "csv", "DeviceProcessEvents | project DeviceName");
    assertEquals(Main.EXIT_DATA_ERR, r.exit());
    assertEquals("DeviceName\na\n", r.out());
    assertTrue(r.err().contains("DeviceProcessEvents.jsonl:2") && r.err().contains("KQL4006"), r.err());
  }

  @Test
  void unknownTableFromCsvGetsInferredColumns() throws Exception {
    Path p = dir.resolve("Logins.csv");
    Files.writeString(p, "User,Failures\nalice,3\nbob,10\n");
    Run r = run("query", "--data", p.toString(), "--format", "csv", "Logins | where Failures > 5 | project User");
    assertEquals(0, r.exit(), r.err());
    assertEquals("User\nbob\n", r.out());
  }

  @Test
  void badQueryExits65WithRenderedDiagnostics() {
    Run r = run("query", "DeviceProcessEvents | where NoSuchColumn == 1");
    assertEquals(Main.EXIT_DATA_ERR, r.exit());
    assertTrue(r.err().contains("KQL2") && r.err().contains("^"), r.err());
  }

  @Test
  void rowCapTruncatesWithAWarningAndMemoryBudgetStopsCleanly() {
    Run capped = run("query", "--max-rows", "2", "--format", "csv", "range x from 1 to 10 step 1");
    assertEquals(0, capped.exit(), capped.err());
    assertEquals("x\n1\n2\n", capped.out());
    assertTrue(capped.err().contains("KQL5008"), capped.err());
    Run oom = run("query", "--max-memory", "64k", "range x from 1 to 100000000 step 1 | summarize count()");
    assertEquals(Main.EXIT_DATA_ERR, oom.exit());
    assertTrue(oom.err().contains("KQL5004"), oom.err());
  }

  @Test
  void usageErrorsExit2() {
    assertEquals(Main.EXIT_USAGE, run("query").exit());
    assertEquals(Main.EXIT_USAGE, run("query", "--format", "xml", "print 1").exit());
    assertEquals(Main.EXIT_USAGE, run("query", "--now", "yesterday-ish", "print 1").exit());
    assertEquals(Main.EXIT_USAGE, run("query", "--data", "/no/such/path", "print 1").exit());
  }

  @Test
  void folderOfMixedFormatsWithAnExplicitTable() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("export"));
    Files.writeString(folder.resolve("part1.json"), "[{\"DeviceName\":\"a\",\"ReportId\":1},{\"DeviceName\":\"b\",\"ReportId\":2}]");
    Files.writeString(folder.resolve("part2.csv"), "DeviceName,ReportId\nc,3\n");
    Run r = run("query", "--data", folder.toString(), "--table", "DeviceProcessEvents", "--format", "csv",
        "DeviceProcessEvents | summarize n = count(), s = sum(ReportId)");
    assertEquals(0, r.exit(), r.err());
    assertEquals("n,s\n3,6\n", r.out());
  }
}
