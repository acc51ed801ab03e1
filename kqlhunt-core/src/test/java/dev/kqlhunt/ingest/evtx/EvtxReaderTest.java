package dev.kqlhunt.ingest.evtx;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The EVTX decoder on a real Sysmon file (read from ../shared at test time) and on damaged copies
 * of it made in memory: a flipped byte in one chunk, a broken file header, a truncated file.
 */
@Tag("conformance")
class EvtxReaderTest {
  /** 565 events in 15 chunks (counts from libevtx evtxexport, see the sample folder's README). */
  private static final String SAMPLE =
      "AutomatedTestingTools/PanacheSysmon_vs_AtomicRedTeam01.evtx";

  private static byte[] sample() throws IOException {
    Path p =
        Path.of(
            System.getProperty("kqlhunt.shared", "/work/main/../shared"),
            "data/real/sbousseaden-evtx-attack-samples",
            SAMPLE);
    assertTrue(Files.exists(p), "shared sample missing: " + p);
    return Files.readAllBytes(p);
  }

  private static final class Collector implements EvtxVisitor {
    final List<EvtxRecord> records = new ArrayList<>();
    final List<EvtxProblem> problems = new ArrayList<>();

    @Override
    public void record(EvtxRecord record) {
      records.add(record);
    }

    @Override
    public void problem(EvtxProblem problem) {
      problems.add(problem);
    }
  }

  private static Collector read(byte[] file, EvtxSummary expected) throws IOException {
    Collector c = new Collector();
    EvtxSummary summary = EvtxReader.read(new ByteArrayInputStream(file), c);
    assertEquals(expected, summary);
    return c;
  }

  @Test
  void decodesEveryRecordOfARealFile() throws IOException {
    Collector c = read(sample(), new EvtxSummary(15, 0, 565, 0));
    assertEquals(List.of(), c.problems);
    Map<String, Integer> eids = new TreeMap<>();
    long previous = 0;
    for (EvtxRecord r : c.records) {
      XmlElement system = r.event().child("System");
      eids.merge(system.childText("EventID"), 1, Integer::sum);
      // An exported log renumbers record headers from 1; the XML keeps the original EventRecordID.
      assertEquals(previous + 1, r.recordId());
      previous = r.recordId();
      assertTrue(Long.parseLong(system.childText("EventRecordID")) > 0);
      assertEquals("Microsoft-Windows-Sysmon", system.child("Provider").attribute("Name"));
    }
    assertEquals(511, eids.get("1"));
    EvtxRecord first = c.records.get(0);
    XmlElement system = first.event().child("System");
    assertTrue(
        system
            .child("TimeCreated")
            .attribute("SystemTime")
            .matches("2019-07-\\d\\dT[0-9:]{8}\\.\\d{7}Z"));
    assertEquals("S-1-5-18", system.child("Security").attribute("UserID"));
    assertEquals(
        "{5770385F-C22A-43E0-BF4C-06F5698FFBD9}", system.child("Provider").attribute("Guid"));
    assertEquals("0x8000000000000000", system.childText("Keywords"));
    XmlElement data = first.event().child("EventData");
    assertTrue(
        data.elements().stream()
            .anyMatch(
                d ->
                    "UtcTime".equals(d.attribute("Name"))
                        && d.text().matches("2019-07-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}")));
  }

  @Test
  void aDamagedChunkIsReportedAndSkippedTheRestIsKept() throws IOException {
    byte[] file = sample();
    int chunk = 3;
    int at = 4096 + chunk * 65536 + 2000; // inside the chunk's records
    file[at] ^= 0x5a;
    Collector c = read(file, new EvtxSummary(15, 1, 565 - recordsOfChunk(chunk), 0));
    assertEquals(1, c.problems.size());
    EvtxProblem p = c.problems.get(0);
    assertEquals(chunk, p.chunkIndex());
    assertEquals(4096 + chunk * 65536L, p.fileOffset());
    assertTrue(p.reason().contains("event records checksum mismatch"), p.reason());
    assertEquals(recordsOfChunk(chunk), p.recordsLost());
  }

  @Test
  void aDamagedChunkHeaderIsSkippedToo() throws IOException {
    byte[] file = sample();
    file[4096 + 65536 + 20] ^= 1; // chunk 1, last record number
    Collector c = read(file, new EvtxSummary(15, 1, 565 - recordsOfChunk(1), 0));
    assertTrue(c.problems.get(0).reason().contains("chunk header checksum mismatch"));
  }

  @Test
  void aBadFileHeaderChecksumIsOnlyAWarning() throws IOException {
    byte[] file = sample();
    file[24] ^= 1; // next record identifier
    Collector c = read(file, new EvtxSummary(15, 0, 565, 0));
    assertEquals(-1, c.problems.get(0).chunkIndex());
  }

  @Test
  void aTruncatedFileKeepsItsCompleteChunks() throws IOException {
    byte[] full = sample();
    byte[] cut = java.util.Arrays.copyOf(full, 4096 + 2 * 65536 + 100);
    Collector c = read(cut, new EvtxSummary(2, 1, recordsOfChunk(0) + recordsOfChunk(1), 0));
    assertTrue(c.problems.get(0).reason().startsWith("truncated chunk"));
  }

  @Test
  void notAnEvtxFileThrows() {
    assertThrows(
        IOException.class,
        () -> EvtxReader.read(new ByteArrayInputStream(new byte[200]), new Collector()));
  }

  /** Records in a chunk according to its header (last − first record number + 1). */
  private static long recordsOfChunk(int chunk) throws IOException {
    byte[] file = sample();
    int base = 4096 + chunk * 65536;
    return LittleEndian.i64(file, base + 16) - LittleEndian.i64(file, base + 8) + 1;
  }
}
