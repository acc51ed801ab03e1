package dev.kqlhunt.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLinesReaderTest {
  private static final String GOOD1 =
      "{\"Timestamp\":\"2024-01-15T10:22:33.123Z\",\"DeviceName\":\"pc1\",\"ProcessId\":42}";
  private static final String GOOD2 =
      "{\"Timestamp\":\"2024-01-15T10:22:34Z\",\"DeviceName\":\"pc2\",\"ProcessId\":\"43\"}";

  private static Fixtures.Result read(String text) throws IOException {
    return Fixtures.ingest("DeviceProcessEvents.jsonl", text, Fixtures.options());
  }

  @Test
  void storesTypedRowsOfTheTableNamedByTheFile() throws IOException {
    Fixtures.Result r = read(GOOD1 + "\r\n\n" + GOOD2); // CRLF, a blank line, no final newline
    assertEquals(2, r.summary().read());
    assertEquals(Map.of("DeviceProcessEvents", 2L), r.summary().storedByTable());
    Map<String, Object> row = r.rows().get(0).values();
    assertEquals(Instant.parse("2024-01-15T10:22:33.123Z"), row.get("Timestamp"));
    assertEquals(42L, row.get("ProcessId"));
    assertEquals(43L, r.rows().get(1).values().get("ProcessId"));
    assertEquals(null, row.get("ActionType"), "a missing column is null");
    assertEquals(3, r.rows().get(1).origin().line());
  }

  @Test
  void truncatedLastRecordIsRejectedAndTheRestKept() throws IOException {
    Fixtures.Result r = read(GOOD1 + "\n" + GOOD2 + "\n{\"Timestamp\":\"2024-01-15T10:2");
    assertEquals(2, r.rows().size());
    Reject x = r.onlyReject();
    assertEquals(IngestCode.TRUNCATED_INPUT, x.code());
    assertEquals(3, x.origin().line());
    assertEquals(GOOD1.length() + GOOD2.length() + 2, x.origin().byteOffset());
    assertTrue(x.raw().startsWith("{\"Timestamp\""));
  }

  @Test
  void wrongTypeIsRejectedWithColumnAndReason() throws IOException {
    Fixtures.Result r = read(GOOD1 + "\n{\"ProcessId\":\"forty\"}\n{\"ProcessId\":true}\n" + GOOD2);
    assertEquals(2, r.rows().size());
    assertEquals(2, r.rejects().size());
    Reject x = r.rejects().get(0);
    assertEquals(IngestCode.BAD_VALUE, x.code());
    assertEquals(2, x.origin().line());
    assertEquals("column 'ProcessId' of type long: cannot convert \"forty\" (not a number)", x.reason());
    assertTrue(r.rejects().get(1).reason().contains("a boolean is not a long"));
  }

  @Test
  void unparseableDateIsRejected() throws IOException {
    Fixtures.Result r = read("{\"Timestamp\":\"yesterday at noon\"}\n" + GOOD1);
    assertEquals(1, r.rows().size());
    Reject x = r.onlyReject();
    assertEquals(IngestCode.BAD_VALUE, x.code());
    assertTrue(x.reason().contains("'Timestamp' of type datetime"), x.reason());
    assertTrue(x.reason().contains("unparseable datetime"), x.reason());
    assertEquals("DeviceProcessEvents.jsonl:1", x.origin().toString());
  }

  @Test
  void invalidUtf8ByteIsRejectedWithItsPosition() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes((GOOD1 + "\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes("{\"DeviceName\":\"p".getBytes(StandardCharsets.UTF_8));
    out.write(0xFF);
    out.writeBytes("c\"}\n".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(GOOD2.getBytes(StandardCharsets.UTF_8));
    Fixtures.Result r = Fixtures.ingest("DeviceProcessEvents.jsonl", out.toByteArray(), Fixtures.options());
    assertEquals(2, r.rows().size());
    Reject x = r.onlyReject();
    assertEquals(IngestCode.INVALID_UTF8, x.code());
    assertEquals("invalid UTF-8 byte 0xFF at byte 16 of the record", x.reason());
    assertEquals(2, x.origin().line());
    assertTrue(x.raw().contains("\uFFFD"), "raw text stays valid text");
  }

  @Test
  void malformedLineIsRejectedAndReadingResumes() throws IOException {
    Fixtures.Result r = read("{\"a\":1,,}\n[1,2]\n" + GOOD1);
    assertEquals(1, r.rows().size(), () -> r.rejects().toString());
    assertEquals(IngestCode.MALFORMED_JSON, r.rejects().get(0).code());
    assertEquals(IngestCode.NOT_AN_OBJECT, r.rejects().get(1).code());
    assertEquals("record is not a JSON object but an array", r.rejects().get(1).reason());
  }

  /** A 50 MB line is streamed past, not buffered: the test runs in a small heap. */
  @Test
  void fiftyMegabyteLineIsRejectedWithoutBufferingIt() throws IOException {
    long big = 50L << 20;
    byte[] head = (GOOD1 + "\n{\"DeviceName\":\"").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\"}\n" + GOOD2 + "\n").getBytes(StandardCharsets.UTF_8);
    InputStream in = new SyntheticStream(head, big, tail);
    CollectingSink sink = new CollectingSink();
    ReadSummary s =
        new Ingestor(ReaderRegistry.withDefaults(), Fixtures.options())
            .ingest(InputSource.of("big.jsonl", "DeviceProcessEvents.jsonl", in), sink);
    assertEquals(3, s.read());
    assertEquals(2, s.stored());
    Reject x = sink.rejects().get(0);
    assertEquals(IngestCode.RECORD_TOO_LARGE, x.code());
    assertEquals(2, x.origin().line());
    assertTrue(x.reason().startsWith("record of " + (big + 17) + " bytes exceeds"), x.reason());
    assertTrue(x.raw().length() <= Reject.MAX_RAW_CHARS + 20);
    assertEquals(3, sink.rows().get(1).origin().line());
    assertEquals(head.length + big + tail.length, s.bytes());
  }

  @Test
  void streamingApiLinesGoToTheTableTheirCategoryNames() throws IOException {
    String proc =
        "{\"time\":\"2024-01-15T10:22:33Z\",\"tenantId\":\"t\",\"operationName\":\"Publish\","
            + "\"category\":\"AdvancedHunting-DeviceProcessEvents\",\"properties\":{\"DeviceName\":\"pc\","
            + "\"Timestamp\":\"2024-01-15T10:22:33Z\",\"AdditionalFields\":\"{\\\"k\\\":1}\"}}";
    String net =
        "{\"time\":\"2024-01-15T10:22:33.5Z\",\"category\":\"AdvancedHunting-DeviceNetworkEvents\","
            + "\"properties\":{\"RemoteIP\":\"10.0.0.1\",\"RemotePort\":443}}";
    String unknown = "{\"category\":\"AdvancedHunting-DeviceTeleportEvents\",\"properties\":{}}";
    Fixtures.Result r = Fixtures.ingest("blob.json", proc + "\n" + net + "\n" + unknown + "\n", Fixtures.options());
    assertEquals(Map.of("DeviceProcessEvents", 1L, "DeviceNetworkEvents", 1L), r.summary().storedByTable());
    assertEquals(Map.of("k", 1L), r.sink().rows("DeviceProcessEvents").get(0).values().get("AdditionalFields"));
    assertEquals(443, r.sink().rows("DeviceNetworkEvents").get(0).values().get("RemotePort"));
    assertEquals(
        Instant.parse("2024-01-15T10:22:33.5Z"),
        r.sink().rows("DeviceNetworkEvents").get(0).values().get("Timestamp"),
        "the envelope time stands in for a missing Timestamp");
    Reject x = r.onlyReject();
    assertEquals(IngestCode.UNKNOWN_CATEGORY, x.code());
    assertEquals("unknown Streaming API category 'AdvancedHunting-DeviceTeleportEvents'", x.reason());
    assertEquals(3, x.origin().line());
  }

  @Test
  void eventHubMessagesPerLineAreUnpacked() throws IOException {
    String rec =
        "{\"category\":\"AdvancedHunting-DeviceNetworkEvents\",\"properties\":{\"RemotePort\":%d}}";
    String msg = "{\"records\":[" + rec.formatted(1) + "," + rec.formatted(2) + "]}";
    Fixtures.Result r = Fixtures.ingest("hub.json", msg + "\n" + msg + "\n", Fixtures.options());
    assertEquals(4, r.summary().read());
    assertEquals(4, r.rows().size());
    assertEquals(2, r.rows().get(3).origin().line());
    assertEquals(3, r.rows().get(3).origin().index());
  }

  @Test
  void extraColumnsAreKeptAndWarnedOncePerFile() throws IOException {
    Fixtures.Result r = read("{\"DeviceName\":\"a\",\"Zz\":1}\n{\"DeviceName\":\"b\",\"Zz\":2}\n");
    assertEquals(2, r.rows().size());
    assertEquals(2L, r.rows().get(1).values().get("Zz"));
    assertEquals(1, r.sink().warnings().size());
    assertEquals(
        "columns not in table DeviceProcessEvents are kept as extra columns: Zz",
        r.sink().warnings().get(0).reason());
  }

  @Test
  void withoutATableNameEveryRecordIsRejected() throws IOException {
    Fixtures.Result r = Fixtures.ingest("my export (1).jsonl", GOOD1 + "\n", Fixtures.options());
    assertEquals(IngestCode.NO_TABLE, r.onlyReject().code());
    Fixtures.Result named =
        Fixtures.ingest("my export (1).jsonl", GOOD1 + "\n", Fixtures.options().withTable("DeviceProcessEvents"));
    assertEquals(1, named.rows().size());
  }

  @Test
  void streamFailureMidRecordIsATruncatedReject() throws IOException {
    byte[] ok = (GOOD1 + "\n{\"DeviceName\":\"cut").getBytes(StandardCharsets.UTF_8);
    InputStream failing =
        new InputStream() {
          int i;

          @Override
          public int read() throws IOException {
            if (i < ok.length) return ok[i++];
            throw new java.io.EOFException("Unexpected end of ZLIB input stream");
          }
        };
    CollectingSink sink = new CollectingSink();
    ReadSummary s =
        new Ingestor(ReaderRegistry.withDefaults(), Fixtures.options())
            .ingest(InputSource.of("x.jsonl.gz", "DeviceProcessEvents.jsonl", failing), sink);
    assertEquals(2, s.read());
    assertEquals(1, s.stored());
    assertEquals(IngestCode.TRUNCATED_INPUT, sink.rejects().get(0).code());
    assertTrue(sink.rejects().get(0).reason().contains("ZLIB"), sink.rejects().get(0).reason());
    assertInstanceOf(String.class, sink.rows().get(0).values().get("DeviceName"));
  }

  /** head, then {@code fill} bytes of 'x', then tail; nothing is materialised. */
  static final class SyntheticStream extends InputStream {
    private final byte[] head;
    private final long fill;
    private final byte[] tail;
    private long pos;

    SyntheticStream(byte[] head, long fill, byte[] tail) {
      this.head = head;
      this.fill = fill;
      this.tail = tail;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      long total = head.length + fill + tail.length;
      if (pos >= total) return -1;
      int n = (int) Math.min(len, total - pos);
      for (int i = 0; i < n; i++, pos++) {
        if (pos < head.length) b[off + i] = head[(int) pos];
        else if (pos < head.length + fill) b[off + i] = 'x';
        else b[off + i] = tail[(int) (pos - head.length - fill)];
      }
      return n;
    }
  }
}
