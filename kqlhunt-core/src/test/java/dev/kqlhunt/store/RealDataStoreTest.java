package dev.kqlhunt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.exec.vector.StringVector;
import dev.kqlhunt.ingest.CountingSink;
import dev.kqlhunt.ingest.Ingestor;
import dev.kqlhunt.ingest.ReadOptions;
import dev.kqlhunt.ingest.ReaderRegistry;
import dev.kqlhunt.ingest.RecordOrigin;
import dev.kqlhunt.ingest.RecordSink;
import dev.kqlhunt.ingest.Reject;
import dev.kqlhunt.ingest.sysmon.SysmonReaders;
import dev.kqlhunt.symbols.ScalarType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real samples of {@code ../shared/data/real/} through the store: every record the readers store
 * is in the store exactly once (compared with the readers run straight into a counter, whose counts
 * the ingest tests check against the READMEs), the store verifies, and a second run skips every file.
 * Fails when ../shared is missing.
 */
@Tag("conformance")
class RealDataStoreTest {
  private static final Path SHARED = Path.of(System.getProperty("kqlhunt.shared", "/work/main/../shared"));

  @TempDir Path tmp;

  private static Path real(String relative) {
    Path p = SHARED.resolve("data/real").resolve(relative);
    assertTrue(Files.exists(p), "missing shared data " + p + " (set -Dkqlhunt.shared)");
    return p;
  }

  private static ReaderRegistry readers() {
    return SysmonReaders.registerAll(ReaderRegistry.withDefaults());
  }

  private IngestReport ingest(Path store, ReadOptions read, Path input) throws IOException {
    return StoreIngest.run(store, List.of(input), new StoreIngest.Options(read, false, -1), readers(), null);
  }

  @Test
  void everyStoredRecordOfTheRealSamplesIsInTheStoreOnce() throws IOException {
    Path all = real("");
    ReadOptions read = ReadOptions.defaults(StoreFixtures.defender());
    // The reference reads each distinct file once: the samples hold byte-identical copies, which
    // the store's ledger skips as duplicates.
    CountingSink reference = new CountingSink(new Discard());
    Set<String> seen = new HashSet<>();
    int distinct = 0;
    for (Path f : StoreIngest.expand(List.of(all), tmp.resolve("store"))) {
      if (seen.add(StoreIngest.sha256(f) + ":" + Files.size(f))) {
        new Ingestor(readers(), read).ingest(f, reference);
        distinct++;
      }
    }

    Path store = tmp.resolve("store");
    IngestReport r = ingest(store, read, all);
    System.out.println("real samples: " + r.files() + " files, " + r.records() + ", " + r.seconds() + " s");
    assertTrue(r.records().reconciles(), r.records().toString());
    assertEquals(distinct, r.files());
    assertEquals(seen.size(), r.files());
    assertEquals(new TreeMap<>(reference.storedByTable()), new TreeMap<>(r.records().storedByTable()));
    Store s = Store.open(store);
    assertEquals(List.of(), s.verify());
    for (Map.Entry<String, Long> e : reference.storedByTable().entrySet()) {
      assertEquals(e.getValue().longValue(), s.rowCount(e.getKey()), e.getKey());
    }
    assertTrue(s.rowCount("DeviceProcessEvents") > 0, "the Sysmon samples hold process creations");

    IngestReport again = ingest(store, read, all);
    assertEquals(0, again.files());
    assertEquals(r.files() + r.duplicateFiles(), again.duplicateFiles());
    assertEquals(r.records().stored(), Store.open(store).manifest().segments().stream().mapToLong(SegmentMeta::rows).sum());
  }

  @Test
  void portalCsvExportAsDeviceEventsHas26DistinctActions() throws IOException {
    ReadOptions read = ReadOptions.defaults(StoreFixtures.defender()).withTable("DeviceEvents");
    Path store = tmp.resolve("store");
    IngestReport r = ingest(store, read, real("dafneb-defender-hunting/advanced_hunting_test.csv"));
    assertEquals(26, r.records().stored());
    Store s = Store.open(store);
    assertEquals(26, s.rowCount("DeviceEvents"));
    Set<String> actions = new HashSet<>();
    for (SegmentMeta m : s.segments("DeviceEvents")) {
      try (SegmentReader reader = s.open(m)) {
        StringVector v = (StringVector) reader.load("ActionType", ScalarType.STRING);
        for (int i = 0; i < v.size(); i++) actions.add(v.get(i));
      }
    }
    assertEquals(26, actions.size());
    assertTrue(actions.contains("AntivirusScanCompleted"));
  }

  @Test
  void otrfDefenderUnionExportHas9Rows() throws IOException {
    Path store = tmp.resolve("store");
    IngestReport r = ingest(store, ReadOptions.defaults(StoreFixtures.defender()),
        real("otrf-security-datasets/Microsoft365DefenderEvents.Zip"));
    assertEquals(9, r.records().stored());
    assertEquals(9, Store.open(store).rowCount("Microsoft365DefenderEvents"));
  }

  private static final class Discard implements RecordSink {
    @Override
    public void accept(String table, Map<String, Object> values, RecordOrigin origin) {}

    @Override
    public void reject(Reject reject) {}
  }
}
