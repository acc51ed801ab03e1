package dev.kqlhunt.bench;

import dev.kqlhunt.exec.DataSource;
import dev.kqlhunt.exec.ExecOptions;
import dev.kqlhunt.exec.QueryResult;
import dev.kqlhunt.exec.QueryRunner;
import dev.kqlhunt.exec.Table;
import dev.kqlhunt.exec.TableBuilder;
import dev.kqlhunt.pack.CompiledPack;
import dev.kqlhunt.pack.NetworkEvents;
import dev.kqlhunt.pack.PackQuery;
import dev.kqlhunt.pack.PackResult;
import dev.kqlhunt.pack.PackRunner;
import dev.kqlhunt.rmm.Confidence;
import dev.kqlhunt.rmm.GeneratedRule;
import dev.kqlhunt.rmm.Indicator;
import dev.kqlhunt.rmm.RmmCatalog;
import dev.kqlhunt.rmm.RmmCorrelationRules;
import dev.kqlhunt.rmm.RmmRuleGenerator;
import dev.kqlhunt.rmm.RmmRuleKind;
import dev.kqlhunt.rmm.RmmSamples;
import dev.kqlhunt.rmm.RmmTool;
import dev.kqlhunt.sample.BackgroundTelemetry;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.symbols.TableSchema;
import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.value.DateTimes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TimeZone;

/**
 * The RMM pack benchmark (issue 6): every rule of the pack (kept and generated per-tool rules plus
 * the two correlation rules) run shared by {@link PackRunner} over {@code processRows} generated
 * DeviceProcessEvents and {@code networkRows} generated DeviceNetworkEvents, against the seed rule
 * alone over the same process rows, in the same run; DuckDB running the seed for reference.
 *
 * <p>Data: the engine benchmark's rows ({@link EngineData}: same background, same seed plants at the
 * same positions), with RMM true positives and near misses ({@link RmmSamples}) of every process
 * indicator of the catalog (Remote Desktop Plus's left out, so that the seed's result is unchanged)
 * replacing one background row in {@link #PLANT_EVERY}; {@link NetworkEvents} with every domain
 * indicator's pair planted the same way. DeviceFileEvents, DeviceRegistryEvents, DeviceEvents and
 * DeviceFileCertificateInfo are present and empty (no generator for them yet).
 *
 * <p>Before timing, every rule's shared result is compared with its result alone (rows in order);
 * the one-by-one run is timed once. Then {@code iterations} timed rounds (after two warm-ups), each
 * running the seed alone (parse, bind, plan, execute, as the engine benchmark does), the whole pack
 * shared (already compiled: the compile time is reported apart) and the seed's SQL in DuckDB.
 *
 * <p>Run: {@code ./bench pack [processRows] [networkRows] [iterations] [duckdbThreads]}.
 */
public final class PackBenchmark {
  static final int PLANT_EVERY = 500;

  private PackBenchmark() {}

