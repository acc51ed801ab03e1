package dev.kqlhunt.bench;

import dev.kqlhunt.exec.DataSource;
import dev.kqlhunt.exec.ExecOptions;
import dev.kqlhunt.exec.QueryResult;
import dev.kqlhunt.exec.QueryRunner;
import dev.kqlhunt.exec.Table;
import dev.kqlhunt.store.Store;
import dev.kqlhunt.store.StoreTables;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.value.DateTimes;
import dev.kqlhunt.value.TermMatcher;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The seed rule over what the ingest benchmark left on disk: kqlhunt's store through {@link
 * StoreTables} against DuckDB's file-backed database, cold (store / connection opened for the query)
 * and warm (same store tables / connection again). Two kqlhunt variants: the whole table loaded, and
 * segments pruned by the query's time range and by the dictionaries of its three {@code has} columns
 * (what a store-aware planner would ask for). "Cold" is cold for the process, not for the OS page
 * cache, which an unprivileged run cannot drop.
 */
final class StoreQueryBenchmark {
  private StoreQueryBenchmark() {}

  static void run(Path storeDir, Path duckFile, String seedKql, String seedSql, int iterations) throws Exception {
    ExecOptions options = ExecOptions.at(DateTimes.fromUnixMillis(EngineData.NOW.toEpochMilli()));
    long to = options.nowTicks();
    long from = to - 5 * DateTimes.TICKS_PER_DAY;
    Map<String, Predicate<String>> filters = new LinkedHashMap<>();
    filters.put("ProcessVersionInfoCompanyName", TermMatcher.has("www.donkz.nl", false)::test);
    filters.put("ProcessVersionInfoProductName", TermMatcher.has("Remote Desktop Plus", false)::test);
    filters.put("ProcessVersionInfoOriginalFileName", TermMatcher.has("rdp.exe", false)::test);

    List<Double> wholeCold = new ArrayList<>();
    List<Double> wholeWarm = new ArrayList<>();
    List<Double> prunedCold = new ArrayList<>();
    List<Double> duckCold = new ArrayList<>();
    List<Double> duckWarm = new ArrayList<>();
    long[] check = new long[3];
    for (int i = 0; i < iterations + 1; i++) {
      boolean timed = i > 0; // the first round warms the JIT and the page cache
      long t = System.nanoTime();
      StoreTables whole = new StoreTables(Store.open(storeDir));
      check[0] = rows(run(whole, seedKql, options));
      double cold = ms(t);
      t = System.nanoTime();
      run(whole, seedKql, options);
      double warm = ms(t);
      t = System.nanoTime();
      Table pruned = new StoreTables(Store.open(storeDir)).table("DeviceProcessEvents", from, to, filters);
      check[1] = rows(run(DataSource.of(Map.of("DeviceProcessEvents", pruned)), seedKql, options));
      double coldPruned = ms(t);
      t = System.nanoTime();
      double duckWarmMs;
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + duckFile);
          DuckDbSide.Session s = new DuckDbSide.Session(c)) {
        check[2] = s.count(seedSql);
        double dc = ms(t);
        t = System.nanoTime();
        s.count(seedSql);
        duckWarmMs = ms(t);
        if (timed) duckCold.add(dc);
      }
      if (timed) {
        wholeCold.add(cold);
        wholeWarm.add(warm);
        prunedCold.add(coldPruned);
        duckWarm.add(duckWarmMs);
      }
    }
    System.out.printf("seed over the store: result rows kqlhunt whole %d, kqlhunt pruned %d, DuckDB %d; load %s%n",
        check[0], check[1], check[2], Machine.loadAverage());
    System.out.println("| seed rule over stored data | median / min (ms) |");
    System.out.println("|---|---:|");
    print("kqlhunt cold: Store.open + load whole table + query", wholeCold);
    print("kqlhunt warm: loaded table cached by StoreTables", wholeWarm);
    print("kqlhunt cold, segments pruned by time and dictionaries", prunedCold);
    print("DuckDB cold: new connection to its file + query", duckCold);
    print("DuckDB warm: same connection again", duckWarm);
  }

  private static Table run(DataSource data, String kql, ExecOptions options) {
    QueryResult r = new QueryRunner(SchemaRegistry.builtIn(), data).run(SourceText.of("seed", kql), options);
    if (!r.ok()) throw new IllegalStateException("seed failed over the store: " + r.diagnostics());
    return r.table();
  }

  private static long rows(Table t) {
    return t.rowCount();
  }

  private static double ms(long t0) {
    return (System.nanoTime() - t0) / 1e6;
  }

  private static void print(String what, List<Double> ms) {
    List<Double> s = new ArrayList<>(ms);
    s.sort(null);
    System.out.printf("| %s | %.1f / %.1f |%n", what, s.get(s.size() / 2), s.get(0));
  }
}
