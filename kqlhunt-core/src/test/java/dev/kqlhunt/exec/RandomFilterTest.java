package dev.kqlhunt.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.symbols.TableSchema;
import dev.kqlhunt.text.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/**
 * Random tables and random filter + summarize queries, checked against a plain loop over the rows
 * implementing the documented semantics independently. Logs its seed; set -Dkqlhunt.seed to replay.
 */
class RandomFilterTest {
  private static final String[] WORDS = {"rdp.exe", "RDP.EXE", "myrdp.exe", "rdp.exe.mui", "c:\\x\\rdp.exe", "Remote Desktop Plus",
      "remote desktop pluss", "www.donkz.nl", "Donkz (www.donkz.nl)", "", "a b c", "abc", "ab", "x-rdp.exe"};
  private static final String[] NEEDLES = {"rdp.exe", "RDP", "donkz", "www.donkz.nl", "Remote Desktop Plus", "b", "ab", ".exe", ""};

  private record Op(String kql, BiPredicate<String, String> semantics) {}

  private static final List<Op> OPS = List.of(
      new Op("has", (v, n) -> n.isEmpty() || SeedQueryTest.has(v, n)),
      new Op("!has", (v, n) -> !(n.isEmpty() || SeedQueryTest.has(v, n))),
      new Op("contains", (v, n) -> v.toLowerCase(Locale.ROOT).contains(n.toLowerCase(Locale.ROOT))),
      new Op("contains_cs", String::contains),
      new Op("startswith", (v, n) -> v.toLowerCase(Locale.ROOT).startsWith(n.toLowerCase(Locale.ROOT))),
      new Op("endswith", (v, n) -> v.toLowerCase(Locale.ROOT).endsWith(n.toLowerCase(Locale.ROOT))),
      new Op("==", String::equals),
      new Op("=~", String::equalsIgnoreCase),
      new Op("!=", (v, n) -> !v.equals(n)));

  @Test
  void randomFiltersAgreeWithAPlainLoop() {
    long seed = Long.getLong("kqlhunt.seed", System.nanoTime());
    System.out.println("RandomFilterTest seed=" + seed);
    SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < 40; round++) {
      int rows = 1 + random.nextInt(300);
      List<Object[]> data = new ArrayList<>();
      List<ColumnSymbol> cols = List.of(new ColumnSymbol("S", ScalarType.STRING), new ColumnSymbol("G", ScalarType.STRING),
          new ColumnSymbol("N", ScalarType.LONG));
      TableBuilder b = new TableBuilder(cols, rows);
      for (int r = 0; r < rows; r++) {
        Object[] row = {WORDS[random.nextInt(WORDS.length)], "g" + random.nextInt(4),
            random.nextInt(5) == 0 ? null : (long) random.nextInt(-50, 50)};
        data.add(row);
        b.addRow(row);
      }
      Op op = OPS.get(random.nextInt(OPS.size()));
      String needle = NEEDLES[random.nextInt(NEEDLES.length)];
      long lo = random.nextInt(-60, 20);
      long hi = lo + random.nextInt(80);
      String q = "T | where S " + op.kql() + " '" + needle + "' and N between (" + lo + " .. " + hi + ")"
          + " | summarize c = count(), s = sum(N), mx = max(N) by G | order by G asc";
      QueryResult res = new QueryRunner(SchemaRegistry.of(List.of(new TableSchema("T", cols)), List.of()),
          DataSource.of(Map.of("T", b.build())))
          .run(SourceText.of("q", q), ExecOptions.at(0));
      assertTrue(res.ok(), () -> "seed " + seed + ": " + ExecTestSupport.render(q, res));
      Map<String, long[]> expected = new TreeMap<>();
      for (Object[] row : data) {
        Long n = (Long) row[2];
        if (n == null || n < lo || n > hi || !op.semantics().test((String) row[0], needle)) continue;
        long[] acc = expected.computeIfAbsent((String) row[1], k -> new long[] {0, 0, Long.MIN_VALUE});
        acc[0]++;
        acc[1] += n;
        acc[2] = Math.max(acc[2], n);
      }
      StringBuilder want = new StringBuilder("G,c,s,mx\n");
      expected.forEach((g, a) -> want.append(g).append(',').append(a[0]).append(',').append(a[1]).append(',').append(a[2]).append('\n'));
      assertEquals(want.toString(), ResultWriter.csv(res.table()), "seed " + seed + " query " + q);
    }
  }
}
