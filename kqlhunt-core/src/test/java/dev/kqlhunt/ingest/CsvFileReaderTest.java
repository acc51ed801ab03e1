package dev.kqlhunt.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvFileReaderTest {
  private static Fixtures.Result read(String text) throws IOException {
    return Fixtures.ingest("DeviceProcessEvents.csv", text, Fixtures.options());
  }

  @Test
  void portalExportWithBomReorderedColumnsAndBothDateStyles() throws IOException {
    String csv =
        "\uFEFFProcessId,Timestamp,DeviceName,AdditionalFields\r\n"
            + "7,2024-01-15T10:22:33.1234567Z,pc1,\"{\"\"Domain\"\":\"\"NT AUTHORITY\"\"}\"\r\n"
            + "8,\"Jan 15, 2024 10:22:33 PM\",pc2,\r\n"
            + "9,1/15/2024 10:22:33 AM,\"pc,3\",[1]\r\n";
    Fixtures.Result r = read(csv);
    assertEquals(3, r.rows().size(), () -> r.rejects().toString());
    Map<String, Object> row = r.rows().get(0).values();
    assertEquals(
        List.of("Timestamp", "DeviceName", "ActionType", "ProcessId", "AdditionalFields"),
        List.copyOf(row.keySet()),
        "schema order, every column");
    assertEquals(Instant.parse("2024-01-15T10:22:33.1234567Z"), row.get("Timestamp"));
    assertEquals(Map.of("Domain", "NT AUTHORITY"), row.get("AdditionalFields"));
    assertEquals(7L, row.get("ProcessId"));
    assertEquals(Instant.parse("2024-01-15T22:22:33Z"), r.rows().get(1).values().get("Timestamp"));
    assertEquals(null, r.rows().get(1).values().get("AdditionalFields"), "empty cell is null");
    assertEquals(Instant.parse("2024-01-15T10:22:33Z"), r.rows().get(2).values().get("Timestamp"));
    assertEquals("pc,3", r.rows().get(2).values().get("DeviceName"));
    assertEquals(List.of(1L), r.rows().get(2).values().get("AdditionalFields"));
    assertEquals(4, r.rows().get(2).origin().line());
  }

  @Test
  void quotedFieldsMaySpanLines() throws IOException {
    Fixtures.Result r = read("DeviceName,ActionType\n\"two\nlines\",x\nthird,y\n");
    assertEquals(2, r.rows().size());
    assertEquals("two\nlines", r.rows().get(0).values().get("DeviceName"));
    assertEquals(4, r.rows().get(1).origin().line());
  }

  @Test
  void badRecordsAreRejectedAndTheRestKept() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("DeviceName,ProcessId,Timestamp\n".getBytes(StandardCharsets.UTF_8));
    out.writeBytes("ok1,1,2024-01-01\n".getBytes(StandardCharsets.UTF_8));
    out.writeBytes("short,2\n".getBytes(StandardCharsets.UTF_8)); // field count
    out.writeBytes("bad".getBytes(StandardCharsets.UTF_8));
    out.write(0xC3); // a lead byte followed by ASCII: invalid UTF-8
    out.writeBytes(",3,2024-01-01\n".getBytes(StandardCharsets.UTF_8));
    out.writeBytes("n,four,2024-01-01\n".getBytes(StandardCharsets.UTF_8)); // wrong type
    out.writeBytes("d,5,31/31/2024\n".getBytes(StandardCharsets.UTF_8)); // unparseable date
    out.writeBytes("ok2,6,2024-01-02\n".getBytes(StandardCharsets.UTF_8));
    out.writeBytes("\"unterminated,7,2024-01-01\n".getBytes(StandardCharsets.UTF_8));
    Fixtures.Result r = Fixtures.ingest("DeviceProcessEvents.csv", out.toByteArray(), Fixtures.options());
    assertEquals(7, r.summary().read());
    assertEquals(2, r.rows().size());
    List<IngestCode> codes = r.rejects().stream().map(x -> (IngestCode) x.code()).toList();
    assertEquals(
        List.of(
            IngestCode.FIELD_COUNT,
            IngestCode.INVALID_UTF8,
            IngestCode.BAD_VALUE,
            IngestCode.BAD_VALUE,
            IngestCode.TRUNCATED_INPUT),
        codes);
    List<Long> lines = r.rejects().stream().map(x -> x.origin().line()).toList();
    assertEquals(List.of(3L, 4L, 5L, 6L, 8L), lines);
    assertEquals("CSV record has 2 fields but the header has 3", r.rejects().get(0).reason());
    assertEquals("invalid UTF-8 byte 0xC3 at byte 3 of the record", r.rejects().get(1).reason());
  }

  @Test
  void longRecordIsRejected() throws IOException {
    String big = "x".repeat(5000);
    Fixtures.Result r =
        Fixtures.ingest(
            "DeviceProcessEvents.csv",
            "DeviceName\n" + big + "\nok\n",
            Fixtures.options().withMaxRecordBytes(2048));
    assertEquals(1, r.rows().size());
    Reject x = r.onlyReject();
    assertEquals(IngestCode.RECORD_TOO_LARGE, x.code());
    assertEquals(2, x.origin().line());
    assertTrue(x.reason().startsWith("record of 5000 bytes"), x.reason());
  }

  @Test
  void headerOnlyFileHasNoRecords() throws IOException {
    Fixtures.Result r = read("DeviceName,ProcessId\n");
    assertEquals(0, r.summary().read());
  }

  @Test
  void logAnalyticsExportHeadersAndDates() throws IOException {
    Fixtures.Result r =
        read("Timestamp [UTC],DeviceName\n\"1/15/2024, 10:22:33.123 AM\",pc\n");
    assertEquals(1, r.rows().size(), () -> r.rejects().toString());
    assertEquals(Instant.parse("2024-01-15T10:22:33.123Z"), r.rows().get(0).values().get("Timestamp"));
    assertEquals(0, r.sink().warnings().size());
  }
}
