package dev.kqlhunt.bench;

import dev.kqlhunt.exec.Table;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;

/**
 * The engine benchmark (issue 3): the seed rule and five corpus queries over generated
 * DeviceProcessEvents rows held in memory, kqlhunt against DuckDB on the same rows in the same run.
 *
 * <p>First both sides' results are compared (column names and canonical rows; a mismatch is reported
 * and the query's ratio marked invalid). Then each query runs {@code warmup} times on each side and
 * {@code iterations} timed times, alternating sides so that load from other processes hits both alike;
 * median and min are reported. kqlhunt's time covers parse, bind, plan and execution of the KQL text;
 * DuckDB's covers parsing and running the SQL and reading every cell of the result over JDBC.
 *
 * <p>Memory: the table's {@code retainedBytes()} and the heap growth after a full GC, both against
 * the JSON-lines bytes the rows were written as.
 *
 * <p>Run: {@code ./bench engine [rows] [iterations] [duckdbThreads]} (docs/BENCHMARKS.md); with
 * {@code -Dkqlhunt.bench.only=PREFIX} (env {@code KQLHUNT_BENCH_OPTS}) only the queries whose name
 * starts with PREFIX run, e.g. to profile one; {@code -Dkqlhunt.bench.warmup=N} sets {@link #WARMUP}.
 */
public final class EngineBenchmark {
  /**
   * Untimed runs per query and side before the timed ones ({@code -Dkqlhunt.bench.warmup}, default
   * 20): the JIT compiles kqlhunt's kernels only after some runs (a rule engine running on a
   * schedule runs warm); DuckDB's native code needs none but gets the same runs.
   */
  static final int WARMUP = Integer.getInteger("kqlhunt.bench.warmup", 20);

  private EngineBenchmark() {}

  public static void main(String[] args) throws Exception {
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    int duckThreads = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    Path dataDir = Path.of(System.getProperty("kqlhunt.benchData", System.getProperty("java.io.tmpdir") + "/kqlhunt-bench"));
    Files.createDirectories(dataDir);
    Path jsonl = dataDir.resolve("DeviceProcessEvents-" + rows + "-" + EngineData.SEED + ".jsonl");
    List<EngineQueries.Query> queries = EngineQueries.load(Corpus.shared().resolve("corpus/sentinel/QUERIES.jsonl"));

    System.out.printf("machine: %s%n", Machine.describe());
    System.out.printf("load at start: %s%n", Machine.loadAverage());
    System.out.printf("warm-up: %d untimed runs per query and side, then %d timed%n", WARMUP, iterations);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long heapBefore = usedAfterGc(memory);
    long t0 = System.nanoTime();
    Table table = EngineData.generate(rows, jsonl, true);
    double generateSeconds = (System.nanoTime() - t0) / 1e9;
    long heapTable = usedAfterGc(memory) - heapBefore;
    long jsonBytes = Files.size(jsonl);
    System.out.printf("rows: %d, generated (and table built) in %.1f s; JSON lines %s: %,d bytes%n",
        table.rowCount(), generateSeconds, jsonl, jsonBytes);
    System.out.printf("kqlhunt table: retainedBytes %,d (%.1f%% of JSON), heap growth after GC %,d (%.1f%% of JSON); target <= 35%%%n",
        table.retainedBytes(), 100.0 * table.retainedBytes() / jsonBytes, heapTable, 100.0 * heapTable / jsonBytes);

    try (DuckDbSide duck = new DuckDbSide(duckThreads)) {
      t0 = System.nanoTime();
      duck.load(EngineData.schema(), jsonl);
      System.out.printf("DuckDB %s: read_json into table dpe: %.1f s, %d rows, threads=%d, memory %,d bytes%n",
          "(in-process JDBC)", (System.nanoTime() - t0) / 1e9, duck.rowCount(), duck.threads(), duck.memoryBytes());
      KqlhuntSide ours = new KqlhuntSide(table);
      List<String> lines = new ArrayList<>();
      String only = System.getProperty("kqlhunt.bench.only", "");
      for (EngineQueries.Query q : queries) {
        if (q.name().startsWith(only)) lines.add(measure(q, ours, duck, iterations));
      }
      System.out.printf("load at end: %s%n", Machine.loadAverage());
      System.out.println();
      System.out.println("| query | rows | kqlhunt median / min (ms) | DuckDB median / min (ms) | DuckDB/kqlhunt (medians) | same rows |");
      System.out.println("|---|---:|---:|---:|---:|---|");
      lines.forEach(System.out::println);
    }
  }

  private static String measure(EngineQueries.Query q, KqlhuntSide ours, DuckDbSide duck, int iterations)
      throws Exception {
    ResultRows theirs = duck.query(q.sql());
    String verdict;
    ResultRows mine = null;
    try {
      mine = KqlhuntSide.canonical(ours.run(q.name(), q.kql()));
      String diff = mine.difference(theirs, q.ordered());
      verdict = diff == null ? "yes" : "NO: " + diff;
    } catch (RuntimeException e) {
      verdict = "kqlhunt FAILED: " + e.getMessage().replace('\n', ' ');
    }
    System.out.printf("%s: DuckDB %d rows; kqlhunt %s; same rows: %s%n", q.name(), theirs.rows().size(),
        mine == null ? "-" : mine.rows().size() + " rows", verdict);
    List<Double> duckMs = new ArrayList<>();
    List<Double> oursMs = new ArrayList<>();
    boolean oursRuns = mine != null;
    int warmup = WARMUP;
    for (int i = 0; i < warmup + iterations; i++) {
      long t = System.nanoTime();
      duck.count(q.sql());
      double d = (System.nanoTime() - t) / 1e6;
      double o = Double.NaN;
      if (oursRuns) {
        t = System.nanoTime();
        ours.run(q.name(), q.kql());
        o = (System.nanoTime() - t) / 1e6;
      }
      if (i >= warmup) {
        duckMs.add(d);
        oursMs.add(o);
      }
    }
    double[] dk = medianMin(duckMs);
    String rows = Integer.toString(theirs.rows().size());
    if (!oursRuns) {
      return String.format("| %s | %s | - | %.1f / %.1f | - | %s |", q.name(), rows, dk[0], dk[1], verdict);
    }
    double[] ok = medianMin(oursMs);
    return String.format("| %s | %s | %.1f / %.1f | %.1f / %.1f | %.1fx | %s |", q.name(), rows, ok[0], ok[1], dk[0], dk[1],
        dk[0] / ok[0], verdict);
  }

  private static double[] medianMin(List<Double> values) {
    List<Double> s = new ArrayList<>(values);
    s.sort(null);
    return new double[] {s.get(s.size() / 2), s.get(0)};
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }
}