  public static void main(String[] args) throws Exception {
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    int processRows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int networkRows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    int duckThreads = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    Path dataDir = Path.of(System.getProperty("kqlhunt.benchData", System.getProperty("java.io.tmpdir") + "/kqlhunt-bench"));
    Files.createDirectories(dataDir);
    Path jsonl = dataDir.resolve("DeviceProcessEvents-" + processRows + "-" + EngineData.SEED + ".jsonl");
    EngineQueries.Query seed = EngineQueries.load(Corpus.shared().resolve("corpus/sentinel/QUERIES.jsonl")).get(0);
    ExecOptions options = ExecOptions.at(DateTimes.fromUnixMillis(EngineData.NOW.toEpochMilli()));

    System.out.printf("machine: %s%n", Machine.describe());
    System.out.printf("load at start: %s%n", Machine.loadAverage());
    RmmCatalog catalog = RmmCatalog.load();
    long t0 = System.nanoTime();
    // Quick mode (-Dkqlhunt.bench.quick=true): no DuckDB, no one-by-one check; for profiling the pack.
    boolean quick = Boolean.getBoolean("kqlhunt.bench.quick");
    if (!quick) EngineData.generate(processRows, jsonl, false); // DuckDB's input; kept from earlier runs
    Table processes = processTable(catalog, processRows);
    Table network = networkTable(catalog, networkRows);
    System.out.printf("data: %,d DeviceProcessEvents rows (%,d RMM plants), %,d DeviceNetworkEvents rows (%,d RMM plants),"
        + " %,d distinct RemoteUrl; generated in %.1f s%n", processes.rowCount(),
        Boolean.parseBoolean(System.getProperty("kqlhunt.bench.processPlants", "true")) ? processRows / PLANT_EVERY : 0, network.rowCount(),
        networkRows / PLANT_EVERY, distinct(network, "RemoteUrl"), (System.nanoTime() - t0) / 1e9);
    Map<String, Table> tables = new HashMap<>();
    for (TableSchema s : SchemaRegistry.builtIn().tables()) tables.put(s.name(), Table.empty(s.columns()));
    tables.put("DeviceProcessEvents", processes);
    tables.put("DeviceNetworkEvents", network);
    DataSource data = DataSource.of(tables);

    List<PackQuery> queries = pack(catalog, options);
    PackRunner runner = new PackRunner(SchemaRegistry.builtIn());
    t0 = System.nanoTime();
    CompiledPack pack = runner.compile(queries);
    double compileMs = (System.nanoTime() - t0) / 1e6;
    System.out.printf("pack: %d rules (%d shared, alone: %s); compiled in %.0f ms%n", pack.size(), pack.sharedCount(),
        pack.aloneIds(), compileMs);
    if (quick) {
      quick(runner, pack, data, seed, options, iterations);
      return;
    }
    double aloneMs = checkSameAsAlone(runner, pack, queries, data);

    try (DuckDbSide duck = new DuckDbSide(duckThreads)) {
      t0 = System.nanoTime();
      duck.load(EngineData.schema(), jsonl);
      System.out.printf("DuckDB: read_json into table dpe: %.1f s, threads=%d%n", (System.nanoTime() - t0) / 1e9, duck.threads());
      QueryRunner seedRunner = new QueryRunner(SchemaRegistry.builtIn(), data);
      SourceText seedText = SourceText.of("seed", seed.kql());
      QueryResult seedResult = seedRunner.run(seedText, options);
      System.out.printf("seed: kqlhunt %d rows, DuckDB %d rows, same rows: %s%n", seedResult.table().rowCount(),
          duck.query(seed.sql()).rows().size(),
          KqlhuntSide.canonical(seedResult.table()).difference(duck.query(seed.sql()), false) == null ? "yes" : "NO");
      List<Double> seedMs = new ArrayList<>();
      List<Double> packMs = new ArrayList<>();
      List<Double> coldMs = new ArrayList<>();
      List<Double> duckMs = new ArrayList<>();
      PackResult last = null;
      for (int i = 0; i < 2 + iterations; i++) {
        long t = System.nanoTime();
        seedRunner.run(seedText, options);
        double s = (System.nanoTime() - t) / 1e6;
        t = System.nanoTime();
        runner.run(pack, data, false);
        double c = (System.nanoTime() - t) / 1e6;
        t = System.nanoTime();
        last = runner.run(pack, data);
        double p = (System.nanoTime() - t) / 1e6;
        t = System.nanoTime();
        duck.count(seed.sql());
        double d = (System.nanoTime() - t) / 1e6;
        if (i >= 2) {
          seedMs.add(s);
          packMs.add(p);
          coldMs.add(c);
          duckMs.add(d);
        }
      }
      System.out.printf("load at end: %s%n", Machine.loadAverage());
      System.out.printf("last pack run: %s%n", last.stats());
      double[] s = medianMin(seedMs);
      double[] p = medianMin(packMs);
      double[] c = medianMin(coldMs);
      double[] d = medianMin(duckMs);
      System.out.println();
      System.out.println("| what | median / min (ms) | vs seed alone (medians) |");
      System.out.println("|---|---:|---:|");
      System.out.printf("| seed alone (kqlhunt, parse to result) | %.1f / %.1f | 1.0x |%n", s[0], s[1]);
      System.out.printf("| whole pack shared, cold: conditions evaluated on every dictionary (%d rules; compiled once: %.0f ms)"
          + " | %.1f / %.1f | **%.1fx** (target <= 5x) |%n", pack.size(), compileMs, c[0], c[1], c[0] / s[0]);
      System.out.printf("| whole pack shared, warm: verdicts per dictionary kept from the previous run | %.1f / %.1f | **%.1fx** |%n",
          p[0], p[1], p[0] / s[0]);
      System.out.printf("| whole pack one by one (prepared, once) | %.0f | %.0fx |%n", aloneMs, aloneMs / s[0]);
      System.out.printf("| seed in DuckDB (threads=%d), reference | %.1f / %.1f | %.1fx |%n", duck.threads(), d[0], d[1], d[0] / s[0]);
    }
  }

