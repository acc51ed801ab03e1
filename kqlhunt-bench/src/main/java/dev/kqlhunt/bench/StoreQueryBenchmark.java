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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The seed rule over what the ingest benchmark left on disk: kqlhunt's store through {@link
 * StoreTables#scan} (segments and rows chosen by the pushed-down time range and {@code has}
 * conditions, only the needed columns of the surviving rows materialised) against DuckDB's
 * file-backed database. Three states, each side alternating within one iteration:
 *
 * <ul>
 *   <li><b>process-cold</b>: {@code Store.open} + a new {@code StoreTables} (empty cache) + query; DuckDB:
 *       a new connection to its file + query. The OS page cache holds the files (warm from earlier
 *       rounds).
 *   <li><b>page-cache-cold</b> (with {@code -Dkqlhunt.bench.evict=true}, the default): as above, after
 *       dropping the side's files from the OS page cache with {@code dd iflag=nocache count=0}
 *       ({@code posix_fadvise(POSIX_FADV_DONTNEED)} on each file, allowed unprivileged; checked with
 *       {@code fincore} when present). Only these files are evicted, nothing else on the machine.
 *   <li><b>warm</b>: the same {@code StoreTables} / connection again.
 * </ul>
 *
 * Before timing, the result over the store is compared cell by cell with the same query over the
 * whole table loaded without pushdown, and its row count with DuckDB's; then each side runs the query
 * {@code -Dkqlhunt.bench.jitWarmup} times (default 30) over a newly opened store / connection, to
 * warm the JIT, not the data (0 reproduces the earlier runs, where cold meant JIT-cold too).
 *
 * <p>Run only this part over an existing store: {@code ./bench store [storeDir] [duckFile]
 * [iterations]} (defaults: {@code store-1000000} and {@code duck-1000000.duckdb} in the bench data
 * directory, 7 iterations).
 */
