package dev.kqlhunt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.exec.ResultWriter;
import dev.kqlhunt.ingest.FormatReader;
import dev.kqlhunt.ingest.InputFormat;
import dev.kqlhunt.ingest.JsonLinesReader;
import dev.kqlhunt.ingest.ReadOptions;
import dev.kqlhunt.ingest.ReaderRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast JSON-lines path of {@link StoreIngest} (one thread, and the file split between two) must
 * leave exactly what the general path leaves: counts, reject logs line for line (codes, lines,
 * offsets, indexes, raw text), and the stored rows.
 */
class ParallelIngestTest {
  @TempDir Path tmp;

  /** The general path only: a JSON-lines reader the fast path does not recognise. */
  private static ReaderRegistry generalOnly() {
    FormatReader plain = new JsonLinesReader();
    return ReaderRegistry.withDefaults().register(InputFormat.JSON_LINES, plain::read);
  }

  private IngestReport ingest(Path store, Path file, ReaderRegistry readers, long parallelMinBytes, long maxRejects)
      throws IOException {
    ReadOptions read = ReadOptions.defaults(StoreFixtures.defender());
    return StoreIngest.run(store, List.of(file), new StoreIngest.Options(read, false, maxRejects), readers, null,
        parallelMinBytes);
  }

  private static String row(Random rnd, int i) {
    String day = "2026-11-0" + (1 + i * 3 / 1000 % 3);
    String cmd = rnd.nextInt(5) == 0 ? "cmd.exe /c \\\"echo " + i + "\\\" \\u00e9" : "svchost.exe -k netsvcs";
    return "{\"Timestamp\":\"" + day + "T10:00:" + String.format("%02d", i % 60) + "." + (i % 1000) + "Z\","
        + "\"DeviceName\":\"pc" + rnd.nextInt(20) + "\",\"FileName\":\"f" + (i % 7) + ".exe\","
        + "\"ProcessCommandLine\":\"" + cmd + "\",\"ProcessId\":" + i + ",\"AccountSid\":null}";
  }

