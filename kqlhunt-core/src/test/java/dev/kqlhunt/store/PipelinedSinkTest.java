package dev.kqlhunt.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.ingest.RecordOrigin;
import dev.kqlhunt.ingest.SchemaLookup;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelinedSinkTest {
  private static final RecordOrigin ORIGIN = new RecordOrigin("t", 1, 0, 0);

  @TempDir Path dir;

  @Test
  void everyRowReachesTheWriterInOrderBeforeDrainReturns() throws IOException {
    Instant t = Instant.parse("2026-11-01T00:00:00Z");
    try (StoreWriter w = StoreWriter.open(dir, StoreFixtures.defender());
        PipelinedSink p = new PipelinedSink(w)) {
      for (int i = 0; i < 5000; i++) p.accept("DeviceProcessEvents", StoreFixtures.processRow(t, "pc", "f", "c" + i, i), ORIGIN);
      p.drain();
      w.commit(List.of());
    }
    Store s = Store.open(dir);
    assertEquals(5000, s.rowCount("DeviceProcessEvents"));
    try (SegmentReader r = s.open(s.segments("DeviceProcessEvents").get(0))) {
      var ids = (dev.kqlhunt.exec.vector.LongVector) r.load("ProcessId", dev.kqlhunt.symbols.ScalarType.LONG);
      for (int i = 0; i < 5000; i++) assertEquals(i, ids.get(i));
    }
  }

  @Test
  void aWriterFailureSurfacesInTheProducer() throws IOException {
    SchemaLookup failing = table -> {
      throw new IllegalStateException("schema lookup broke");
    };
    try (StoreWriter w = StoreWriter.open(dir, failing);
        PipelinedSink p = new PipelinedSink(w)) {
      p.accept("T", new java.util.HashMap<>(), ORIGIN);
      IllegalStateException e = assertThrows(IllegalStateException.class, p::drain);
      assertTrue(e.getMessage().contains("schema lookup broke"));
    }
  }
}
