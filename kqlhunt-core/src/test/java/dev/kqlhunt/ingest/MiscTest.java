package dev.kqlhunt.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small value types and helpers of the package. */
class MiscTest {
  @ParameterizedTest
  @CsvSource({"jsonl, JSON_LINES", "JSON, JSON_DOCUMENT", "nxlog, NXLOG_JSON", "HUNTING_API, HUNTING_API"})
  void formatNames(String name, InputFormat expected) {
    assertEquals(expected, InputFormat.fromName(name));
  }

  @Test
  void unknownFormatName() {
    assertNull(InputFormat.fromName("parquet"));
  }

  @ParameterizedTest
  @CsvSource({
    "00:00:01, PT1S, 00:00:01",
    "1.02:03:04.5, P1DT2H3M4.5S, 1.02:03:04.5000000",
    "-00:01:00, PT-1M, -00:01:00",
    "00:00:00.0000001, PT0.0000001S, 00:00:00.0000001"
  })
  void timespansParseAndPrintAsKusto(String text, String iso, String printed) {
    Duration d = Duration.parse(iso);
    assertEquals(d, Timespans.parse(text));
    assertEquals(printed, Timespans.format(d));
  }

  @Test
  void rejectTruncatesRawTextAtASafePlace() {
    String raw = "a".repeat(Reject.MAX_RAW_CHARS - 1) + "😀tail";
    Reject r = Reject.of(RecordOrigin.wholeInput("f"), raw, IngestCode.SKIPPED, "x");
    assertEquals(Reject.MAX_RAW_CHARS - 1 + Reject.TRUNCATION_MARK.length(), r.raw().length());
    assertTrue(r.raw().endsWith(Reject.TRUNCATION_MARK));
    assertEquals("f@0", r.origin().toString());
  }

  @Test
  void originsValidateAndPrint() {
    assertEquals("a.json:3", new RecordOrigin("a.json", 3, 10, 2).toString());
    assertEquals("a.evtx@4096", new RecordOrigin("a.evtx", 0, 4096, 2).toString());
    assertEquals("a.evtx#2", new RecordOrigin("a.evtx", 0, -1, 2).toString());
    assertThrows(IllegalArgumentException.class, () -> new RecordOrigin("a", -1, 0, 0));
  }

  @Test
  void summariesAdd() {
    ReadSummary a = new ReadSummary(1, 3, 2, 1, 0, 10, Map.of("T", 2L));
    ReadSummary b = new ReadSummary(1, 2, 1, 0, 1, 5, Map.of("T", 1L, "U", 0L));
    ReadSummary sum = a.plus(b);
    assertEquals(new ReadSummary(2, 5, 3, 1, 1, 15, Map.of("T", 3L, "U", 0L)), sum);
    assertTrue(sum.reconciles());
  }

  @Test
  void formatOverrideWinsOverDetection() throws IOException {
    // Content that looks like CSV, read as JSON lines on request: every line is then malformed.
    Fixtures.Result r =
        Fixtures.ingest(
            "DeviceProcessEvents.txt", "a,b\n1,2\n", Fixtures.options().withFormat(InputFormat.JSON_LINES));
    assertEquals(2, r.rejects().size());
    assertEquals(IngestCode.MALFORMED_JSON, r.rejects().get(0).code());
  }
}