  private static void quick(PackRunner runner, CompiledPack pack, DataSource data, EngineQueries.Query seed, ExecOptions options,
      int iterations) {
    QueryRunner seedRunner = new QueryRunner(SchemaRegistry.builtIn(), data);
    for (int i = 0; i < 2 + iterations; i++) {
      long t = System.nanoTime();
      seedRunner.run(SourceText.of("seed", seed.kql()), options);
      double s = (System.nanoTime() - t) / 1e6;
      t = System.nanoTime();
      PackResult cold = runner.run(pack, data, false);
      double c = (System.nanoTime() - t) / 1e6;
      t = System.nanoTime();
      PackResult r = runner.run(pack, data);
      double p = (System.nanoTime() - t) / 1e6;
      System.out.printf("seed %.1f ms, pack cold %.1f ms, warm %.1f ms; cold %s%n", s, c, p, cold.stats());
      if (i == 1 + iterations) {
        r.candidates().entrySet().stream().sorted((a, b) -> Integer.compare(b.getValue(), a.getValue())).limit(15)
            .forEach(e -> System.out.println("  candidates " + e.getValue() + ": " + e.getKey()));
      }
    }
  }

  /** The pack's rules at the benchmark's reference time. */
  static List<PackQuery> pack(RmmCatalog catalog, ExecOptions options) {
    List<PackQuery> out = new ArrayList<>();
    for (GeneratedRule r : new RmmRuleGenerator().generate(catalog)) {
      out.add(new PackQuery(r.id(), SourceText.of(r.fileName(), r.query()), options));
    }
    for (RmmCorrelationRules.CorrelationRule r : new RmmCorrelationRules(Confidence.MEDIUM).generate(catalog)) {
      out.add(new PackQuery(r.id(), SourceText.of(r.fileName(), r.query()), options));
    }
    return out;
  }

