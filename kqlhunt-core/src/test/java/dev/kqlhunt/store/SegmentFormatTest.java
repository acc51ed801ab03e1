package dev.kqlhunt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.exec.QueryResult;
import dev.kqlhunt.exec.QueryRunner;
import dev.kqlhunt.exec.Table;
import dev.kqlhunt.exec.ExecOptions;
import dev.kqlhunt.ingest.RecordOrigin;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.text.SourceText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segment format 2: version 1 files are still read with the same values, a newer version is refused
 * with a clear message, postings answer a selective condition, late-materialised columns read (and
 * check) only the chunks of their surviving rows, and damage is found in the chunks that are read.
 */
class SegmentFormatTest {
  private static final RecordOrigin ORIGIN = new RecordOrigin("t", 1, 0, 0);
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final ExecOptions AT = ExecOptions.at(StoredTypes.ticks(T0.plusSeconds(2 * 86_400)));
  private static final int ROWS = 40_000;

  @TempDir Path dir;

  private static List<ColumnBuffer> columns(Random random, int rows) throws StoredTypes.Mismatch {
    ColumnBuffer s = ColumnBuffer.create("S", ScalarType.STRING);
    ColumnBuffer wide = ColumnBuffer.create("Wide", ScalarType.STRING);
    ColumnBuffer l = ColumnBuffer.create("L", ScalarType.LONG);
    ColumnBuffer d = ColumnBuffer.create("D", ScalarType.REAL);
    ColumnBuffer b = ColumnBuffer.create("B", ScalarType.BOOL);
    for (int r = 0; r < rows; r++) {
      s.append("v" + random.nextInt(20));
      wide.append("w" + random.nextInt(rows));
      if (random.nextInt(9) == 0) l.appendNull(); else l.append((long) random.nextInt(1 << 20) - 5);
      d.append(random.nextDouble());
      b.append(random.nextBoolean());
    }
    return List.of(s, wide, l, d, b);
  }

  private SegmentMeta write(String file, int version, long seed) throws IOException, StoredTypes.Mismatch {
    long[] r = SegmentFile.write(dir.resolve(file), columns(new Random(seed), 10_000), 10_000, version);
    return new SegmentMeta("T", file, "p", 10_000, r[1], r[0], Long.MIN_VALUE, Long.MIN_VALUE);
  }

  @Test
  void versionOneSegmentsAreStillReadWithTheSameValues() throws Exception {
    long seed = System.nanoTime();
    System.out.println("SegmentFormatTest seed=" + seed);
    SegmentMeta v1 = write("v1.seg", 1, seed);
    SegmentMeta v2 = write("v2.seg", 2, seed);
    assertEquals("KQHSEGv1", new String(Files.readAllBytes(dir.resolve("v1.seg")), 0, 8, "US-ASCII"));
    assertEquals("KQHSEGv2", new String(Files.readAllBytes(dir.resolve("v2.seg")), 0, 8, "US-ASCII"));
    try (SegmentReader a = SegmentReader.open(dir, v1); SegmentReader b = SegmentReader.open(dir, v2)) {
      a.verify();
      b.verify();
      assertFalse(a.footer().blocks().get(a.footer().indexOf("S"))[3].present(), "version 1 has no postings");
      assertTrue(b.footer().blocks().get(b.footer().indexOf("S"))[3].present(), "small dictionary: postings");
      assertFalse(b.footer().blocks().get(b.footer().indexOf("Wide"))[3].present(), "large dictionary: none");
      for (ColumnStats c : a.columns()) {
        Table ta = new Table(List.of(new ColumnSymbol(c.name(), c.type())), List.of(a.load(c.name(), c.type())), a.rows());
        Table tb = new Table(List.of(new ColumnSymbol(c.name(), c.type())), List.of(b.load(c.name(), c.type())), b.rows());
        for (int r = 0; r < a.rows(); r++) assertEquals(ta.get(r, 0), tb.get(r, 0), c.name() + " row " + r);
      }
    }
  }

