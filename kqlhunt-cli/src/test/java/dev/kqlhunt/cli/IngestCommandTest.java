package dev.kqlhunt.cli;

import dev.kqlhunt.cli.CliRun.Run;
import static dev.kqlhunt.cli.CliRun.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kqlhunt ingest}, run in-process through {@link Main#run} with stdout/stderr captured. */
class IngestCommandTest {

  @TempDir Path tmp;

  private Path jsonl(String table, int rows, String... bad) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      sb.append("{\"Timestamp\":\"2026-11-0").append(1 + i % 2).append("T08:00:00Z\",\"DeviceName\":\"pc")
          .append(i % 4).append("\",\"ProcessId\":").append(i).append("}\n");
    }
    for (String b : bad) sb.append(b).append('\n');
    Path p = tmp.resolve("data").resolve(table + ".jsonl");
    Files.createDirectories(p.getParent());
    Files.writeString(p, sb.toString());
    return p;
  }

  @Test
  void ingestsPrintsSummaryAndSkipsDuplicates() throws IOException {
    Path file = jsonl("DeviceProcessEvents", 50, "{broken");
    Path store = tmp.resolve("store");
    Run r = run("ingest", "--store", store.toString(), file.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("files: 1 ingested, 0 skipped"), r.out());
    assertTrue(r.out().contains("records: 51 read, 50 stored, 1 rejected, 0 skipped"), r.out());
    assertTrue(r.out().contains("  DeviceProcessEvents: 50"), r.out());
    assertTrue(r.out().contains("rejects, skips and warnings: 1 file(s) in " + store.resolve("rejects")), r.out());
    assertEquals("", r.err(), "no progress without a terminal");
    assertEquals(50, Store.open(store).rowCount("DeviceProcessEvents"));

    Run again = run("ingest", "--store", store.toString(), tmp.resolve("data").toString());
    assertEquals(0, again.exit());
    assertTrue(again.out().contains("files: 0 ingested, 1 skipped"), again.out());
    Run forced = run("ingest", "--store", store.toString(), "--force", file.toString());
    assertTrue(forced.out().contains("files: 1 ingested"), forced.out());
    assertEquals(100, Store.open(store).rowCount("DeviceProcessEvents"));
  }

  @Test
  void tableOptionNamesTheTargetTable() throws IOException {
    Path file = jsonl("events", 5);
    Path store = tmp.resolve("store");
    Run r = run("ingest", "--store", store.toString(), "--table", "DeviceNetworkEvents", "--format", "jsonl",
        file.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(5, Store.open(store).rowCount("DeviceNetworkEvents"));
  }

  @Test
  void tooManyRejectsExits65() throws IOException {
    Path file = jsonl("DeviceProcessEvents", 5, "{a", "{b");
    Run r = run("ingest", "--store", tmp.resolve("store").toString(), "--max-rejects", "1", file.toString());
    assertEquals(65, r.exit());
    assertTrue(r.err().contains("more than 1 rejected records"), r.err());
  }

  @Test
  void usageErrors() {
    assertEquals(2, run("ingest", "--store", tmp.resolve("s").toString(), tmp.resolve("missing").toString()).exit());
    assertEquals(2, run("ingest", "--store", tmp.toString(), "--format", "nope", tmp.toString()).exit());
    // A missing --store is a picocli usage error; Main's exception mapper decides its exit code.
    assertTrue(run("ingest", tmp.toString()).err().contains("--store"));
  }
}