final class StoreQueryBenchmark {
  private StoreQueryBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(System.getProperty("kqlhunt.benchData", System.getProperty("java.io.tmpdir") + "/kqlhunt-bench"));
    Path storeDir = args.length > 0 ? Path.of(args[0]) : dataDir.resolve("store-1000000");
    Path duckFile = args.length > 1 ? Path.of(args[1]) : dataDir.resolve("duck-1000000.duckdb");
    int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    System.out.printf("machine: %s%n", Machine.describe());
    EngineQueries.Query seed = EngineQueries.load(Corpus.shared().resolve("corpus/sentinel/QUERIES.jsonl")).get(0);
    run(storeDir, duckFile, seed.kql(), seed.sql(), iterations);
  }

  static void run(Path storeDir, Path duckFile, String seedKql, String seedSql, int iterations) throws Exception {
    ExecOptions options = ExecOptions.at(DateTimes.fromUnixMillis(EngineData.NOW.toEpochMilli()));
    boolean evict = Boolean.parseBoolean(System.getProperty("kqlhunt.bench.evict", "true"));
    System.out.printf("seed over the store %s vs DuckDB %s; load %s%n", storeDir, duckFile, Machine.loadAverage());

    // Same rows as without pushdown (whole table in memory), same count as DuckDB.
    Table pushed = run(new StoreTables(Store.open(storeDir)), seedKql, options);
    Table whole = new StoreTables(Store.open(storeDir), 0).table("DeviceProcessEvents");
    Table reference = run(DataSource.of(Map.of("DeviceProcessEvents", whole)), seedKql, options);
    whole = null;
    String diff = KqlhuntSide.canonical(pushed).difference(KqlhuntSide.canonical(reference), false);
    long duckRows;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + duckFile); DuckDbSide.Session s = new DuckDbSide.Session(c)) {
      duckRows = s.count(seedSql);
    }
    System.out.printf("result: %d rows over the store; same rows as the whole table without pushdown: %s; DuckDB %d rows%n",
        pushed.rowCount(), diff == null ? "yes" : "NO: " + diff, duckRows);

    // JIT warm-up, not data: each query opens the store / a connection anew, so nothing read is
    // carried into the timed runs (each of those opens its own Store + StoreTables, or connection).
    // Without it the "cold" figures mostly measured interpreted code: the scan's cold path (postings,
    // chunk checks, footer parsing) runs once per round, i.e. a few times before being timed.
    int jitWarmup = Integer.getInteger("kqlhunt.bench.jitWarmup", 30);
    for (int i = 0; i < jitWarmup; i++) {
      run(new StoreTables(Store.open(storeDir)), seedKql, options);
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + duckFile); DuckDbSide.Session s = new DuckDbSide.Session(c)) {
        s.count(seedSql);
      }
    }
    System.out.printf("JIT warm-up: %d queries per side, each over a newly opened store / connection%n", jitWarmup);

    List<Double> coldMs = new ArrayList<>();
    List<Double> warmMs = new ArrayList<>();
    List<Double> diskMs = new ArrayList<>();
    List<Double> duckColdMs = new ArrayList<>();
    List<Double> duckWarmMs = new ArrayList<>();
    List<Double> duckDiskMs = new ArrayList<>();
    long coldBytes = 0;
    String residency = "";
    for (int i = 0; i < iterations + 2; i++) {
      boolean timed = i >= 2; // two rounds warm the JIT and the page cache
      if (evict) {
        residency = evict(storeDir);
        long t = System.nanoTime();
        run(new StoreTables(Store.open(storeDir)), seedKql, options);
        if (timed) diskMs.add(ms(t));
        evict(duckFile);
        t = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + duckFile); DuckDbSide.Session s = new DuckDbSide.Session(c)) {
          s.count(seedSql);
        }
        if (timed) duckDiskMs.add(ms(t));
      }
      long t = System.nanoTime();
      StoreTables tables = new StoreTables(Store.open(storeDir));
      run(tables, seedKql, options);
      double cold = ms(t);
      coldBytes = tables.readStats().bytes();
      double warm = Double.MAX_VALUE;
      for (int k = 0; k < 5; k++) {
        t = System.nanoTime();
        run(tables, seedKql, options);
        warm = Math.min(warm, ms(t));
      }
      t = System.nanoTime();
      double duckWarm = Double.MAX_VALUE;
      double duckCold;
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + duckFile); DuckDbSide.Session s = new DuckDbSide.Session(c)) {
        s.count(seedSql);
        duckCold = ms(t);
        for (int k = 0; k < 5; k++) {
          t = System.nanoTime();
          s.count(seedSql);
          duckWarm = Math.min(duckWarm, ms(t));
        }
      }
      if (timed) {
        coldMs.add(cold);
        warmMs.add(warm);
        duckColdMs.add(duckCold);
        duckWarmMs.add(duckWarm);
      }
    }
    System.out.printf("kqlhunt read %,d bytes of blocks per cold query; after eviction: %s; load %s%n", coldBytes,
        residency, Machine.loadAverage());
    System.out.println("| seed rule over stored data | kqlhunt median / min (ms) | DuckDB median / min (ms) | DuckDB / kqlhunt (medians) |");
    System.out.println("|---|---:|---:|---:|");
    if (evict) print("page-cache-cold: files evicted, store / connection opened, query", diskMs, duckDiskMs);
    print("process-cold: store / connection opened, query (files in the page cache)", coldMs, duckColdMs);
    print("warm: same StoreTables / connection again (best of 5 per round)", warmMs, duckWarmMs);
  }

  /** Drops {@code path} (a file, or every file under a directory) from the OS page cache; returns fincore's verdict. */
  private static String evict(Path path) throws IOException, InterruptedException {
    // Pages still mapped by earlier rounds' (unreachable) segment mappings cannot be dropped: let the
    // collector unmap them first.
    System.gc();
    Thread.sleep(50);
    List<Path> files;
    try (Stream<Path> s = Files.walk(path)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    for (Path f : files) {
      Process p = new ProcessBuilder("dd", "if=" + f, "iflag=nocache", "count=0", "status=none").inheritIO().start();
      if (p.waitFor() != 0) throw new IOException("dd nocache failed for " + f);
    }
    try {
      List<String> cmd = new ArrayList<>(List.of("fincore", "--bytes", "--noheadings", "--output", "RES"));
      for (Path f : files) cmd.add(f.toString());
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor();
      long resident = 0;
      for (String line : out.split("\\s+")) if (!line.isEmpty()) resident += Long.parseLong(line);
      return resident + " bytes of " + files.size() + " files still resident";
    } catch (IOException | NumberFormatException e) {
      return "residency unknown (" + e.getMessage() + ")";
    }
  }

  private static Table run(DataSource data, String kql, ExecOptions options) {
    QueryResult r = new QueryRunner(SchemaRegistry.builtIn(), data).run(SourceText.of("seed", kql), options);
    if (!r.ok()) throw new IllegalStateException("seed failed over the store: " + r.diagnostics());
    return r.table();
  }

  private static double ms(long t0) {
    return (System.nanoTime() - t0) / 1e6;
  }

  private static double median(List<Double> ms) {
    List<Double> s = new ArrayList<>(ms);
    s.sort(null);
    return s.get(s.size() / 2);
  }

  private static double min(List<Double> ms) {
    double m = Double.MAX_VALUE;
    for (double d : ms) m = Math.min(m, d);
    return m;
  }

  private static void print(String what, List<Double> ours, List<Double> theirs) {
    System.out.printf("| %s | %.2f / %.2f | %.2f / %.2f | %.1fx |%n", what, median(ours), min(ours), median(theirs),
        min(theirs), median(theirs) / median(ours));
  }
}
