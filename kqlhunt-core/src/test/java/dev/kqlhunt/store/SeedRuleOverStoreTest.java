package dev.kqlhunt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.exec.ExecOptions;
import dev.kqlhunt.exec.QueryResult;
import dev.kqlhunt.exec.QueryRunner;
import dev.kqlhunt.exec.Table;
import dev.kqlhunt.ingest.ReadOptions;
import dev.kqlhunt.ingest.ReaderRegistry;
import dev.kqlhunt.sample.BackgroundTelemetry;
import dev.kqlhunt.sample.JsonLinesRows;
import dev.kqlhunt.sample.ProcessEventFactory;
import dev.kqlhunt.sample.ProcessImage;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.text.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed rule's query, read from ../shared/seed as written, runs over an ingested store and finds
 * exactly the Remote Desktop Plus launches planted among generated background telemetry. Fails when
 * ../shared is missing.
 */
@Tag("conformance")
class SeedRuleOverStoreTest {
  private static final Path SHARED = Path.of(System.getProperty("kqlhunt.shared", "/work/main/../shared"));

  @TempDir Path tmp;

  private static String seedQuery() throws IOException {
    Path seed = SHARED.resolve("seed/000_7829d90fd3bb3c52.txt");
    assertTrue(Files.exists(seed), "missing " + seed + " (set -Dkqlhunt.shared)");
    String text = Files.readString(seed);
    int start = text.indexOf("KQL Query\n") + "KQL Query\n".length();
    int end = text.indexOf("\nid:", start);
    return text.substring(start, end);
  }

  @Test
  void seedRuleFindsThePlantedLaunchesInTheStore() throws IOException {
    int rows = 5000;
    Instant now = Instant.parse("2026-11-28T00:00:00Z");
    Instant from = now.minusSeconds(10 * 86_400);
    BackgroundTelemetry telemetry = new BackgroundTelemetry(7, 50);
    ProcessEventFactory.Device target = telemetry.devices().get(3);
    StringBuilder sb = new StringBuilder();
    int planted = 0;
    for (int i = 0; i < rows; i++) {
      JsonLinesRows.appendLine(telemetry.launch(i, rows, from, now), sb);
      if (i % 500 == 0) {
        // Ten launches spread over ten days: the rule's five-day window keeps the recent half.
        Instant t = from.plusSeconds(86_400L * (i / 500) + 3600);
        JsonLinesRows.appendLine(telemetry.factory().row(new ProcessEventFactory.Launch(target, t,
            ProcessImage.REMOTE_DESKTOP_PLUS, ProcessImage.COMMON.get(0), "rdp.exe /v:srv", "explorer.exe",
            "contoso", "alice")), sb);
        if (t.isAfter(now.minusSeconds(5 * 86_400))) planted++;
      }
    }
    Path json = tmp.resolve("in/DeviceProcessEvents.jsonl");
    Files.createDirectories(json.getParent());
    Files.writeString(json, sb);
    Path dir = tmp.resolve("store");
    IngestReport report = StoreIngest.run(dir, List.of(json),
        new StoreIngest.Options(ReadOptions.defaults(StoreFixtures.defender()), false, -1),
        ReaderRegistry.withDefaults(), null);
    assertEquals(rows + 10, report.records().stored(), report.records().toString());

    QueryRunner runner = new QueryRunner(SchemaRegistry.builtIn(), new StoreTables(Store.open(dir)));
    QueryResult result = runner.run(SourceText.of("seed.kql", seedQuery()),
        ExecOptions.at(StoredTypes.ticks(now)));
    assertTrue(result.ok(), result.diagnostics().toString());
    Table t = result.table();
    assertEquals(1, t.rowCount());
    assertEquals(target.name(), t.get(0, t.indexOf("DeviceName")));
    assertEquals((long) planted, ((Number) t.get(0, t.indexOf("Count"))).longValue());
    assertEquals(5, planted);
  }
}
