package dev.kqlhunt.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kqlhunt.json.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonBytesTest {
  private static Object parse(String s) throws JsonSyntaxError {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return new JsonBytes().parse(b, 0, b.length);
  }

  private static JsonSyntaxError error(byte[] b) {
    return assertThrows(JsonSyntaxError.class, () -> new JsonBytes().parse(b, 0, b.length));
  }

  @Test
  void parsesTheTreeShapesOfJson() throws Exception {
    Object v = parse(" {\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":-2.5e1},\"e\":\"x\\\"y\\u00e9\"} ");
    assertEquals(
        Map.of("a", 1L, "b", java.util.Arrays.asList(true, false, null), "c", Map.of("d", -25.0), "e", "x\"yé"),
        v);
    assertEquals(List.of("a", "b", "c", "e"), List.copyOf(((Map<?, ?>) v).keySet()));
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "-0, 0",
    "9223372036854775807, 9223372036854775807",
    "-9223372036854775808, -9223372036854775808",
  })
  void integersAreLongs(String text, long expected) throws Exception {
    assertEquals(expected, parse(text));
  }

  @Test
  void hugeIntegersAreBigDecimalsAndFractionsAreDoubles() throws Exception {
    assertEquals(new BigDecimal("92233720368547758070"), parse("92233720368547758070"));
    assertEquals(0.1, parse("0.1"));
    assertEquals(1e300, parse("1E300"));
  }

  @Test
  void decodesMultiByteUtf8AndSurrogatePairs() throws Exception {
    assertEquals("é€😀 Ω", parse("\"é€😀 Ω\""));
    assertEquals("😀", parse("\"\\ud83d\\ude00\""));
  }

  @Test
  void keysAreSharedBetweenRecords() throws Exception {
    JsonBytes p = new JsonBytes();
    byte[] b = "{\"DeviceName\":1}".getBytes(StandardCharsets.UTF_8);
    Map<?, ?> m1 = (Map<?, ?>) p.parse(b, 0, b.length);
    Map<?, ?> m2 = (Map<?, ?>) p.parse(b, 0, b.length);
    assertSame(m1.keySet().iterator().next(), m2.keySet().iterator().next());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"a\":1,}| MALFORMED_JSON",
        "{\"a\" 1}| MALFORMED_JSON",
        "[1 2]| MALFORMED_JSON",
        "01| MALFORMED_JSON",
        "tru| TRUNCATED_INPUT",
        "{\"a\":\"abc| TRUNCATED_INPUT",
        "{\"a\":[1,2| TRUNCATED_INPUT",
        "\"\\x\"| MALFORMED_JSON",
        "{} x| MALFORMED_JSON",
      })
  void reportsSyntaxErrorsWithTheirKind(String text, IngestCode code) {
    assertEquals(code, error(text.getBytes(StandardCharsets.UTF_8)).code());
  }

  @Test
  void rejectsInvalidUtf8WithItsOffset() {
    byte[] b = {'"', 'a', 'b', (byte) 0xC3, '(', '"'};
    JsonSyntaxError e = error(b);
    assertEquals(IngestCode.INVALID_UTF8, e.code());
    assertEquals(3, e.offset());
    assertEquals(0xC3, e.badByte());
    assertEquals(IngestCode.INVALID_UTF8, error(new byte[] {'"', (byte) 0xC0, (byte) 0xAF, '"'}).code());
    assertEquals(IngestCode.INVALID_UTF8, error(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}).code());
  }

  @Test
  void limitsNesting() {
    String deep = "[".repeat(JsonBytes.MAX_DEPTH + 1) + "]".repeat(JsonBytes.MAX_DEPTH + 1);
    assertEquals(IngestCode.MALFORMED_JSON, error(deep.getBytes(StandardCharsets.UTF_8)).code());
  }

  /** Round-trips random trees through the lead's writer and this parser. */
  @Test
  void agreesWithTheTreeWriterOnRandomValues() throws Exception {
    long seed = System.nanoTime();
    System.out.println("JsonBytesTest seed " + seed);
    Random r = new Random(seed);
    for (int i = 0; i < 500; i++) {
      Object v = randomValue(r, 0);
      String text = Json.write(v);
      assertEquals(Json.parse(text), parse(text), "seed " + seed + ": " + text);
    }
  }

  private static Object randomValue(Random r, int depth) {
    int k = r.nextInt(depth > 3 ? 5 : 7);
    return switch (k) {
      case 0 -> null;
      case 1 -> r.nextBoolean();
      case 2 -> r.nextLong();
      case 3 -> r.nextDouble() * 1e6;
      case 4 -> randomString(r);
      case 5 -> {
        java.util.ArrayList<Object> l = new java.util.ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) l.add(randomValue(r, depth + 1));
        yield l;
      }
      default -> {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = r.nextInt(4); i > 0; i--) m.put(randomString(r), randomValue(r, depth + 1));
        yield m;
      }
    };
  }

  private static String randomString(Random r) {
    String alphabet = "ab\"\\/\n\t\u0001é€😀 ";
    StringBuilder sb = new StringBuilder();
    for (int i = r.nextInt(8); i > 0; i--) {
      int at = r.nextInt(alphabet.length());
      char c = alphabet.charAt(at);
      if (Character.isHighSurrogate(c)) sb.append(c).append(alphabet.charAt(at + 1));
      else if (!Character.isLowSurrogate(c)) sb.append(c);
    }
    return sb.toString();
  }
}
