package dev.kqlhunt.ingest.sysmon;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.ingest.Reject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The EVTX format reader end to end on damaged copies of a real file made in a temp dir. */
@Tag("conformance")
class SysmonEvtxReaderTest {
  private static final String SAMPLE =
      "sbousseaden-evtx-attack-samples/Persistence/persistence_sysmon_11_13_1_shime_appfix.evtx";

  @Test
  void damagedChunkIsOneRejectAndOtherChunksAreMapped(@TempDir Path tmp) throws IOException {
    byte[] bytes = Files.readAllBytes(SharedSamples.real(SAMPLE));
    bytes[4096 + 65536 + 1000] ^= 0x01; // inside chunk 1's records
    Path copy = tmp.resolve("damaged.evtx");
    Files.write(copy, bytes);
    TallySink sink = new TallySink();
    long read = SharedSamples.read(copy, new SysmonEvtxReader(), sink);
    assertEquals(read, sink.outcomes());
    assertEquals(1, sink.rejects.size());
    Reject r = sink.rejects.get(0);
    assertEquals(SysmonCode.DAMAGED_EVTX, r.code());
    assertEquals(4096 + 65536L, r.origin().byteOffset());
    assertTrue(r.reason().contains("chunk 1: event records checksum mismatch"), r.reason());
    long lost = Long.parseLong(r.reason().replaceAll(".*\\((\\d+) records lost\\).*", "$1"));
    assertEquals(
        237, sink.accepted + sink.skipped + lost, "every other record of the file is still read");
  }

  @Test
  void notEvtxAndTruncatedInputs(@TempDir Path tmp) throws IOException {
    Path text = tmp.resolve("x.evtx");
    Files.writeString(text, "hello");
    TallySink sink = new TallySink();
    assertEquals(1, SharedSamples.read(text, new SysmonEvtxReader(), sink));
    assertEquals(SysmonCode.DAMAGED_EVTX, sink.rejects.get(0).code());

    byte[] bytes = Files.readAllBytes(SharedSamples.real(SAMPLE));
    Path cut = tmp.resolve("cut.evtx");
    Files.write(cut, java.util.Arrays.copyOf(bytes, 4096 + 65536 + 5000));
    TallySink partial = new TallySink();
    long read = SharedSamples.read(cut, new SysmonEvtxReader(), partial);
    assertEquals(read, partial.outcomes());
    assertTrue(partial.accepted > 0);
    assertEquals(1, partial.rejects.size());
    assertTrue(partial.rejects.get(0).reason().contains("truncated chunk"));
  }
}
