package dev.kqlhunt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.exec.DataSource;
import dev.kqlhunt.exec.ExecOptions;
import dev.kqlhunt.exec.QueryResult;
import dev.kqlhunt.exec.QueryRunner;
import dev.kqlhunt.exec.ScanRequest;
import dev.kqlhunt.exec.Table;
import dev.kqlhunt.ingest.RecordOrigin;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.text.SourceText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StoreTables#scan}: results over the store with pushdown equal the same query over the whole
 * table without pushdown; dictionaries skip segments without reading codes; unrequested columns are
 * not read; the cache makes a repeated query read nothing; damage still surfaces as an error.
 */
class StoreScanTest {
  private static final RecordOrigin ORIGIN = new RecordOrigin("t", 1, 0, 0);
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final String[] DEVICES = {"pc-1", "PC-2", "srv.contoso.com", "laptop 4", "", "Ünïcode-5"};
  private static final String[] FILES = {"cmd.exe", "powershell.exe", "PowerShell.EXE", "rdp.exe", "myrdp.exe",
      "rdp.exe.mui", "notepad.exe", "a b.exe", "x"};
  private static final String[] WORDS = {"whoami", "-enc", "AAA", "net", "stop", "www.donkz.nl", "xwww.donkz.nl",
      "/c", "Remote Desktop Plus", "Remote  Desktop Plus", "C:\\Windows\\System32", "ÄÖÜ", "\"quoted\""};
  private static final ExecOptions AT = ExecOptions.at(StoredTypes.ticks(T0.plusSeconds(6 * 86_400)));

  @TempDir Path dir;
  private long seed;
  private Random random;

  @BeforeEach
  void seed() {
    seed = Long.getLong("kqlhunt.seed", System.nanoTime());
    System.out.println("StoreScanTest seed=" + seed + " (replay with -Dkqlhunt.seed=" + seed + ")");
    random = new Random(seed);
  }

  /** 3 commits over 6 days (several segments per day), nulls in ProcessId, a column only the last commit has. */
  private void writeStore(int rowsPerCommit) throws IOException {
    try (StoreWriter w = StoreWriter.open(dir, StoreFixtures.defender())) {
      int id = 0;
      for (int commit = 0; commit < 3; commit++) {
        for (int i = 0; i < rowsPerCommit; i++, id++) {
          Instant t = T0.plusSeconds(random.nextInt(6 * 86_400));
          StringBuilder cmd = new StringBuilder();
          for (int k = random.nextInt(4); k >= 0; k--) cmd.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
          cmd.append(id % 3 == 0 ? "id" + id : ""); // many distinct command lines
          Map<String, Object> row = StoreFixtures.processRow(t, DEVICES[random.nextInt(DEVICES.length)],
              FILES[random.nextInt(FILES.length)], cmd.toString().trim(), id);
          if (random.nextInt(7) == 0) row.remove("ProcessId");
          if (commit == 2) row.put("ExtraTag", "tag" + random.nextInt(3));
          w.accept("DeviceProcessEvents", row, ORIGIN);
        }
        w.commit(List.of());
      }
    }
  }

  private static QueryResult run(DataSource data, String kql) {
    return new QueryRunner(SchemaRegistry.builtIn(), data).run(SourceText.of("q", kql), AT);
  }

