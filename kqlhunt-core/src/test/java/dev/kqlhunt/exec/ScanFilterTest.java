package dev.kqlhunt.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The scan's reordered, position-based and two-thread predicate evaluation ({@link ScanFilter})
 * against the plain path: the same query planned without rules runs each {@code where} as a filter
 * over whole vectors. The table is larger than {@link ScanFilter#PARALLEL_ROWS}, so the split loops
 * run; the high-cardinality column {@code U} exercises the lazy per-code verdicts.
 */
class ScanFilterTest {
  private static final List<ColumnSymbol> COLUMNS = List.of(new ColumnSymbol("S", ScalarType.STRING),
      new ColumnSymbol("U", ScalarType.STRING), new ColumnSymbol("N", ScalarType.LONG),
      new ColumnSymbol("T", ScalarType.DATETIME), new ColumnSymbol("I", ScalarType.INT));
  private static final String[] WORDS = {"cmd.exe", "CMD.EXE", "reg.exe", "ping", "a b", "", "net.exe", "x-net"};
  private static final String[] PREDICATES = {
      "S has 'exe'", "S !has 'exe'", "S == 'reg.exe'", "S != 'reg.exe'", "S =~ 'cmd.exe'", "S in~ ('cmd.exe', 'ping')",
      "S !in ('cmd.exe', 'ping')", "S has_any ('net', 'b')", "S has_all ('a', 'b')", "S has_all ('EXE', 'cmd')", "S has_all ('cmd.exe')",
      "U has_all ('u', '12')", "U has_all ('U')", "U contains '7'",
      "U !contains '12'", "U startswith 'u-1'", "U in ('u-5', 'u-50', 'u-500')", "N between (-10 .. 30)", "N > 0",
      "N >= 90", "N < -90", "N <= 5", "N == 7", "N != 7", "N !between (0 .. 50)", "N > 9223372036854775807",
      "T > datetime(2024-01-05)", "T between (datetime(2024-01-02) .. datetime(2024-01-04))", "I > 3", "I == 2",
      "strlen(S) > 3", "S has 'cmd' or N > 50", "isnull(N)", "not(S has 'ping')"};

  @Test
  void reorderedAndSplitEvaluationMatchesFilteringWholeVectors() {
    long seed = Long.getLong("kqlhunt.seed", System.nanoTime());
    System.out.println("ScanFilterTest seed=" + seed);
    SplittableRandom random = new SplittableRandom(seed);
    int rows = ScanFilter.PARALLEL_ROWS * 2 + random.nextInt(1000);
    TableBuilder b = new TableBuilder(COLUMNS, rows);
    long day = 86_400L * 10_000_000L;
    long start = dev.kqlhunt.value.DateTimes.of(2024, 1, 1, 0, 0, 0, 0);
    for (int r = 0; r < rows; r++) {
      b.addRow(WORDS[random.nextInt(WORDS.length)], "u-" + random.nextInt(rows),
          random.nextInt(8) == 0 ? null : (long) random.nextInt(-100, 100), start + random.nextLong(6 * day),
          (long) random.nextInt(6));
    }
    Table t = b.build();
    SchemaRegistry registry = SchemaRegistry.of(List.of(new TableSchema("X", COLUMNS)), List.of());
    DataSource data = DataSource.of(Map.of("X", t));
    QueryRunner fast = new QueryRunner(registry, data);
    QueryRunner plain = new QueryRunner(registry, data, List.of());
    for (int round = 0; round < 25; round++) {
      StringBuilder q = new StringBuilder("X");
      int n = 1 + random.nextInt(4);
      for (int i = 0; i < n; i++) q.append(i == 0 ? " | where " : random.nextBoolean() ? " and " : " | where ")
          .append(PREDICATES[random.nextInt(PREDICATES.length)]);
      q.append(" | summarize c = count(), s = sum(N), f = min(U), l = max(U) by S | order by S asc");
      String query = q.toString();
      QueryResult a = plain.run(SourceText.of("q", query), ExecOptions.at(0));
      QueryResult c = fast.run(SourceText.of("q", query), ExecOptions.at(0));
      assertTrue(a.ok() && c.ok(), () -> "seed " + seed + ": " + query + ExecTestSupport.render(query, c));
      assertEquals(ResultWriter.csv(a.table()), ResultWriter.csv(c.table()), "seed " + seed + ": " + query);
    }
  }

  @Test
  void positionsComeBackInRowOrder() {
    // Row order is observable (take, serialize): the split halves must be concatenated in order.
    int rows = ScanFilter.PARALLEL_ROWS * 2;
    List<ColumnSymbol> cols = List.of(new ColumnSymbol("N", ScalarType.LONG), new ColumnSymbol("S", ScalarType.STRING));
    TableBuilder b = new TableBuilder(cols, rows);
    for (int r = 0; r < rows; r++) b.addRow((long) r, r % 1000 == 0 ? "rare" : r % 3 == 0 ? "keep" : "drop");
    QueryRunner runner = new QueryRunner(SchemaRegistry.of(List.of(new TableSchema("X", cols)), List.of()),
        DataSource.of(Map.of("X", b.build())));
    QueryResult r = runner.run(SourceText.of("q", "X | where S == 'keep' and N >= 3"), ExecOptions.at(0));
    assertTrue(r.ok());
    long expected = 0;
    for (int n = 3; n < rows; n += 3) expected += n % 1000 == 0 ? 0 : 1;
    assertEquals(expected, r.table().rowCount());
    for (int i = 0; i < r.table().rowCount(); i++) {
      long n = (long) r.table().get(i, 0);
      assertTrue(n % 3 == 0 && n % 1000 != 0 && (i == 0 || n > (long) r.table().get(i - 1, 0)), "row " + i + ": " + n);
    }
    // A value on 1 row in 1,000: the branchy loop for rare matches, same positions in order.
    QueryResult rare = runner.run(SourceText.of("q", "X | where S == 'rare'"), ExecOptions.at(0));
    assertTrue(rare.ok());
    assertEquals((rows + 999) / 1000, rare.table().rowCount());
    for (int i = 0; i < rare.table().rowCount(); i++) assertEquals(1000L * i, rare.table().get(i, 0));
  }
}
