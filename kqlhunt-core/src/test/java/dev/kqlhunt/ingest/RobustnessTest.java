package dev.kqlhunt.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Randomised checks: damaged input never throws and always reconciles; CSV round-trips. */
class RobustnessTest {
  private static final String LINE =
      "{\"Timestamp\":\"2024-01-15T10:22:33.123Z\",\"DeviceName\":\"pc-%d\",\"ProcessId\":%d,"
          + "\"AdditionalFields\":{\"k\":[1,\"é😀\",null]}}\n";

  @Test
  void corruptedJsonLinesReconcile() throws IOException {
    long seed = Long.getLong("kqlhunt.seed", System.nanoTime());
    System.out.println("RobustnessTest.corruptedJsonLinesReconcile seed " + seed);
    Random r = new Random(seed);
    for (int round = 0; round < 200; round++) {
      StringBuilder sb = new StringBuilder();
      int n = 1 + r.nextInt(20);
      for (int i = 0; i < n; i++) sb.append(LINE.formatted(i, i));
      byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
      for (int k = r.nextInt(4); k >= 0; k--) b[r.nextInt(b.length)] = (byte) r.nextInt(256);
      if (r.nextBoolean()) b = java.util.Arrays.copyOf(b, r.nextInt(b.length) + 1);
      for (String name : List.of("DeviceProcessEvents.jsonl", "DeviceProcessEvents.json")) {
        Fixtures.Result res = Fixtures.ingest(name, b, Fixtures.options());
        assertTrue(res.summary().read() <= n + 5, "seed " + seed + " round " + round);
        for (Reject x : res.rejects()) assertTrue(x.origin().byteOffset() < b.length, x::toString);
      }
    }
  }

  @Test
  void csvRoundTripsRandomFields() throws IOException {
    long seed = Long.getLong("kqlhunt.seed", System.nanoTime());
    System.out.println("RobustnessTest.csvRoundTripsRandomFields seed " + seed);
    Random r = new Random(seed);
    String alphabet = "ab ,\"\n'é😀;\t";
    for (int round = 0; round < 100; round++) {
      List<List<String>> rows = new ArrayList<>();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes("DeviceName,ActionType\r\n".getBytes(StandardCharsets.UTF_8));
      for (int i = 1 + r.nextInt(10); i > 0; i--) {
        List<String> row = List.of(randomField(r, alphabet), randomField(r, alphabet));
        rows.add(row);
        out.writeBytes((quote(row.get(0)) + "," + quote(row.get(1)) + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      Fixtures.Result res = Fixtures.ingest("DeviceProcessEvents.csv", out.toByteArray(), Fixtures.options());
      assertEquals(rows.size(), res.rows().size(), () -> "seed " + seed + " " + res.rejects());
      for (int i = 0; i < rows.size(); i++) {
        assertEquals(rows.get(i).get(0), res.rows().get(i).values().get("DeviceName"), "seed " + seed);
        assertEquals(rows.get(i).get(1), res.rows().get(i).values().get("ActionType"), "seed " + seed);
      }
    }
  }

  private static String randomField(Random r, String alphabet) {
    StringBuilder sb = new StringBuilder();
    for (int i = r.nextInt(6); i > 0; i--) {
      int at = r.nextInt(alphabet.length());
      char c = alphabet.charAt(at);
      if (Character.isHighSurrogate(c)) sb.append(c).append(alphabet.charAt(at + 1));
      else if (!Character.isLowSurrogate(c)) sb.append(c);
    }
    return sb.toString();
  }

  /** Quotes always when needed, sometimes when not: both are valid CSV. */
  private static String quote(String f) {
    boolean needs = f.contains(",") || f.contains("\"") || f.contains("\n") || f.isEmpty();
    return needs || f.hashCode() % 2 == 0 ? "\"" + f.replace("\"", "\"\"") + "\"" : f;
  }

  @Test
  void duplicateCsvHeadersAreNumbered() throws IOException {
    Fixtures.Result r = Fixtures.ingest("DeviceProcessEvents.csv", "DeviceName,X,X,X\na,1,2,3\n", Fixtures.options());
    assertEquals("1", r.rows().get(0).values().get("X"));
    assertEquals("2", r.rows().get(0).values().get("X1"));
    assertEquals("3", r.rows().get(0).values().get("X2"));
  }

  @Test
  void rejectLimitStopsTheIngest() {
    String text = "{\"ProcessId\":\"a\"}\n".repeat(5);
    CollectingSink sink = new CollectingSink();
    RejectLimit limit = new RejectLimit(2, sink);
    Ingestor ingestor = new Ingestor(ReaderRegistry.withDefaults(), Fixtures.options());
    RejectLimit.TooManyRejects e =
        assertThrows(
            RejectLimit.TooManyRejects.class,
            () ->
                ingestor.ingest(
                    InputSource.ofBytes("DeviceProcessEvents.jsonl", text.getBytes(StandardCharsets.UTF_8)),
                    limit));
    assertEquals(2, e.limit());
    assertEquals(3, sink.rejects().size());
  }
}
