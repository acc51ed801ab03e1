package dev.kqlhunt.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kqlhunt.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectLogTest {
  @TempDir Path dir;

  @Test
  void writesOneJsonLinePerRejectAndPassesEverythingOn() throws IOException {
    Files.writeString(dir.resolve("DeviceProcessEvents.jsonl"), "{\"ProcessId\":\"x\"}\n{\"ProcessId\":1}\n");
    StringWriter log = new StringWriter();
    CollectingSink sink = new CollectingSink();
    ReadSummary s =
        new Ingestor(ReaderRegistry.withDefaults(), Fixtures.options())
            .ingest(dir, new RejectLog(log, sink));
    assertEquals(1, s.stored());
    assertEquals(1, sink.rejects().size());
    Map<?, ?> line = (Map<?, ?>) Json.parse(log.toString().strip());
    assertEquals("reject", line.get("kind"));
    assertEquals("KQL4006", line.get("code"));
    assertEquals(1L, line.get("line"));
    assertEquals(0L, line.get("offset"));
    assertEquals(dir.resolve("DeviceProcessEvents.jsonl").toString(), line.get("source"));
    assertEquals("{\"ProcessId\":\"x\"}", line.get("raw"));
  }

  @Test
  void unreadableFilesAreRejectedAndTheWalkGoesOn() throws IOException {
    Files.write(dir.resolve("a_broken.zip"), new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 99, 0, 1, 2});
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 5000; i++) many.append("{\"ProcessId\":").append(i).append("}\n");
    byte[] zip = InputFilesTest.zip("DeviceProcessEvents.jsonl", many.toString());
    Files.write(dir.resolve("b_cut.zip"), java.util.Arrays.copyOf(zip, zip.length / 2));
    Files.writeString(dir.resolve("DeviceProcessEvents.jsonl"), "{\"ProcessId\":1}\n");
    CollectingSink sink = new CollectingSink();
    ReadSummary s = new Ingestor(ReaderRegistry.withDefaults(), Fixtures.options()).ingest(dir, sink);
    assertEquals(true, s.stored() > 1 && s.stored() < 5001, s::toString);
    assertEquals(IngestCode.IO_ERROR, sink.rejects().get(0).code());
    assertEquals(dir.resolve("a_broken.zip").toString(), sink.rejects().get(0).origin().source());
    assertEquals(IngestCode.TRUNCATED_INPUT, sink.rejects().get(1).code(), () -> sink.rejects().toString());
    assertEquals(2, s.rejected(), () -> sink.rejects().toString());
    assertEquals(true, s.reconciles());
  }
}
