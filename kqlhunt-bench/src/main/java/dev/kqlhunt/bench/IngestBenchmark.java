package dev.kqlhunt.bench;

import dev.kqlhunt.ingest.ReadOptions;
import dev.kqlhunt.ingest.ReaderRegistry;
import dev.kqlhunt.ingest.SchemaLookup;
import dev.kqlhunt.store.IngestReport;
import dev.kqlhunt.store.Store;
import dev.kqlhunt.store.StoreIngest;
import dev.kqlhunt.symbols.SchemaRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The ingest benchmark (issue 4): the engine benchmark's generated JSON-lines file into kqlhunt's
 * store ({@link StoreIngest}, as {@code kqlhunt ingest}) against DuckDB's {@code read_json} into a
 * table of a file-backed database, in one run, one after the other; wall-clock time and the bytes each
 * leaves on disk, against the JSON bytes. One run each (an ingest of a few GB takes minutes); rerun
 * for more samples. Then the seed rule over both, cold and warm ({@link StoreQueryBenchmark}).
 *
 * <p>Run: {@code ./bench ingest [rows] [duckdbThreads]} (docs/BENCHMARKS.md). The JSON file is made
 * by the engine benchmark's generator if missing. {@code KQLHUNT_BENCH_OPTS=-Dkqlhunt.bench.ingestOnly=true}
 * skips the query part.
 */
public final class IngestBenchmark {
  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int duckThreads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    Path dataDir = Path.of(System.getProperty("kqlhunt.benchData", System.getProperty("java.io.tmpdir") + "/kqlhunt-bench"));
    Files.createDirectories(dataDir);
    Path jsonl = dataDir.resolve("DeviceProcessEvents-" + rows + "-" + EngineData.SEED + ".jsonl");
    EngineData.generate(rows, jsonl, false);
    long jsonBytes = Files.size(jsonl);
    System.out.printf("machine: %s%n", Machine.describe());
    System.out.printf("input: %s, %,d bytes, %d rows; load %s%n", jsonl, jsonBytes, rows, Machine.loadAverage());

    Path storeDir = dataDir.resolve("store-" + rows);
    deleteTree(storeDir);
    ReadOptions read = ReadOptions.defaults(SchemaLookup.of(SchemaRegistry.builtIn().tables())).withTable("DeviceProcessEvents");
    long c0 = processCpuNanos();
    long t0 = System.nanoTime();
    IngestReport report = StoreIngest.run(storeDir, List.of(jsonl),
        new StoreIngest.Options(read, true, -1), ReaderRegistry.withDefaults(), null);
    double oursSeconds = (System.nanoTime() - t0) / 1e9;
    double oursCpu = (processCpuNanos() - c0) / 1e9;
    if (report.failed()) throw new IllegalStateException("kqlhunt ingest failed: " + report.failure());
    long storeBytes = treeSize(storeDir);
    long storedRows = Store.open(storeDir).rowCount("DeviceProcessEvents");
    System.out.printf("kqlhunt store: %.1f s (CPU %.1f s), %d rows stored (%s), %,d bytes on disk (%.1f%% of JSON); load %s%n",
        oursSeconds, oursCpu, storedRows, report.records(), storeBytes, 100.0 * storeBytes / jsonBytes, Machine.loadAverage());

    Path duckFile = dataDir.resolve("duck-" + rows + ".duckdb");
    Files.deleteIfExists(duckFile);
    Files.deleteIfExists(duckFile.resolveSibling(duckFile.getFileName() + ".wal"));
    double duckSeconds;
    double duckCpu;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + duckFile); Statement s = c.createStatement()) {
      if (duckThreads > 0) s.execute("SET threads = " + duckThreads);
      c0 = processCpuNanos();
      t0 = System.nanoTime();
      s.execute(DuckDbSide.loadSql(EngineData.schema(), jsonl));
      s.execute("CHECKPOINT");
      duckSeconds = (System.nanoTime() - t0) / 1e9;
      duckCpu = (processCpuNanos() - c0) / 1e9;
    }
    long duckBytes = Files.size(duckFile);
    System.out.printf("DuckDB read_json into a file-backed table: %.1f s (CPU %.1f s), %,d bytes on disk (%.1f%% of JSON); load %s%n",
        duckSeconds, duckCpu, duckBytes, 100.0 * duckBytes / jsonBytes, Machine.loadAverage());
    System.out.printf("ratio: kqlhunt ingest time = %.2fx DuckDB's (CPU time %.2fx); store size = %.2fx DuckDB's file%n",
        oursSeconds / duckSeconds, oursCpu / duckCpu, (double) storeBytes / duckBytes);
    if (Boolean.getBoolean("kqlhunt.bench.ingestOnly")) return; // -Dkqlhunt.bench.ingestOnly=true: no query part
    EngineQueries.Query seed = EngineQueries.load(Corpus.shared().resolve("corpus/sentinel/QUERIES.jsonl")).get(0);
    StoreQueryBenchmark.run(storeDir, duckFile, seed.kql(), seed.sql(), 5);
  }

  /** CPU time of the whole process (every thread, DuckDB's native ones included), in ns. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static long treeSize(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).sum();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

}
