package dev.kqlhunt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.ingest.ReadOptions;
import dev.kqlhunt.ingest.ReaderRegistry;
import dev.kqlhunt.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreIngestTest {
  @TempDir Path tmp;

  private static String line(int i, String day) {
    return "{\"Timestamp\":\"" + day + "T10:00:" + String.format("%02d", i % 60) + "Z\",\"DeviceName\":\"pc"
        + (i % 3) + "\",\"FileName\":\"f" + (i % 5) + ".exe\",\"ProcessId\":" + i + "}\n";
  }

  private Path input(String name, int rows, String... bad) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < rows; i++) sb.append(line(i, i % 2 == 0 ? "2026-11-01" : "2026-11-02"));
    for (String b : bad) sb.append(b).append('\n');
    Path p = tmp.resolve("in").resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, sb.toString());
    return p;
  }

  private IngestReport ingest(Path store, boolean force, long maxRejects, Path... paths) throws IOException {
    ReadOptions read = ReadOptions.defaults(StoreFixtures.defender());
    return StoreIngest.run(store, List.of(paths), new StoreIngest.Options(read, force, maxRejects),
        ReaderRegistry.withDefaults(), null);
  }

  @Test
  void countsReconcileAndRejectsAreLogged() throws IOException {
    Path store = tmp.resolve("store");
    Path a = input("DeviceProcessEvents.jsonl", 100,
        "{\"Timestamp\":\"2026-11-01T10:00:00Z\",\"ProcessId\":\"twelve\"}", "{not json");
    IngestReport r = ingest(store, false, -1, a);
    assertNull(r.failure());
    assertEquals(1, r.files());
    assertEquals(102, r.records().read());
    assertEquals(100, r.records().stored());
    assertEquals(2, r.records().rejected());
    assertTrue(r.records().reconciles());
    assertEquals(Map.of("DeviceProcessEvents", 100L), r.records().storedByTable());
    assertEquals(100, Store.open(store).rowCount("DeviceProcessEvents"));

    assertEquals(1, r.rejectFiles().size());
    Path log = r.rejectFiles().get(0);
    assertTrue(log.startsWith(store.resolve("rejects")));
    assertTrue(log.getFileName().toString().endsWith("-DeviceProcessEvents.jsonl.jsonl"), log.toString());
    List<String> lines = Files.readAllLines(log);
    long rejects = lines.stream().filter(l -> l.contains("\"kind\":\"reject\"")).count();
    assertEquals(2, rejects);
    @SuppressWarnings("unchecked")
    Map<String, Object> first = (Map<String, Object>) Json.parse(
        lines.stream().filter(l -> l.contains("\"kind\":\"reject\"")).findFirst().orElseThrow());
    assertEquals(101L, first.get("line"));
    assertTrue(((String) first.get("raw")).contains("twelve"));
    assertTrue(((String) first.get("source")).endsWith("DeviceProcessEvents.jsonl"));
  }

  @Test
  void aFileIsIngestedOnceUnlessForced() throws IOException {
    Path store = tmp.resolve("store");
    Path a = input("DeviceProcessEvents.jsonl", 10);
    Path copy = tmp.resolve("other/DeviceProcessEvents.jsonl");
    Files.createDirectories(copy.getParent());
    Files.copy(a, copy);
    assertEquals(1, ingest(store, false, -1, a).files());
    IngestReport again = ingest(store, false, -1, a, copy);
    assertEquals(0, again.files());
    assertEquals(2, again.duplicateFiles(), "same bytes under another name are the same file");
    assertEquals(0, again.records().read());
    assertEquals(10, Store.open(store).rowCount("DeviceProcessEvents"));
    IngestReport forced = ingest(store, true, -1, a);
    assertEquals(1, forced.files());
    assertEquals(20, Store.open(store).rowCount("DeviceProcessEvents"));
  }

  @Test
  void tooManyRejectsStopsAndRollsBackTheOpenGroup() throws IOException {
    Path store = tmp.resolve("store");
    Path good = input("a/DeviceProcessEvents.jsonl", 10);
    Path bad = input("b/DeviceProcessEvents.jsonl", 10, "{x", "{y", "{z");
    IngestReport r = ingest(store, false, 2, tmp.resolve("in"));
    assertTrue(r.failed());
    assertEquals(0, r.files(), "both files were in the open group");
    assertEquals(0, r.records().read());
    assertEquals(0, Store.open(store).rowCount("DeviceProcessEvents"));
    assertFalse(r.rejectFiles().isEmpty());
    assertEquals(3, Files.readAllLines(r.rejectFiles().get(0)).size(), "the reject over the limit is logged");
    IngestReport again = ingest(store, false, 5, tmp.resolve("in"));
    assertFalse(again.failed());
    assertEquals(2, again.files());
    assertEquals(20, Store.open(store).rowCount("DeviceProcessEvents"));
    assertTrue(Files.exists(good) && Files.exists(bad));
  }

  @Test
  void smallFilesShareSegmentsAndSameContentInOneRunIsSkipped() throws IOException {
    Path store = tmp.resolve("store");
    input("a/DeviceProcessEvents.jsonl", 10);
    input("b/DeviceProcessEvents.jsonl", 10);
    input("c/DeviceProcessEvents.jsonl", 11);
    IngestReport r = ingest(store, false, -1, tmp.resolve("in"));
    assertEquals(2, r.files());
    assertEquals(1, r.duplicateFiles(), "b has the bytes of a");
    Store s = Store.open(store);
    assertEquals(21, s.rowCount("DeviceProcessEvents"));
    assertEquals(2, s.segments("DeviceProcessEvents").size(), "one segment per day, not per file");
    assertEquals(2, s.manifest().ledger().size());
  }
}
