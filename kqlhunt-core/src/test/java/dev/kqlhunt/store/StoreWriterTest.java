package dev.kqlhunt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.exec.vector.Batch;
import dev.kqlhunt.exec.vector.DynamicVector;
import dev.kqlhunt.exec.vector.LongVector;
import dev.kqlhunt.exec.vector.StringVector;
import dev.kqlhunt.ingest.RecordOrigin;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.DateTimes;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreWriterTest {
  private static final RecordOrigin ORIGIN = new RecordOrigin("t.jsonl", 1, 0, 0);
  private static final Instant DAY1 = Instant.parse("2026-11-27T10:00:00.1234567Z");
  private static final Instant DAY2 = Instant.parse("2026-11-28T23:59:59Z");

  @TempDir Path dir;

  private void writeTwoDays() throws IOException {
    try (StoreWriter w = StoreWriter.open(dir, StoreFixtures.defender())) {
      w.accept("DeviceProcessEvents", StoreFixtures.processRow(DAY1, "pc1", "cmd.exe", "cmd /c whoami", 10), ORIGIN);
      w.accept("DeviceProcessEvents", StoreFixtures.processRow(DAY2, "pc2", "powershell.exe", "powershell -enc AAA", 20), ORIGIN);
      w.accept("DeviceProcessEvents", StoreFixtures.processRow(DAY1.plusSeconds(60), "pc1", "cmd.exe", "", 30), ORIGIN);
      w.commit(List.of());
    }
  }

  @Test
  void rowsArePartitionedByDayAndReadBackExactly() throws IOException {
    writeTwoDays();
    Store store = Store.open(dir);
    assertEquals(List.of("DeviceProcessEvents"), List.copyOf(store.tables()));
    List<SegmentMeta> segs = store.segments("DeviceProcessEvents");
    assertEquals(2, segs.size());
    assertEquals(List.of("2026-11-27", "2026-11-28"), segs.stream().map(SegmentMeta::partition).sorted().toList());
    assertEquals(3, store.rowCount("DeviceProcessEvents"));
    assertEquals(List.of(), store.verify());

    SegmentMeta day1 = segs.stream().filter(s -> s.partition().equals("2026-11-27")).findFirst().orElseThrow();
    assertEquals(StoredTypes.ticks(DAY1), day1.minTime());
    assertEquals(StoredTypes.ticks(DAY1.plusSeconds(60)), day1.maxTime());
    List<ColumnSymbol> cols = List.of(
        new ColumnSymbol("Timestamp", ScalarType.DATETIME),
        new ColumnSymbol("FileName", ScalarType.STRING),
        new ColumnSymbol("ProcessId", ScalarType.LONG),
        new ColumnSymbol("AccountSid", ScalarType.STRING));
    try (SegmentReader r = store.open(day1)) {
      Batch b = r.load(cols);
      assertEquals(2, b.rowCount());
      LongVector ts = (LongVector) b.vector(0);
      assertEquals("2026-11-27T10:00:00.1234567Z", DateTimes.format(ts.get(0)));
      assertEquals("cmd.exe", ((StringVector) b.vector(1)).get(1));
      assertEquals(30, ((LongVector) b.vector(2)).get(1));
      assertEquals("", ((StringVector) b.vector(3)).get(0), "absent string is empty");
      assertEquals(1, r.stats("FileName").distinctCount());
      assertEquals(0, r.stats("ProcessId").nullCount());
      assertEquals(10, r.stats("ProcessId").min());
      assertEquals(30, r.stats("ProcessId").max());
      assertTrue(r.stats("InitiatingProcessId").nullCount() == 2, "absent long is null");
    }
  }

  @Test
  void prunesByTimeAndByDictionary() throws IOException {
    writeTwoDays();
    Store store = Store.open(dir);
    long from = StoredTypes.ticks(Instant.parse("2026-11-28T00:00:00Z"));
    List<SegmentMeta> late = store.segments("DeviceProcessEvents", from, Long.MAX_VALUE);
    assertEquals(1, late.size());
    assertEquals("2026-11-28", late.get(0).partition());
    assertEquals(0, store.segments("DeviceProcessEvents", 0, from - 1 - 2 * DateTimes.TICKS_PER_DAY).size());
    int kept = 0;
    for (SegmentMeta s : store.segments("DeviceProcessEvents")) {
      try (SegmentReader r = store.open(s)) {
        if (r.anyDictionaryEntry("FileName", v -> v.equalsIgnoreCase("POWERSHELL.EXE"))) kept++;
      }
    }
    assertEquals(1, kept);
  }

  @Test
  void extraColumnsAndDynamicValuesAreKept() throws IOException {
    try (StoreWriter w = StoreWriter.open(dir, StoreFixtures.defender())) {
      Map<String, Object> row = StoreFixtures.processRow(DAY1, "pc", "a.exe", "a", 1);
      row.put("MyBag", Map.of("k", List.of(1L, "x")));
      row.put("MyExtra", 42L);
      w.accept("DeviceProcessEvents", row, ORIGIN);
      Map<String, Object> second = StoreFixtures.processRow(DAY1, "pc", "b.exe", "b", 2);
      second.put("MyExtra", "not a number");
      w.accept("DeviceProcessEvents", second, ORIGIN);
      w.commit(List.of());
      assertEquals(1, w.coercedValues());
    }
    Store store = Store.open(dir);
    List<ColumnSymbol> cols = store.columns("DeviceProcessEvents");
    assertEquals(new ColumnSymbol("MyBag", ScalarType.DYNAMIC), cols.get(cols.size() - 2));
    assertEquals(new ColumnSymbol("MyExtra", ScalarType.LONG), cols.get(cols.size() - 1));
    try (SegmentReader r = store.open(store.segments("DeviceProcessEvents").get(0))) {
      DynamicVector d = (DynamicVector) r.load("MyBag", ScalarType.DYNAMIC);
      assertEquals("{\"k\":[1,\"x\"]}", dev.kqlhunt.value.DynamicJson.write(d.get(0)));
      assertTrue(d.isNull(1));
      LongVector extra = (LongVector) r.load("MyExtra", ScalarType.LONG);
      assertEquals(42, extra.get(0));
      assertTrue(extra.isNull(1));
    }
  }

  @Test
  void uncommittedRowsAreInvisibleAndLeftoversAreDeleted() throws IOException {
    writeTwoDays();
    Path orphan = dir.resolve("segments/DeviceProcessEvents/2026-11-27/99-0.seg");
    Files.writeString(orphan, "half a segment");
    try (StoreWriter w = StoreWriter.open(dir, StoreFixtures.defender())) {
      assertFalse(Files.exists(orphan), "a segment no manifest lists is deleted by the next writer");
      w.accept("DeviceProcessEvents", StoreFixtures.processRow(DAY1, "x", "y", "z", 1), ORIGIN);
      w.rollback();
      w.commit(List.of());
    }
    assertEquals(3, Store.open(dir).rowCount("DeviceProcessEvents"));
  }

  @Test
  void finishedDaysAreWrittenEarlyButStayInvisibleUntilCommit() throws IOException {
    int perDay = StoreWriter.IDLE_ROWS + 10_000;
    try (StoreWriter w = StoreWriter.open(dir, StoreFixtures.defender())) {
      for (int day = 0; day < 2; day++) {
        for (int i = 0; i < perDay; i++) {
          w.accept("DeviceProcessEvents",
              StoreFixtures.processRow(DAY1.plusSeconds(86_400L * day + i % 40_000), "pc", "f.exe", "c", i), ORIGIN);
        }
      }
      assertEquals(1, segmentFiles(), "day one is written while day two is read");
      assertEquals(0, Store.open(dir).segments("DeviceProcessEvents").size(), "but not yet visible");
      w.rollback();
      assertEquals(0, segmentFiles(), "rollback deletes it");
      for (int i = 0; i < perDay; i++) {
        w.accept("DeviceProcessEvents", StoreFixtures.processRow(DAY1, "pc", "f.exe", "c", i), ORIGIN);
      }
      w.commit(List.of());
    }
    Store store = Store.open(dir);
    assertEquals(perDay, store.rowCount("DeviceProcessEvents"));
    assertEquals(1, segmentFiles());
  }

  private long segmentFiles() throws IOException {
    try (var walk = Files.walk(dir.resolve("segments"))) {
      return walk.filter(p -> p.toString().endsWith(".seg")).count();
    }
  }

  @Test
  void oneWriterAtATime() throws IOException {
    try (StoreWriter w = StoreWriter.open(dir, StoreFixtures.defender())) {
      assertThrows(IOException.class, () -> StoreWriter.open(dir, StoreFixtures.defender()));
    }
  }

  @Test
  void damageIsDetected() throws IOException {
    writeTwoDays();
    Store store = Store.open(dir);
    SegmentMeta s = store.segments("DeviceProcessEvents").get(0);
    try (FileChannel ch = FileChannel.open(dir.resolve(s.file()), StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(new byte[] {(byte) 0xFF}), 20);
    }
    assertEquals(1, store.verify().size(), store.verify().toString());

    Path manifest = dir.resolve(Manifest.FILE);
    String text = Files.readString(manifest);
    Files.writeString(manifest, text.replace("\"rows\":2", "\"rows\":3"));
    assertThrows(CorruptStoreException.class, () -> Store.open(dir));
  }
}
