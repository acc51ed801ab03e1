package dev.kqlhunt.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.plan.Planner;
import dev.kqlhunt.plan.PushFiltersIntoScan;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.symbols.TableSchema;
import dev.kqlhunt.text.SourceText;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The plan rules change how much is read, never the result: each query runs with the default rules
 * (filters pushed into scans, columns pruned), with filter pushdown only, and with no rules, over the
 * same random table; the three results must be identical, cell for cell and in order.
 */
class PrunedPlanResultsTest {
  private static final List<ColumnSymbol> COLUMNS = List.of(
      new ColumnSymbol("Timestamp", ScalarType.DATETIME), new ColumnSymbol("DeviceId", ScalarType.STRING),
      new ColumnSymbol("DeviceName", ScalarType.STRING), new ColumnSymbol("FileName", ScalarType.STRING),
      new ColumnSymbol("ProcessId", ScalarType.LONG), new ColumnSymbol("Size", ScalarType.REAL),
      new ColumnSymbol("Signed", ScalarType.BOOL), new ColumnSymbol("Fields", ScalarType.STRING),
      new ColumnSymbol("CommandLine", ScalarType.STRING));

  private static final String[] QUERIES = {
      "T | where FileName has 'cmd' | project DeviceId, FileName",
      "T | where Timestamp > ago(3d) and FileName in~ ('CMD.EXE', 'ping.exe') | project Timestamp, DeviceName",
      "T | extend n = strlen(CommandLine) | where n > 12 | project n, DeviceId",
      "T | extend FileName = toupper(FileName), k = ProcessId * 2 | project FileName, k",
      "T | extend a = 1 | extend b = a + ProcessId | summarize sum(b) by DeviceName | order by DeviceName asc",
      "T | project-away Fields, CommandLine | take 5",
      "T | project-away Fields | project-rename Host = DeviceName | project Host, ProcessId | take 7",
      "T | project-keep Device* | take 4",
      "T | summarize arg_max(Timestamp, *) by DeviceId | order by DeviceId asc",
      "T | summarize take_any(*) by DeviceName | project DeviceName",
      "T | summarize c = count(), s = sum(Size), m = make_set(FileName) by DeviceId | order by DeviceId asc",
      "T | summarize dcount(FileName), countif(Signed) by bin(Timestamp, 1d) | order by Timestamp asc",
      "T | top 5 by ProcessId desc | project DeviceId, ProcessId",
      "T | sort by Timestamp asc, ProcessId asc | project Timestamp, FileName | take 10",
      "T | where Signed | distinct DeviceId, FileName | order by DeviceId asc, FileName asc",
      "T | count",
      "T | where FileName == 'cmd.exe' | count",
      "let X = T | where Size > 10; X | project DeviceId | join kind=inner (X | project DeviceId, FileName) on DeviceId"
          + " | order by DeviceId asc, FileName asc | take 20",
      "T | join kind=leftouter (T | summarize m = max(ProcessId) by DeviceId) on DeviceId | project DeviceId, m, ProcessId"
          + " | order by ProcessId asc | take 10",
      "union T, (T | where FileName == 'x.exe') | summarize count() by FileName | order by FileName asc",
      "T | extend f = parse_json(Fields) | mv-expand e = f.list | project DeviceId, e | take 15",
      "T | parse CommandLine with * '-n ' N:long * | project DeviceId, N | take 10",
      "T | serialize | extend r = row_number() | project r, FileName | take 8",
      "T | make-series c = count() default = 0 on Timestamp from ago(7d) to now() step 1d by DeviceName"
          + " | order by DeviceName asc",
      "T | extend f = parse_json(Fields) | mv-apply e = f.list to typeof(long) on (summarize s = sum(e))"
          + " | project DeviceId, s | take 10",
      "T | project d = parse_json(Fields) | evaluate bag_unpack(d) | take 5",
      "T | getschema",
      "T | where ProcessId > toscalar(T | summarize avg(ProcessId)) | project ProcessId | order by ProcessId asc",
      "T | where DeviceId in ((T | where FileName == 'cmd.exe' | project DeviceId)) | summarize count() by DeviceId"
          + " | order by DeviceId asc",
      "T | lookup (T | summarize n = count() by DeviceName) on DeviceName | project DeviceName, n | take 6",
      "T | extend p = pack_all() | project p | take 2",
      "T | where FileName !has 'exe' or ProcessId between (10 .. 40) | project FileName, ProcessId",
  };

  @Test
  void everyRuleSetGivesTheSameResult() {
    long seed = Long.getLong("kqlhunt.seed", System.nanoTime());
    System.out.println("PrunedPlanResultsTest seed=" + seed);
    Table t = table(new SplittableRandom(seed), 400);
    SchemaRegistry registry = SchemaRegistry.of(List.of(new TableSchema("T", COLUMNS)), List.of());
    DataSource data = DataSource.of(Map.of("T", t));
    QueryRunner pruned = new QueryRunner(registry, data, Planner.DEFAULT_RULES);
    QueryRunner pushed = new QueryRunner(registry, data, List.of(new PushFiltersIntoScan()));
    QueryRunner none = new QueryRunner(registry, data, List.of());
    int ran = 0;
    for (String q : QUERIES) {
      QueryResult a = none.run(SourceText.of("q", q), ExecOptions.at(ExecTestSupport.NOW));
      QueryResult b = pushed.run(SourceText.of("q", q), ExecOptions.at(ExecTestSupport.NOW));
      QueryResult c = pruned.run(SourceText.of("q", q), ExecOptions.at(ExecTestSupport.NOW));
      assertEquals(a.ok(), c.ok(), () -> "seed " + seed + " " + q + ": " + ExecTestSupport.render(q, c));
      if (!a.ok()) {
        // An operator the executor lacks fails the same way whatever the rules.
        assertEquals(a.diagnostics().toString(), c.diagnostics().toString(), q);
        System.out.println("PrunedPlanResultsTest: fails under every rule set: " + q + " " + a.diagnostics());
        continue;
      }
      ran++;
      assertTrue(b.ok(), q);
      assertEquals(ResultWriter.csv(a.table()), ResultWriter.csv(b.table()), "seed " + seed + " pushed: " + q);
      assertEquals(ResultWriter.csv(a.table()), ResultWriter.csv(c.table()), "seed " + seed + " pruned: " + q);
    }
    assertTrue(ran >= QUERIES.length - 4, "only " + ran + " of " + QUERIES.length + " queries ran");
  }

  private static Table table(SplittableRandom random, int rows) {
    String[] files = {"cmd.exe", "ping.exe", "powershell.exe", "x.exe", "notepad", "CMD.EXE"};
    TableBuilder b = new TableBuilder(COLUMNS, rows);
    for (int r = 0; r < rows; r++) {
      long ts = ExecTestSupport.NOW - random.nextLong(8L * 86_400L * 10_000_000L);
      int list = random.nextInt(4);
      StringBuilder fields = new StringBuilder("{\"k").append(random.nextInt(3)).append("\":").append(r).append(",\"list\":[");
      for (int i = 0; i < list; i++) fields.append(i == 0 ? "" : ",").append(random.nextInt(100));
      fields.append("]}");
      b.addRow(ts, "dev" + random.nextInt(12), "host-" + random.nextInt(9), files[random.nextInt(files.length)],
          random.nextInt(10) == 0 ? null : (long) random.nextInt(100), random.nextDouble() * 20, random.nextBoolean(),
          fields.toString(), "run -n " + random.nextInt(50) + " --v " + random.nextInt(3));
    }
    return b.build();
  }
}
