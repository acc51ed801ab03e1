package dev.kqlhunt.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.exec.DataSource;
import dev.kqlhunt.exec.ExecOptions;
import dev.kqlhunt.exec.QueryResult;
import dev.kqlhunt.exec.QueryRunner;
import dev.kqlhunt.exec.Table;
import dev.kqlhunt.exec.TableBuilder;
import dev.kqlhunt.rmm.GeneratedRule;
import dev.kqlhunt.rmm.Indicator;
import dev.kqlhunt.rmm.RmmCatalog;
import dev.kqlhunt.rmm.RmmCorrelationRules;
import dev.kqlhunt.rmm.RmmRuleGenerator;
import dev.kqlhunt.rmm.RmmSamples;
import dev.kqlhunt.rmm.RmmTool;
import dev.kqlhunt.sample.BackgroundTelemetry;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.symbols.TableSchema;
import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.value.DateTimes;
import dev.kqlhunt.value.DynamicJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole RMM pack (every kept and generated rule, and the correlation rules) run shared gives every
 * rule exactly the result it gives alone, over background process and network telemetry with a true
 * positive and a near miss ({@link RmmSamples}) of every indicator of every tool planted in it, the
 * file, registry, service and signer events in their tables. A true positive planted in the table of
 * a rule's kind is placed over a background row, so it shares devices and dictionaries with it.
 */
class RmmPackSharedTest {
  static final SchemaRegistry SCHEMAS = SchemaRegistry.builtIn();
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  static final ExecOptions OPTIONS = ExecOptions.at(DateTimes.fromUnixMillis(NOW.toEpochMilli()));

  @Test
  void everyRuleOfThePackGetsItsResultAlone() {
    RmmCatalog catalog = RmmCatalog.load();
    List<PackQuery> queries = new ArrayList<>();
    for (GeneratedRule r : new RmmRuleGenerator().generate(catalog)) {
      queries.add(new PackQuery(r.id(), SourceText.of(r.fileName(), r.query()), OPTIONS));
    }
    for (RmmCorrelationRules.CorrelationRule r : new RmmCorrelationRules(dev.kqlhunt.rmm.Confidence.MEDIUM).generate(catalog)) {
      queries.add(new PackQuery(r.id(), SourceText.of(r.fileName(), r.query()), OPTIONS));
    }
    DataSource data = data(catalog, 4_000, 4_000);
    PackRunner runner = new PackRunner(SCHEMAS);
    long t0 = System.nanoTime();
    CompiledPack pack = runner.compile(queries);
    long t1 = System.nanoTime();
    PackResult shared = runner.run(pack, data, false);
    long t2 = System.nanoTime();
    PackResult warm = runner.run(pack, data); // verdicts per dictionary reused from a first run
    warm = runner.run(pack, data);
    QueryRunner alone = new QueryRunner(SCHEMAS, data);
    int firing = 0;
    for (PackQuery q : queries) {
      QueryResult expected = alone.run(q.source(), q.options());
      assertTrue(expected.ok(), q.source().name() + " " + expected.diagnostics());
      Results.assertSameResult(expected, shared.results().get(q.id()), q.source().name());
      Results.assertSameResult(expected, warm.results().get(q.id()), q.source().name() + " (warm)");
      if (expected.table().rowCount() > 0) firing++;
    }
    long t3 = System.nanoTime();
    System.out.printf("RMM pack shared vs alone: %d rules (%d shared), %d fire; compile %d ms, shared run %d ms, alone %d ms; %s%n",
        queries.size(), pack.sharedCount(), firing, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
        shared.stats());
    assertEquals(queries.size(), shared.results().size());
    // The catalog is edited elsewhere (duplicates merged, entries split): only the order of magnitude is fixed here.
    assertTrue(queries.size() >= 500, "rules " + queries.size());
    // Most rules fire on their planted true positives; the rest of their work is routed away.
    assertTrue(firing >= queries.size() * 3 / 4, "firing " + firing);
    assertTrue(pack.sharedCount() >= queries.size() - 5, "alone: " + pack.aloneIds());
    assertTrue(shared.stats().rulesWhole() <= 10, shared.stats().toString());
  }

  /** Background telemetry alone (no plant) fires no rule of the pack: the generators hold no RMM tool. */
  @Test
  void backgroundTelemetryFiresNoRule() {
    RmmCatalog catalog = RmmCatalog.load();
    List<PackQuery> queries = new ArrayList<>();
    for (GeneratedRule r : new RmmRuleGenerator().generate(catalog)) {
      queries.add(new PackQuery(r.id(), SourceText.of(r.fileName(), r.query()), OPTIONS));
    }
    DataSource data = data(null, 3_000, 3_000);
    PackRunner runner = new PackRunner(SCHEMAS);
    PackResult r = runner.run(runner.compile(queries), data);
    List<String> fired = new ArrayList<>();
    r.results().forEach((id, result) -> {
      if (!result.ok() || result.table().rowCount() > 0) fired.add(id);
    });
    assertEquals(List.of(), fired);
    assertTrue(r.stats().rulesSkipped() > queries.size() / 2, r.stats().toString());
  }

  /**
   * {@code process} background launches and {@code network} background connections over the eight
   * days before {@link #NOW}, plus a true positive and a near miss of every indicator of the catalog
   * one hour before it, each over a fresh background row of its table (none when {@code catalog} is null).
   */
  static DataSource data(RmmCatalog catalog, int process, int network) {
    Instant from = NOW.minus(Duration.ofDays(8));
    BackgroundTelemetry background = new BackgroundTelemetry(7, 50);
    NetworkEvents connections = new NetworkEvents(7, 50);
    Map<String, TableBuilder> tables = new LinkedHashMap<>();
    for (TableSchema s : SCHEMAS.tables()) tables.put(s.name(), new TableBuilder(s.columns(), 64));
    for (int i = 0; i < process; i++) tables.get("DeviceProcessEvents").addRow(background.launch(i, process, from, NOW));
    for (int i = 0; i < network; i++) tables.get("DeviceNetworkEvents").addRow(connections.connection(i, network, from, NOW));
    long report = 10_000_000;
    for (RmmTool tool : catalog == null ? List.<RmmTool>of() : catalog.tools()) {
      for (Indicator indicator : tool.indicators()) {
        String table = indicator.kind().ruleKind().table();
        RmmSamples.Sample sample = RmmSamples.of(indicator);
        for (Map<String, String> event : List.of(sample.hit(), sample.nearMiss())) {
          Map<String, Object> row = switch (table) {
            case "DeviceProcessEvents" -> background.launch(0, 1, NOW.minus(Duration.ofHours(1)), NOW);
            case "DeviceNetworkEvents" -> connections.connection(0, 1, NOW.minus(Duration.ofHours(1)), NOW);
            default -> new HashMap<>(Map.of("DeviceId", "dev-" + (report % 50), "DeviceName", "host-" + (report % 50)));
          };
          row.put("Timestamp", NOW.minus(Duration.ofMinutes(30 + report % 600)));
          row.put("ReportId", report++);
          row.putAll(event);
          if (row.get("AdditionalFields") instanceof String json) row.put("AdditionalFields", DynamicJson.parse(json));
          tables.get(table).addRow(row);
        }
      }
    }
    Map<String, Table> built = new HashMap<>();
    tables.forEach((name, b) -> built.put(name, b.build()));
    return DataSource.of(built);
  }
}