  @Test
  void aNewerSegmentVersionIsRefusedWithAClearMessage() throws Exception {
    SegmentMeta v2 = write("v2.seg", 2, 1);
    Path file = dir.resolve("v2.seg");
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer trailer = ByteBuffer.wrap(bytes, bytes.length - 16, 8).order(ByteOrder.LITTLE_ENDIAN);
    int footerLength = trailer.getInt(bytes.length - 16);
    int footerAt = bytes.length - 16 - footerLength;
    assertEquals(2, bytes[footerAt], "the footer starts with its version");
    bytes[footerAt] = 3;
    CRC32 crc = new CRC32();
    crc.update(bytes, footerAt, footerLength);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length - 12, (int) crc.getValue());
    Files.write(file, bytes);
    SegmentMeta patched = new SegmentMeta("T", v2.file(), "p", v2.rows(), v2.bytes(), crc.getValue(), Long.MIN_VALUE,
        Long.MIN_VALUE);
    CorruptStoreException e = assertThrows(CorruptStoreException.class, () -> SegmentReader.open(dir, patched));
    assertTrue(e.getMessage().contains("version 3 is not supported"), e.getMessage());
  }

  /** One day, one segment: FileName rare.exe at two far-apart rows, common values elsewhere. */
  private int[] writeStore() throws IOException {
    int[] rare = {1_234, ROWS - 77};
    try (StoreWriter w = StoreWriter.open(dir, StoreFixtures.defender())) {
      for (int i = 0; i < ROWS; i++) {
        String file = i == rare[0] || i == rare[1] ? "rare.exe" : "common" + (i % 7) + ".exe";
        w.accept("DeviceProcessEvents", StoreFixtures.processRow(T0.plusSeconds(i), "pc-" + (i % 50), file,
            "cmd " + i, i), ORIGIN);
      }
      w.commit(List.of());
    }
    return rare;
  }

  private static QueryResult run(StoreTables tables, String kql) {
    return new QueryRunner(SchemaRegistry.builtIn(), tables).run(SourceText.of("q", kql), AT);
  }

  private static final String RARE = "DeviceProcessEvents | where FileName == 'rare.exe' | project ProcessId, ProcessCommandLine";

  @Test
  void postingsAnswerASelectiveConditionAndLateColumnsReadOnlyTheirChunks() throws IOException {
    writeStore();
    Store store = Store.open(dir);
    StoreTables tables = new StoreTables(store, 0);
    QueryResult r = run(tables, RARE + " | order by ProcessId asc");
    assertTrue(r.ok(), r.diagnostics().toString());
    assertEquals(2, r.table().rowCount());
    assertEquals(1234L, r.table().get(0, 0));
    assertEquals("cmd " + (ROWS - 77), r.table().get(1, 1));
    ReadStats stats = tables.readStats();
    assertEquals(1, stats.blocks("FileName", "postings"), stats.toString());
    SegmentMeta segment = store.segments("DeviceProcessEvents").get(0);
    try (SegmentReader reader = store.open(segment)) {
      SegmentFile.Footer f = reader.footer();
      int fileName = f.indexOf("FileName");
      int cmd = f.indexOf("ProcessCommandLine");
      // The FileName codes are read only at the two rows (plus the width byte), not the whole block.
      assertTrue(stats.bytes("FileName", "data") <= 3L * SegmentFile.CHUNK_BYTES, stats.toString());
      assertTrue(f.blocks().get(fileName)[2].length() > 3 * SegmentFile.CHUNK_BYTES);
      assertTrue(stats.bytes("ProcessCommandLine", "data") <= 3L * SegmentFile.CHUNK_BYTES, stats.toString());
      assertTrue(f.blocks().get(cmd)[2].length() > 10 * SegmentFile.CHUNK_BYTES);
      assertTrue(stats.bytes("FileName", "postings") <= 2L * SegmentFile.CHUNK_BYTES, stats.toString());
    }
    // A condition most rows meet scans the codes, not the postings, with the same results as in memory.
    QueryResult common = run(new StoreTables(store, 0), "DeviceProcessEvents | where FileName != 'rare.exe' | count");
    assertEquals((long) ROWS - 2, common.table().get(0, 0));
  }

  @Test
  void damageIsFoundInTheChunksThatAreReadAndOnlyThere() throws IOException {
    int[] rare = writeStore();
    Store store = Store.open(dir);
    SegmentMeta segment = store.segments("DeviceProcessEvents").get(0);
    long offset;
    try (SegmentReader reader = store.open(segment)) {
      SegmentFile.BlockRef ref = reader.footer().blocks().get(reader.footer().indexOf("ProcessCommandLine"))[2];
      try (FileChannel ch = FileChannel.open(dir.resolve(segment.file()), StandardOpenOption.READ)) {
        ByteBuffer width = ByteBuffer.allocate(1);
        ch.read(width, ref.offset());
        long bit = (long) rare[1] * (width.get(0) & 0xFF);
        offset = ref.offset() + 1 + bit / 8; // the byte holding the last rare row's code
      }
    }
    try (FileChannel ch = FileChannel.open(dir.resolve(segment.file()), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, offset);
      b.put(0, (byte) (b.get(0) ^ 0x21));
      ch.write(b.flip(), offset);
    }
    QueryResult damaged = run(new StoreTables(Store.open(dir), 0), RARE);
    assertFalse(damaged.ok());
    assertTrue(damaged.diagnostics().toString().contains("checksum"), damaged.diagnostics().toString());
    // Rows whose command-line codes lie in other chunks are still served.
    QueryResult other = run(new StoreTables(Store.open(dir), 0),
        "DeviceProcessEvents | where Timestamp < datetime(2026-11-01T00:08:00Z) and FileName == 'common3.exe'"
            + " | summarize count(), max(ProcessCommandLine)");
    assertTrue(other.ok(), other.diagnostics().toString());
    assertTrue((long) other.table().get(0, 0) > 0);
  }
}