  /** Rows with odd lines sprinkled over both halves. */
  private Path input(long seed, int rows) throws IOException {
    Random rnd = new Random(seed);
    String[] odd = {
      "{not json", "", "   ", "[1,2]", "{\"Timestamp\":\"2026-11-01T10:00:00Z\",\"ProcessId\":\"twelve\"}",
      "{\"Timestamp\":\"2026-11-02T10:00:00Z\",\"FileName\":\"x.exe\",\"Unexpected\":\"extra\"}",
      "{\"Timestamp\":\"2026-11-02T10:00:00+02:00\",\"FileName\":\"offset.exe\"}",
      "{\"category\":\"AdvancedHunting-DeviceFileEvents\",\"time\":\"2026-11-03T00:00:00Z\",\"properties\":{\"FileName\":\"y\"}}",
      "{\"records\":[{\"FileName\":\"a\"},{\"FileName\":\"b\"},7]}",
      "{\"category\":\"AdvancedHunting-Nope\",\"properties\":{}}",
      "{\"Timestamp\":\"2026-11-01T10:00:00Z\",\"ProcessId\":1.5}",
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    for (int i = 0; i < rows; i++) {
      String line = rnd.nextInt(25) == 0 ? odd[rnd.nextInt(odd.length)] : row(rnd, i);
      out.write(line.getBytes(StandardCharsets.UTF_8));
      if (rnd.nextInt(200) == 0) out.write(new byte[] {'\r'});
      out.write('\n');
      if (rnd.nextInt(300) == 0) {
        out.write("{\"FileName\":\"bad ".getBytes(StandardCharsets.UTF_8));
        out.write(new byte[] {(byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
      }
    }
    out.write("{\"FileName\":\"cut".getBytes(StandardCharsets.UTF_8)); // the last line is truncated
    Path p = tmp.resolve("in").resolve("DeviceProcessEvents.jsonl");
    Files.createDirectories(p.getParent());
    Files.write(p, out.toByteArray());
    return p;
  }

  @Test
  void fastAndParallelIngestLeaveWhatTheGeneralPathLeaves() throws IOException {
    long seed = System.nanoTime();
    System.out.println("ParallelIngestTest seed " + seed);
    Path file = input(seed, 6000);
    IngestReport general = ingest(tmp.resolve("general"), file, generalOnly(), Long.MAX_VALUE, -1);
    IngestReport fast = ingest(tmp.resolve("fast"), file, ReaderRegistry.withDefaults(), Long.MAX_VALUE, -1);
    IngestReport parallel = ingest(tmp.resolve("parallel"), file, ReaderRegistry.withDefaults(), 1, -1);
    assertNull(general.failure());
    assertTrue(general.records().rejected() > 0, "the fixture has rejects");
    assertTrue(general.records().reconciles());
    for (String name : List.of("fast", "parallel")) {
      IngestReport r = name.equals("fast") ? fast : parallel;
      String what = "seed " + seed + ", " + name;
      assertEquals(general.records(), r.records(), what);
      assertEquals(general.coercedValues(), r.coercedValues(), what);
      assertEquals(rejectLog(general), rejectLog(r), what);
      for (String table : List.of("DeviceProcessEvents", "DeviceFileEvents")) {
        assertEquals(rows(tmp.resolve("general"), table), rows(tmp.resolve(name), table), what + " " + table);
      }
      assertEquals(Store.open(tmp.resolve("general")).columns("DeviceProcessEvents"),
          Store.open(tmp.resolve(name)).columns("DeviceProcessEvents"), what);
    }
  }

  @Test
  void rejectsOfTheSecondHalfCountTowardsTheLimit() throws IOException {
    long seed = System.nanoTime();
    System.out.println("ParallelIngestTest limit seed " + seed);
    Path file = input(seed, 4000);
    IngestReport general = ingest(tmp.resolve("general"), file, generalOnly(), Long.MAX_VALUE, -1);
    long limit = general.records().rejected() - 1; // the last reject (in the second half) exceeds it
    IngestReport g = ingest(tmp.resolve("g2"), file, generalOnly(), Long.MAX_VALUE, limit);
    IngestReport p = ingest(tmp.resolve("p2"), file, ReaderRegistry.withDefaults(), 1, limit);
    assertNotNull(p.failure(), "seed " + seed);
    assertEquals(g.failure(), p.failure(), "seed " + seed);
    assertEquals(g.records(), p.records(), "seed " + seed);
    assertEquals(rejectLog(g), rejectLog(p), "seed " + seed);
    assertEquals(0, Store.open(tmp.resolve("p2")).rowCount("DeviceProcessEvents"));
    try (var s = Files.walk(tmp.resolve("p2").resolve("segments"))) {
      assertEquals(0, s.filter(Files::isRegularFile).count(), "rolled-back segments are deleted");
    }
  }

  @Test
  void aBrokenSecondHalfIsReadAgainInOrder() throws IOException {
    // More events than the side keeps: the second half is abandoned and read sequentially.
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      sb.append("{\"Timestamp\":\"2026-11-01T10:00:00Z\",\"ProcessId\":").append(i).append("}\n");
    }
    for (int i = 0; i < ParallelJsonFile.MAX_SIDE_EVENTS * 3; i++) sb.append("x").append(i).append('\n');
    Path file = tmp.resolve("in").resolve("DeviceProcessEvents.jsonl");
    Files.createDirectories(file.getParent());
    Files.writeString(file, sb.toString());
    IngestReport g = ingest(tmp.resolve("g"), file, generalOnly(), Long.MAX_VALUE, -1);
    IngestReport p = ingest(tmp.resolve("p"), file, ReaderRegistry.withDefaults(), 1, -1);
    assertEquals(g.records(), p.records());
    assertEquals(200, p.records().stored());
    assertEquals(rejectLog(g), rejectLog(p));
    assertEquals(rows(tmp.resolve("g"), "DeviceProcessEvents"), rows(tmp.resolve("p"), "DeviceProcessEvents"));
  }

  /** The reject log's lines, without the run's time stamp. */
  private static List<String> rejectLog(IngestReport r) throws IOException {
    List<String> out = new ArrayList<>();
    for (Path p : r.rejectFiles()) out.addAll(Files.readAllLines(p));
    return out;
  }

  /** The stored rows as sorted CSV lines (segments may be split differently). */
  private static List<String> rows(Path store, String table) throws IOException {
    Store s = Store.open(store);
    if (!s.tables().contains(table)) return List.of();
    List<String> lines = new ArrayList<>(List.of(ResultWriter.csv(new StoreTables(s).table(table)).split("\n")));
    Collections.sort(lines);
    return lines;
  }
}
