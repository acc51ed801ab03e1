package dev.kqlhunt.ingest.evtx;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * Randomised damage inside records whose checksums are then recomputed, so the chunk passes
 * validation and the binary XML decoder itself meets the bad bytes. Whatever the damage, reading
 * never throws and every record is either delivered or reported. The seed is printed for replay.
 */
@Tag("conformance")
class EvtxCorruptionTest {
  private static final String SAMPLE =
      "data/real/sbousseaden-evtx-attack-samples/Persistence/persistence_sysmon_11_13_1_shime_appfix.evtx";

  @Test
  void damagedRecordsAreReportedNeverThrown() throws IOException {
    Path p = Path.of(System.getProperty("kqlhunt.shared", "/work/main/../shared"), SAMPLE);
    assertTrue(Files.exists(p), "shared sample missing: " + p);
    byte[] original = Files.readAllBytes(p);
    long seed = Long.getLong("kqlhunt.seed", System.nanoTime());
    System.out.println(
        "EvtxCorruptionTest seed=" + seed + " (replay with -Dkqlhunt.seed=" + seed + ")");
    Random random = new Random(seed);
    int chunks = (original.length - 4096) / 65536;
    for (int round = 0; round < 200; round++) {
      byte[] file = original.clone();
      int chunk = random.nextInt(chunks);
      int base = 4096 + chunk * 65536;
      int free = LittleEndian.i32(file, base + 48);
      if (free <= 512) {
        continue; // an unused chunk
      }
      int flips = 1 + random.nextInt(8);
      for (int i = 0; i < flips; i++) {
        int at = base + 512 + 24 + random.nextInt(free - 512 - 24);
        file[at] = (byte) random.nextInt(256);
      }
      fixChecksums(file, base, free);
      int[] records = {0};
      int[] problems = {0};
      EvtxSummary summary =
          EvtxReader.read(
              new ByteArrayInputStream(file),
              new EvtxVisitor() {
                @Override
                public void record(EvtxRecord record) {
                  records[0]++;
                }

                @Override
                public void problem(EvtxProblem problem) {
                  problems[0]++;
                }
              });
      assertEquals(records[0], summary.records(), "seed " + seed);
      assertEquals(problems[0], summary.badRecords(), "seed " + seed);
      assertEquals(0, summary.damagedChunks(), "seed " + seed);
      assertTrue(summary.records() + summary.badRecords() >= 1, "seed " + seed);
    }
  }

  private static void fixChecksums(byte[] file, int base, int free) {
    CRC32 records = new CRC32();
    records.update(file, base + 512, free - 512);
    putInt(file, base + 52, (int) records.getValue());
    CRC32 header = new CRC32();
    header.update(file, base, 120);
    header.update(file, base + 128, 384);
    putInt(file, base + 124, (int) header.getValue());
  }

  private static void putInt(byte[] b, int at, int v) {
    for (int i = 0; i < 4; i++) {
      b[at + i] = (byte) (v >>> (8 * i));
    }
  }
}
