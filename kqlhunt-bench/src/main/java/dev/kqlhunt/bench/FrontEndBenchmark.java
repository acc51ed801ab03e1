package dev.kqlhunt.bench;

import dev.kqlhunt.binder.Binder;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.syntax.ParseResult;
import dev.kqlhunt.syntax.Parser;
import dev.kqlhunt.text.SourceText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Parse + bind throughput of kqlhunt against the official Kusto parser (Kusto.Language behind
 * {@code ../shared/tools/kusto-oracle/oracle}) on the Sentinel corpus, in one run.
 *
 * <p>The oracle is measured as a whole process over all queries, minus the same process over one
 * query (its start-up and library load), so both sides count only per-query work. Each oracle run is
 * repeated and the median/min reported, as a node process is noisy on a shared machine. Both sides
 * run on one thread. kqlhunt is warmed up first and then timed over several passes; the median and
 * the best pass are reported, as the oracle's JIT (V8) is also warm by the end of its pass over the
 * corpus. The verdict ratio uses the medians.
 *
 * <p>Run: {@code ./bench frontend [passes] [oracleRuns]} from the repository root (docs/BENCHMARKS.md).
 */
public final class FrontEndBenchmark {
  private FrontEndBenchmark() {}

  public static void main(String[] args) throws Exception {
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    int oracleRuns = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path shared = Corpus.shared();
    Path queriesFile = shared.resolve("corpus/sentinel/QUERIES.jsonl");
    List<Corpus.Query> queries = Corpus.readQueries(queriesFile);
    Path oracle = shared.resolve("tools/kusto-oracle/oracle");
    Path schema = shared.resolve("tools/kusto-oracle/device-schema.json");
    long chars = 0;
    for (Corpus.Query q : queries) chars += q.text().length();

    System.out.printf("machine: %s%n", Machine.describe());
    System.out.printf("queries: %d (%d chars) from %s%n", queries.size(), chars, queriesFile);
    System.out.printf("load before: %s%n", Machine.loadAverage());
    Timings ours = timeKqlhunt(queries, passes);
    System.out.printf("load after kqlhunt: %s%n", Machine.loadAverage());
    Timings theirs = timeOracle(oracle, schema, queriesFile, oracleRuns);
    System.out.printf("load after oracle: %s%n", Machine.loadAverage());

    int n = queries.size();
    System.out.printf("official parser (parse + bind, net of start-up): median %8.3f s  min %8.3f s  %8.0f queries/s (median)%n",
        theirs.median(), theirs.min(), n / theirs.median());
    System.out.printf("kqlhunt         (parse + bind):                  median %8.3f s  min %8.3f s  %8.0f queries/s (median)%n",
        ours.median(), ours.min(), n / ours.median());
    System.out.printf("ratio: kqlhunt throughput = %.1fx the official parser's (medians; %.1fx by mins); target >= 10x%n",
        theirs.median() / ours.median(), theirs.min() / ours.min());
  }

  /** Timings in seconds of several runs of the same work. */
  record Timings(double median, double min) {
    static Timings of(List<Double> seconds) {
      List<Double> s = new ArrayList<>(seconds);
      s.sort(null);
      return new Timings(s.get(s.size() / 2), s.get(0));
    }
  }

  /** {@code passes} timed passes over the corpus after as many warm-up passes. */
  static Timings timeKqlhunt(List<Corpus.Query> queries, int passes) {
    Binder binder = new Binder(SchemaRegistry.builtIn());
    long sink = 0;
    for (int i = 0; i < passes; i++) sink += onePass(queries, binder);
    List<Double> seconds = new ArrayList<>();
    for (int i = 0; i < passes; i++) {
      long t0 = System.nanoTime();
      sink += onePass(queries, binder);
      seconds.add((System.nanoTime() - t0) / 1e9);
    }
    // Printing the sink keeps the JIT from proving the work dead.
    System.out.printf("kqlhunt diagnostics over all passes: %d%n", sink);
    return Timings.of(seconds);
  }

  private static long onePass(List<Corpus.Query> queries, Binder binder) {
    long diagnostics = 0;
    for (Corpus.Query q : queries) {
      ParseResult parsed = Parser.parse(SourceText.of(q.id(), q.text()));
      diagnostics += parsed.diagnostics().size();
      diagnostics += binder.bind(parsed).diagnostics().size();
    }
    return diagnostics;
  }

  /** Seconds the oracle spends on the queries beyond its start-up: full run minus a one-query run. */
  static Timings timeOracle(Path oracle, Path schema, Path queriesFile, int runs) throws Exception {
    Path one = Files.createTempFile("kqlhunt-one-query", ".jsonl");
    try {
      Files.writeString(one, Files.readAllLines(queriesFile, StandardCharsets.UTF_8).get(0) + "\n");
      runOracle(oracle, schema, one); // installs the pinned npm package on first use, warms the disk cache
      List<Double> net = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        double startup = runOracle(oracle, schema, one);
        double full = runOracle(oracle, schema, queriesFile);
        System.out.printf("oracle run %d: full %.3f s, one-query %.3f s%n", i + 1, full, startup);
        net.add(Math.max(1e-9, full - startup));
      }
      return Timings.of(net);
    } finally {
      Files.deleteIfExists(one);
    }
  }

  private static double runOracle(Path oracle, Path schema, Path input) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(oracle.toString(), "--schema", schema.toString());
    pb.redirectInput(input.toFile());
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    long t0 = System.nanoTime();
    Process p = pb.start();
    try (InputStream out = p.getInputStream()) {
      out.transferTo(OutputStream.nullOutputStream());
    }
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException("oracle failed: exit " + (p.isAlive() ? "timeout" : p.exitValue()));
    }
    return (System.nanoTime() - t0) / 1e9;
  }
}