  /** Rows as sorted text lines, so unordered results compare as multisets. */
  private static List<String> rows(Table t) {
    List<String> out = new ArrayList<>();
    for (int r = 0; r < t.rowCount(); r++) {
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < t.columns().size(); c++) sb.append(t.columns().get(c).name()).append('=').append(t.get(r, c)).append('|');
      out.add(sb.toString());
    }
    out.sort(null);
    return out;
  }

  private String needle(String[] from) {
    String s = from[random.nextInt(from.length)];
    if (random.nextBoolean()) s = s.toUpperCase(java.util.Locale.ROOT);
    if (random.nextInt(4) == 0 && s.length() > 2) s = s.substring(1, s.length() - 1);
    return s.replace("\\", "\\\\").replace("'", "\\'");
  }

  private String randomPredicate() {
    String[] ops = {"has", "!has", "has_cs", "hasprefix", "hassuffix", "contains", "!contains", "contains_cs",
        "startswith", "endswith", "==", "!=", "=~", "!~", "matches regex"};
    return switch (random.nextInt(8)) {
      case 0, 1 -> "FileName " + ops[random.nextInt(ops.length)] + " '" + needle(FILES) + "'";
      case 2 -> "ProcessCommandLine " + ops[random.nextInt(ops.length - 1)] + " '" + needle(WORDS) + "'";
      case 3 -> "DeviceName in~ ('" + needle(DEVICES) + "', '" + needle(DEVICES) + "')";
      case 4 -> "FileName " + (random.nextBoolean() ? "in" : "!in") + " ('" + needle(FILES) + "', 'cmd.exe')";
      case 5 -> "ProcessCommandLine has_any ('" + needle(WORDS) + "', '" + needle(WORDS) + "')";
      case 6 -> "Timestamp " + (random.nextBoolean() ? "between (ago(" + random.nextInt(7) + "d) .. ago("
          + random.nextInt(3) + "d))" : (random.nextBoolean() ? "> " : "<= ") + "ago(" + random.nextInt(7) + "d)");
      default -> "(FileName has '" + needle(FILES) + "' or not(FileName startswith '" + needle(FILES) + "'))";
    };
  }

  @Test
  void resultsWithPushdownEqualResultsOverTheWholeTable() throws IOException {
    writeStore(700);
    // Every scan on both cores, whatever its size: results must not depend on the threads.
    StoreTables tables = new StoreTables(Store.open(dir), 64 << 20, 0);
    Table whole = new StoreTables(Store.open(dir), 0).table("DeviceProcessEvents");
    assertEquals(2100, whole.rowCount());
    // The reference source hands out the whole table and ignores every request.
    DataSource reference = DataSource.of(Map.of("DeviceProcessEvents", whole));
    String[] tails = {"", " | summarize n=count(), ids=make_set(ProcessId) by DeviceName",
        " | project Timestamp, FileName, ProcessId, ExtraTag", " | where ProcessId > 100 | count"};
    int nonEmpty = 0;
    for (int q = 0; q < 150; q++) {
      StringBuilder kql = new StringBuilder("DeviceProcessEvents");
      for (int k = 1 + random.nextInt(3); k > 0; k--) kql.append(" | where ").append(randomPredicate());
      if (random.nextBoolean()) kql.append(" and ").append(randomPredicate());
      kql.append(tails[random.nextInt(tails.length)]);
      QueryResult expected = run(reference, kql.toString());
      QueryResult actual = run(tables, kql.toString());
      assertEquals(expected.ok(), actual.ok(), kql + " seed=" + seed + " " + actual.diagnostics());
      if (!expected.ok()) continue;
      assertEquals(rows(expected.table()), rows(actual.table()), kql + " seed=" + seed);
      if (expected.table().rowCount() > 0) nonEmpty++;
    }
    assertTrue(nonEmpty > 30, "too few queries with rows to compare: " + nonEmpty);
  }

  @Test
  void aSegmentWhoseDictionaryCannotMatchIsSkippedWithoutReadingItsCodes() throws IOException {
    writeStore(300);
    // One more day where, alone, a rare file name occurs.
    try (StoreWriter w = StoreWriter.open(dir, StoreFixtures.defender())) {
      w.accept("DeviceProcessEvents", StoreFixtures.processRow(T0.plusSeconds(8 * 86_400), "pc-9", "rare.exe", "x", 1), ORIGIN);
      w.accept("DeviceProcessEvents", StoreFixtures.processRow(T0.plusSeconds(8 * 86_400 + 5), "pc-9", "other.exe", "y", 2), ORIGIN);
      w.commit(List.of());
    }
    Store store = Store.open(dir);
    int segments = store.segments("DeviceProcessEvents").size();
    StoreTables tables = new StoreTables(store);
    QueryResult r = run(tables, "DeviceProcessEvents | where FileName =~ 'RARE.exe' | project DeviceName, ProcessId");
    assertTrue(r.ok(), r.diagnostics().toString());
    assertEquals(List.of("DeviceName=pc-9|ProcessId=1|"), rows(r.table()));
    ReadStats stats = tables.readStats();
    assertEquals(segments, stats.blocks("FileName", "dictionary"), stats.toString());
    assertEquals(1, stats.blocks("FileName", "data"), "codes of the one segment that can match: " + stats);
    assertEquals(1, stats.blocks("DeviceName", "data"), stats.toString());
    assertEquals(0, stats.blocks("ProcessCommandLine"), stats.toString());
  }

  @Test
  void onlyTheRequestedColumnsOfTheSurvivingRowsAreRead() throws IOException {
    writeStore(400);
    Store store = Store.open(dir);
    StoreTables tables = new StoreTables(store);
    long to = StoredTypes.ticks(T0.plusSeconds(2 * 86_400));
    ScanRequest request = new ScanRequest("DeviceProcessEvents", Set.of("DeviceName", "ProcessId"),
        List.of(new ScanRequest.Range("Timestamp", Long.MIN_VALUE, to)),
        List.of(new ScanRequest.StringCondition("FileName", v -> v.equals("rdp.exe"))));
    Table t = tables.scan(request);
    assertEquals(List.of("DeviceName", "ProcessId"), t.columns().stream().map(c -> c.name()).toList());
    Table whole = new StoreTables(store, 0).table("DeviceProcessEvents");
    int expected = 0;
    for (int r = 0; r < whole.rowCount(); r++) {
      long ts = (Long) whole.get(r, whole.indexOf("Timestamp"));
      if (ts <= to && "rdp.exe".equals(whole.get(r, whole.indexOf("FileName")))) expected++;
    }
    assertTrue(expected > 0);
    assertEquals(expected, t.rowCount());
    ReadStats stats = tables.readStats();
    for (String unread : new String[] {"ProcessCommandLine", "ExtraTag", "SHA256", "AccountName"}) {
      assertEquals(0, stats.blocks(unread), unread + ": " + stats);
    }
    // Days after the range are pruned by the manifest: never opened.
    assertTrue(stats.segmentsOpened() < store.segments("DeviceProcessEvents").size(), stats.toString());
  }

  @Test
  void aRepeatedQueryIsAnsweredFromTheCache() throws IOException {
    writeStore(300);
    StoreTables tables = new StoreTables(Store.open(dir));
    String kql = "DeviceProcessEvents | where Timestamp > ago(3d) | where FileName has 'rdp' | summarize count() by DeviceName";
    QueryResult first = run(tables, kql);
    long bytes = tables.readStats().bytes();
    long opened = tables.readStats().segmentsOpened();
    assertTrue(bytes > 0 && tables.cachedBytes() > 0);
    QueryResult second = run(tables, kql);
    assertEquals(rows(first.table()), rows(second.table()));
    assertEquals(bytes, tables.readStats().bytes(), "no block read again");
    assertEquals(opened, tables.readStats().segmentsOpened(), "no file opened again");
    // Without a cache every query reads again.
    StoreTables uncached = new StoreTables(Store.open(dir), 0);
    run(uncached, kql);
    long once = uncached.readStats().bytes();
    run(uncached, kql);
    assertEquals(2 * once, uncached.readStats().bytes());
  }

  @Test
  void aDamagedBlockIsAnErrorNotData() throws IOException {
    writeStore(200);
    Store store = Store.open(dir);
    SegmentMeta victim = store.segments("DeviceProcessEvents").get(0);
    long offset;
    try (SegmentReader r = store.open(victim)) {
      SegmentFile.BlockRef ref = r.footer().blocks().get(r.footer().indexOf("FileName"))[2];
      offset = ref.offset() + ref.length() / 2;
    }
    try (FileChannel ch = FileChannel.open(dir.resolve(victim.file()), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, offset);
      b.put(0, (byte) (b.get(0) ^ 0x5A));
      ch.write(b.flip(), offset);
    }
    // Match something in every segment so the damaged codes must be read.
    String all = "DeviceProcessEvents | where FileName != 'no such file' | count";
    QueryResult r = run(new StoreTables(Store.open(dir)), all);
    assertFalse(r.ok());
    assertTrue(r.diagnostics().toString().contains("checksum"), r.diagnostics().toString());
    QueryResult parallel = run(new StoreTables(Store.open(dir), 0, 0), all);
    assertFalse(parallel.ok());
    assertTrue(parallel.diagnostics().toString().contains("checksum"), parallel.diagnostics().toString());
    // A query that reads no damaged block still runs.
    QueryResult other = run(new StoreTables(Store.open(dir)), "DeviceProcessEvents | where DeviceName == 'pc-1' | count");
    assertTrue(other.ok(), other.diagnostics().toString());
  }

  @Test
  void aLargeDictionaryIsTestedOnlyForTheRowsTheSmallerConditionsKeep() throws IOException {
    int rows = SegmentScan.SMALL_DICTIONARY + 2000;
    try (StoreWriter w = StoreWriter.open(dir, StoreFixtures.defender())) {
      for (int i = 0; i < rows; i++) {
        w.accept("DeviceProcessEvents", StoreFixtures.processRow(T0.plusSeconds(i), "pc-" + (i % 5),
            i % 1000 == 7 ? "rdp.exe" : "other.exe", "cmd /c job " + i + (i % 2 == 0 ? " even" : ""), i), ORIGIN);
      }
      w.commit(List.of());
    }
    StoreTables tables = new StoreTables(Store.open(dir));
    int[] tested = new int[1];
    ScanRequest request = new ScanRequest("DeviceProcessEvents", Set.of("ProcessId"), List.of(), List.of(
        new ScanRequest.StringCondition("ProcessCommandLine", v -> {
          tested[0]++;
          return v.endsWith("even");
        }),
        new ScanRequest.StringCondition("FileName", "rdp.exe"::equals)));
    Table t = tables.scan(request);
    List<Long> ids = new ArrayList<>();
    for (int r = 0; r < t.rowCount(); r++) ids.add((Long) t.get(r, 0));
    List<Long> expected = new ArrayList<>();
    for (long i = 7; i < rows; i += 1000) if (i % 2 == 0) expected.add(i);
    assertEquals(expected, ids);
    assertEquals(rows / 1000 + 1, tested[0], "one test per distinct command line of the surviving rows");

    QueryResult r = run(tables, "DeviceProcessEvents | where ProcessCommandLine has 'even' and FileName == 'rdp.exe' | count");
    assertTrue(r.ok(), r.diagnostics().toString());
    assertEquals((long) expected.size(), ((Number) r.table().get(0, 0)).longValue());
  }
}
