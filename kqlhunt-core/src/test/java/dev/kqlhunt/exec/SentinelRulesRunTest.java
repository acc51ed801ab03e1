package dev.kqlhunt.exec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.binder.BindResult;
import dev.kqlhunt.binder.Binder;
import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.json.Json;
import dev.kqlhunt.sample.BackgroundTelemetry;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.symbols.TableSchema;
import dev.kqlhunt.syntax.ParseResult;
import dev.kqlhunt.syntax.Parser;
import dev.kqlhunt.text.SourceText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs every real Sentinel rule of {@code ../shared/corpus/sentinel/QUERIES.jsonl} that binds against
 * the built-in Defender schemas, over generated DeviceProcessEvents rows (other tables empty), and
 * reports how many execute without an execution error, by error. Asserts a floor.
 */
@Tag("conformance")
class SentinelRulesRunTest {
  private static final double FLOOR = 0.995; // 451/451 with externaldata read as empty

  @Test
  void realRulesExecute() throws Exception {
    Path shared = Path.of(System.getProperty("kqlhunt.shared", "/work/main/../shared"));
    Path file = shared.resolve("corpus/sentinel/QUERIES.jsonl");
    assertTrue(Files.exists(file), "missing " + file);
    SchemaRegistry registry = SchemaRegistry.builtIn();
    Map<String, Table> tables = new HashMap<>();
    for (TableSchema s : registry.tables()) tables.put(s.name(), new TableBuilder(s.columns(), 0).build());
    TableSchema dpe = registry.table("DeviceProcessEvents");
    BackgroundTelemetry bg = new BackgroundTelemetry(7, 10);
    TableBuilder b = new TableBuilder(dpe.columns(), 500);
    Instant now = Instant.parse("2024-03-10T12:00:00Z");
    for (int i = 0; i < 500; i++) b.addRow(bg.launch(i, 500, now.minusSeconds(86_400 * 3), now));
    tables.put("DeviceProcessEvents", b.build());
    QueryRunner runner = new QueryRunner(registry, DataSource.of(tables));
    int bound = 0, ran = 0, noData = 0;
    Map<String, Integer> errors = new TreeMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) continue;
      @SuppressWarnings("unchecked") Map<String, Object> rec = (Map<String, Object>) Json.parse(line);
      SourceText src = SourceText.of((String) rec.get("id"), (String) rec.get("query"));
      ParseResult parsed = Parser.parse(src);
      BindResult bind = new Binder(registry).bind(parsed);
      if (parsed.hasErrors() || bind.hasErrors() || bind.query().tabular() == null) continue;
      bound++;
      // This machine is offline: externaldata URLs read as empty content, so such rules run (with no rows).
      ExecOptions options = ExecOptions.at(DATE_NOW).withMaxMemory(512L << 20).withExternalData(ExternalDataResolver.EMPTY);
      QueryResult r = runner.execute(bind.query(), src, options, List.of());
      if (r.ok()) {
        ran++;
      } else if (r.diagnostics().stream().anyMatch(d -> d.code() == ExecError.UNKNOWN_TABLE)) {
        // A table outside the built-in schemas has no data here: not the executor's failure.
        noData++;
      } else {
        for (Diagnostic d : r.diagnostics()) if (d.isError()) errors.merge(d.code().id() + " " + d.message(), 1, Integer::sum);
      }
    }
    double rate = (double) ran / (bound - noData);
    System.out.printf(Locale.ROOT, "sentinel rules: %d/%d bound rules with data executed (%.1f%%); %d read tables without data%n",
        ran, bound - noData, 100 * rate, noData);
    errors.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(25)
        .forEach(e -> System.out.printf(Locale.ROOT, "%5d %s%n", e.getValue(), e.getKey()));
    assertTrue(rate >= FLOOR, "execution rate " + rate + " below " + FLOOR);
  }

  private static final long DATE_NOW = dev.kqlhunt.value.DateTimes.of(2024, 3, 10, 12, 0, 0, 0);
}
