package dev.kqlhunt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.ingest.ReadOptions;
import dev.kqlhunt.ingest.ReaderRegistry;
import dev.kqlhunt.sample.BackgroundTelemetry;
import dev.kqlhunt.sample.JsonLinesRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store of generated DeviceProcessEvents rows is at most 20% of their JSON lines. */
class StoreSizeTest {
  private static final int ROWS = 50_000;

  @TempDir Path tmp;

  @Test
  void storeIsAtMostAFifthOfTheJson() throws IOException {
    BackgroundTelemetry telemetry = new BackgroundTelemetry(42, 200);
    Instant from = Instant.parse("2026-11-20T00:00:00Z");
    Instant to = Instant.parse("2026-11-27T00:00:00Z");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < ROWS; i++) JsonLinesRows.appendLine(telemetry.launch(i, ROWS, from, to), sb);
    Path json = tmp.resolve("in/DeviceProcessEvents.jsonl");
    Files.createDirectories(json.getParent());
    Files.writeString(json, sb);
    Path store = tmp.resolve("store");
    IngestReport r = StoreIngest.run(store, List.of(json),
        new StoreIngest.Options(ReadOptions.defaults(StoreFixtures.defender()), false, -1),
        ReaderRegistry.withDefaults(), null);
    assertEquals(ROWS, r.records().stored(), r.records().toString());
    long segmentBytes = Store.open(store).manifest().segments().stream().mapToLong(SegmentMeta::bytes).sum();
    long jsonBytes = Files.size(json);
    double ratio = (double) segmentBytes / jsonBytes;
    System.out.printf("StoreSizeTest: %d rows, JSON %d bytes, segments %d bytes, ratio %.3f, %.2f s%n",
        ROWS, jsonBytes, segmentBytes, ratio, r.seconds());
    assertTrue(ratio <= 0.20, "store/JSON ratio " + ratio);
  }
}