  /** Runs every rule alone once (prepared) and checks the shared results equal; returns the alone time. */
  private static double checkSameAsAlone(PackRunner runner, CompiledPack pack, List<PackQuery> queries, DataSource data) {
    PackResult shared = runner.run(pack, data);
    QueryRunner alone = new QueryRunner(SchemaRegistry.builtIn(), data);
    List<QueryRunner.Prepared> prepared = new ArrayList<>();
    for (PackQuery q : queries) prepared.add(alone.prepare(q.source()));
    long t = System.nanoTime();
    List<QueryResult> results = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) results.add(alone.run(prepared.get(i), queries.get(i).options()));
    double ms = (System.nanoTime() - t) / 1e6;
    int firing = 0;
    int differ = 0;
    for (int i = 0; i < queries.size(); i++) {
      QueryResult a = results.get(i);
      QueryResult b = shared.results().get(queries.get(i).id());
      if (!a.ok() || !b.ok() || !KqlhuntSide.canonical(a.table()).equals(KqlhuntSide.canonical(b.table()))
          || !a.diagnostics().equals(b.diagnostics())) {
        differ++;
        System.out.println("DIFFERENT: " + queries.get(i).source().name());
      }
      if (a.ok() && a.table().rowCount() > 0) firing++;
    }
    System.out.printf("shared vs one by one: %d rules, %d fire, %d differ (rows in order, diagnostics); one by one took %.0f ms%n",
        queries.size(), firing, differ, ms);
    return ms;
  }

  /** The engine benchmark's rows, with RMM process plants replacing one background row in {@link #PLANT_EVERY}. */
  static Table processTable(RmmCatalog catalog, int rows) {
    // -Dkqlhunt.bench.processPlants=false: the engine benchmark's rows exactly (only the seed's plants).
    List<Map<String, String>> plants = Boolean.parseBoolean(System.getProperty("kqlhunt.bench.processPlants", "true"))
        ? plants(catalog, RmmRuleKind.PROCESS_NAME, RmmRuleKind.PROCESS_VERSION_INFO) : List.of();
    TableBuilder table = new TableBuilder(EngineData.schema().columns(), rows);
    BackgroundTelemetry background = new BackgroundTelemetry(EngineData.SEED, EngineData.DEVICES);
    SplittableRandom plantRandom = new SplittableRandom(EngineData.SEED ^ 0x5eed);
    int planted = 0;
    for (int i = 0; i < rows; i++) {
      // The same calls in the same order as EngineData.generate, so background and seed plants are identical.
      Map<String, Object> row = background.launch(i, rows, EngineData.FROM, EngineData.NOW);
      if (i % EngineData.PLANT_EVERY == EngineData.PLANT_EVERY / 2) {
        EngineData.Plant[] kinds = EngineData.Plant.values();
        row = kinds[(i / EngineData.PLANT_EVERY) % kinds.length].row(background, plantRandom, row);
      } else if (i % PLANT_EVERY == PLANT_EVERY / 2 && !plants.isEmpty()) {
        row = new HashMap<>(row);
        row.putAll(plants.get(planted++ % plants.size()));
      }
      table.addRow(row);
    }
    return table.build();
  }

  /** {@code rows} generated connections with the domain plants replacing one row in {@link #PLANT_EVERY}. */
  static Table networkTable(RmmCatalog catalog, int rows) {
    List<Map<String, String>> plants = plants(catalog, RmmRuleKind.NETWORK);
    TableSchema schema = SchemaRegistry.builtIn().table("DeviceNetworkEvents");
    TableBuilder table = new TableBuilder(schema.columns(), rows);
    NetworkEvents events = new NetworkEvents(EngineData.SEED, EngineData.DEVICES);
    Instant from = EngineData.NOW.minus(Duration.ofDays(8));
    int planted = 0;
    for (int i = 0; i < rows; i++) {
      Map<String, Object> row = events.connection(i, rows, from, EngineData.NOW);
      if (i % PLANT_EVERY == PLANT_EVERY / 2) row.putAll(plants.get(planted++ % plants.size()));
      table.addRow(row);
    }
    return table.build();
  }

  /** True positive and near miss events of every indicator feeding {@code kinds}, Remote Desktop Plus's left out. */
  private static List<Map<String, String>> plants(RmmCatalog catalog, RmmRuleKind... kinds) {
    List<Map<String, String>> out = new ArrayList<>();
    for (RmmTool tool : catalog.tools()) {
      if (tool.id().equals("remote-desktop-plus")) continue;
      for (Indicator i : tool.indicators()) {
        if (!List.of(kinds).contains(i.kind().ruleKind())) continue;
        RmmSamples.Sample s = RmmSamples.of(i);
        out.add(s.hit());
        out.add(s.nearMiss());
      }
    }
    return out;
  }

  private static int distinct(Table t, String column) {
    return ((dev.kqlhunt.exec.vector.StringVector) t.vector(t.indexOf(column))).dictionary().size();
  }

  private static double[] medianMin(List<Double> values) {
    List<Double> s = new ArrayList<>(values);
    s.sort(null);
    return new double[] {s.get(s.size() / 2), s.get(0)};
  }
}
