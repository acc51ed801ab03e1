package dev.kqlhunt.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonDocumentReaderTest {
  @Test
  void huntingApiResponseIsTypedByItsSchema() throws IOException {
    String doc =
        """
        {
          "Schema": [{"Name": "Timestamp", "Type": "DateTime"}, {"Name": "Other", "Type": "DateTime"}],
          "Results": [
            {"Timestamp": "2024-01-15T10:22:33.1234567Z", "Other": "2024-01-15T10:22:33Z", "DeviceName": "a"},
            {"Timestamp": "2024-01-15T10:22:34Z", "Other": "2024-01-15T10:22:33Z", "DeviceName": "b"}
          ]
        }
        """;
    Fixtures.Result r =
        Fixtures.ingest("response.json", doc, Fixtures.options().withTable("DeviceProcessEvents"));
    assertEquals(2, r.rows().size());
    Map<String, Object> row = r.rows().get(0).values();
    assertEquals(Instant.parse("2024-01-15T10:22:33.1234567Z"), row.get("Timestamp"));
    assertEquals(Instant.parse("2024-01-15T10:22:33Z"), row.get("Other"), "extra column typed by Schema");
    assertEquals(5, r.rows().get(1).origin().line());
  }

  @Test
  void graphShapeWithLowercaseKeysAndResultsFirst() throws IOException {
    String doc =
        "{\"results\":[{\"Timestamp\":\"2024-01-15T10:22:33Z\",\"ProcessId\":5}],"
            + "\"schema\":[{\"name\":\"Timestamp\",\"type\":\"DateTime\"}]}";
    Fixtures.Result r = Fixtures.ingest("DeviceProcessEvents.json", doc, Fixtures.options());
    assertEquals(1, r.rows().size());
    assertEquals(5L, r.rows().get(0).values().get("ProcessId"));
  }

  @Test
  void prettyPrintedEventHubMessage() throws IOException {
    String doc =
        """
        {
          "records": [
            {"time": "2024-01-15T10:22:33Z", "category": "AdvancedHunting-DeviceNetworkEvents", "properties": {"RemotePort": 80}},
            {"time": "t", "category": "AdvancedHunting-Nope", "properties": {}}
          ]
        }
        """;
    Fixtures.Result r = Fixtures.ingest("PT1H.json", doc, Fixtures.options());
    assertEquals(Map.of("DeviceNetworkEvents", 1L), r.summary().storedByTable());
    assertEquals(IngestCode.UNKNOWN_CATEGORY, r.onlyReject().code());
    assertEquals(4, r.onlyReject().origin().line());
  }

  @Test
  void truncatedArrayKeepsTheElementsBefore() throws IOException {
    String doc = "[{\"DeviceName\":\"a\"},\n{\"DeviceName\":\"b\"},\n{\"DeviceName\":\"c";
    Fixtures.Result r = Fixtures.ingest("DeviceProcessEvents.json", doc, Fixtures.options());
    assertEquals(2, r.rows().size());
    Reject x = r.onlyReject();
    assertEquals(IngestCode.TRUNCATED_INPUT, x.code());
    assertEquals(3, x.origin().line());
  }

  @Test
  void invalidUtf8ElementIsSkippedAndReadingGoesOn() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("[{\"DeviceName\":\"a\"},\n{\"DeviceName\":\"".getBytes(StandardCharsets.UTF_8));
    out.write(0x80);
    out.writeBytes("\"},\n{\"DeviceName\":\"c\"}]".getBytes(StandardCharsets.UTF_8));
    Fixtures.Result r = Fixtures.ingest("DeviceProcessEvents.json", out.toByteArray(), Fixtures.options());
    assertEquals(2, r.rows().size());
    assertEquals("c", r.rows().get(1).values().get("DeviceName"));
    assertEquals(IngestCode.INVALID_UTF8, r.onlyReject().code());
    assertEquals(2, r.onlyReject().origin().line());
  }

  @Test
  void documentBeyondTheLimitIsCutAndReported() throws IOException {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < 200; i++) sb.append(i == 0 ? "" : ",\n").append("{\"DeviceName\":\"n").append(i).append("\"}");
    sb.append("]");
    ReadOptions small = Fixtures.options().withMaxRecordBytes(1024).withMaxDocumentBytes(2048);
    Fixtures.Result r = Fixtures.ingest("DeviceProcessEvents.json", sb.toString(), small);
    assertTrue(r.rows().size() > 50 && r.rows().size() < 200, "kept the elements that fit");
    assertEquals(1, r.rejects().size());
    assertEquals(1, r.sink().warnings().size());
    assertTrue(r.sink().warnings().get(0).reason().contains("larger than 2048"));
  }

  @Test
  void concatenatedPrettyObjects() throws IOException {
    String doc = "{\n \"DeviceName\": \"a\"\n}\n{\n \"DeviceName\": \"b\"\n}\n";
    Fixtures.Result r = Fixtures.ingest("DeviceProcessEvents.json", doc, Fixtures.options());
    assertEquals(2, r.rows().size());
    assertEquals(4, r.rows().get(1).origin().line());
  }

  @Test
  void oversizedElementIsRejectedWithItsOwnText() throws IOException {
    String big = "{\"DeviceName\":\"" + "x".repeat(3000) + "\"}";
    String doc = "[{\"DeviceName\":\"a\"}, " + big + ", {\"DeviceName\":\"c\"}]";
    Fixtures.Result r =
        Fixtures.ingest("DeviceProcessEvents.json", doc, Fixtures.options().withMaxRecordBytes(2048));
    assertEquals(2, r.rows().size());
    Reject x = r.onlyReject();
    assertEquals(IngestCode.RECORD_TOO_LARGE, x.code());
    assertEquals(big, x.raw());
  }

  @Test
  void huntingApiDatetimesAreTypedEvenWithoutATableSchema() throws IOException {
    String doc =
        "{\"Schema\":[{\"Name\":\"T\",\"Type\":\"DateTime\"}],\"Results\":[{\"T\":\"2024-01-15T10:22:33Z\",\"N\":1}]}";
    Fixtures.Result r = Fixtures.ingest("MyQuery.json", doc, Fixtures.options());
    assertEquals(Instant.parse("2024-01-15T10:22:33Z"), r.rows().get(0).values().get("T"));
    assertEquals(1L, r.rows().get(0).values().get("N"));
    assertEquals(IngestCode.UNKNOWN_TABLE_SCHEMA, r.sink().warnings().get(0).code());
    assertEquals("table MyQuery has no known schema; values are stored as read", r.sink().warnings().get(0).reason());
  }
}
