package dev.kqlhunt.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kqlhunt.ingest.ByteHash;
import dev.kqlhunt.ingest.JsonBytes;
import dev.kqlhunt.ingest.JsonRowDecoder;
import dev.kqlhunt.ingest.JsonSyntaxError;
import dev.kqlhunt.ingest.TypedRowConverter;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.symbols.TableSchema;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The JSON fast path ({@link JsonRowDecoder} + {@link TableBuffer#appendDecoded}) against the
 * general path ({@link JsonBytes} → {@link TypedRowConverter} → {@link TableBuffer#append}): for
 * random lines mixing ordinary and odd values, every line the fast path takes must be one the general
 * path accepts, stored with identical encoded columns.
 */
class FastPathEquivalenceTest {
  private static final TableSchema SCHEMA = new TableSchema("T", List.of(
      new ColumnSymbol("Timestamp", ScalarType.DATETIME),
      new ColumnSymbol("S", ScalarType.STRING),
      new ColumnSymbol("Name", ScalarType.STRING),
      new ColumnSymbol("L", ScalarType.LONG),
      new ColumnSymbol("I", ScalarType.INT),
      new ColumnSymbol("R", ScalarType.REAL),
      new ColumnSymbol("B", ScalarType.BOOL),
      new ColumnSymbol("G", ScalarType.GUID),
      new ColumnSymbol("D", ScalarType.DYNAMIC),
      new ColumnSymbol("Span", ScalarType.TIMESPAN),
      new ColumnSymbol("Dec", ScalarType.DECIMAL)));

  private static final String[] DATETIMES = {
    "\"2026-11-12T12:00:10.0520000Z\"", "\"2026-11-12T12:00:10Z\"", "\"2026-11-12T12:00:10\"",
    "\"2026-11-12 23:59:59.123456789Z\"", "\"2026-11-12t00:00:00.1z\"", "\"2024-02-29T01:02:03.5Z\"",
    "\"2023-02-29T01:02:03Z\"", "\"2026-11-12T24:00:00Z\"", "\"2026-11-12T12:00:60Z\"",
    "\"2026-11-12T12:00:10+01:00\"", "\"2026-13-01T00:00:00Z\"", "\"0001-01-01T00:00:00Z\"",
    "\"9999-12-31T23:59:59.9999999Z\"", "\"2026-11-12T12:00:10.Z\"", "\"2026-11-12\"", "\" 2026-11-12T12:00:10Z\"",
    "\"11/12/2026 12:00:10 PM\"", "\"\"", "null", "5", "true", "\"2026-11-12T12:00:10,5Z\""};
  private static final String[] STRINGS = {
    "\"cmd.exe /c \\\"x\\\"\"", "\"C:\\\\Windows\\\\System32\"",
    "\"C:\\\\Program Files (x86)\\\\Microsoft\\\\Edge\\\\Application\\\\msedge.exe --type=\\\"renderer\\\" caf\u00e9\\u00e9 \u00ae\\n\"", "\"caf\u00e9 \u20ac \uD83D\uDE00\"",
    "\"\\u00e9\\u20ac\\u0041\"", "\"\\ud83d\\ude00\"", "\"a\\/b\\b\\f\\n\\r\\t\"", "\"\\u0000\"", "\"\"",
    "\"plain\"", "\"0123456789abcdef0123\"", "12", "-0", "0", "-17", "1.5", "1e3", "true", "null",
    "{\"a\":1}", "[1,2]", "\"\\x\"", "\"bad\\u12\"", "\"tab\there\"", "\"Microsoft\u00ae Windows\u00ae\""};
  private static final String[] LONGS = {
    "123", "-5", "0", "-0", "1e3", "1.0", "\"12\"", "\"\"", "null", "99999999999999999999",
    "123456789012345678", "1234567890123456789", "007", "-", "2147483648", "-2147483649", "true", "\"x\""};
  private static final String[] REALS = {"1", "-0", "1.5", "-0.0", "1e400", "\"NaN\"", "\"\"", "null", "123456789012345678", "2.5e-3"};
  private static final String[] BOOLS = {"true", "false", "1", "0", "\"true\"", "\"False\"", "null", "\"\"", "2", "tru"};
  private static final String[] GUIDS = {
    "\"0f8fad5b-d9cb-469f-a165-70867728950e\"", "\"0F8FAD5B-D9CB-469F-A165-70867728950E\"",
    "\"{0f8fad5b-d9cb-469f-a165-70867728950e}\"", "\"0f8fad5b-d9cb-469f-a165-70867728950\"",
    "\"0f8fad5bxd9cb-469f-a165-70867728950e\"", "\"0g8fad5b-d9cb-469f-a165-70867728950e\"", "\"\"", "null", "7"};
  private static final String[] DYNAMICS = {"null", "\"\"", "{\"a\":1}", "\"[1,2]\"", "\"x\"", "5", "[]", "true"};
  private static final String[] SPANS = {"null", "\"\"", "\"01:02:03\"", "\"1.02:03:04.5\"", "12"};
  private static final String[] DECIMALS = {"null", "\"\"", "1.5", "\"2\"", "3"};

  @Test
  void fastLinesAreStoredExactlyAsTheGeneralPathStoresThem() throws Exception {
    long seed = System.nanoTime();
    System.out.println("FastPathEquivalenceTest seed " + seed);
    Random rnd = new Random(seed);
    JsonRowDecoder decoder = new JsonRowDecoder(SCHEMA);
    TypedRowConverter converter = new TypedRowConverter(SCHEMA);
    JsonBytes parser = new JsonBytes();
    TableBuffer fastAll = new TableBuffer("T", List.of(), SCHEMA);
    TableBuffer generalAll = new TableBuffer("T", List.of(), SCHEMA);
    int taken = 0;
    int lines = 6000;
    for (int n = 0; n < lines; n++) {
      byte[] line = randomLine(rnd);
      String shown = new String(line, StandardCharsets.UTF_8);
      if (!decoder.decode(line, 0, line.length)) continue;
      taken++;
      for (int c = 0; c < SCHEMA.columns().size(); c++) {
        if (!decoder.isNull(c)) {
          // The hash folded in while scanning is the dictionary's hash of the same bytes.
          ScalarType t = SCHEMA.columns().get(c).type();
          if (t == ScalarType.STRING || t == ScalarType.GUID) {
            assertEquals(ByteHash.of(decoder.bytes(c), decoder.offset(c), decoder.length(c)), decoder.hash(c),
                "seed " + seed + " " + shown);
          }
        }
      }
      Object parsed;
      try {
        parsed = parser.parse(line, 0, line.length);
      } catch (JsonSyntaxError e) {
        fail("seed " + seed + ": fast path took a line the parser rejects (" + e.getMessage() + "): " + shown);
        return;
      }
      assertTrue(parsed instanceof Map<?, ?>, "seed " + seed + ": " + shown);
      @SuppressWarnings("unchecked")
      TypedRowConverter.Result r = converter.convert((Map<String, Object>) parsed);
      assertTrue(r.ok(), () -> "seed " + seed + ": fast path took a line typing rejects (" + r.reason() + "): " + shown);
      assertTrue(r.extraColumns().isEmpty(), "seed " + seed + ": " + shown);
      TableBuffer fast = new TableBuffer("T", List.of(), SCHEMA);
      TableBuffer general = new TableBuffer("T", List.of(), SCHEMA);
      fast.appendDecoded(decoder);
      general.append(r.row());
      assertSameColumns(general, fast, "seed " + seed + ": " + shown);
      fastAll.appendDecoded(decoder);
      generalAll.append(r.row());
    }
    assertSameColumns(generalAll, fastAll, "seed " + seed + " (all rows)");
    // Most lines are ordinary: the fast path must actually be taken.
    assertTrue(taken > lines / 10, "seed " + seed + ": only " + taken + " of " + lines + " lines were fast");
    assertTrue(taken < lines, "seed " + seed + ": odd lines must take the general path");
  }

  @Test
  void declinesWhatItCannotBeSureOf() {
    JsonRowDecoder d = new JsonRowDecoder(SCHEMA);
    String[] declined = {
      "", "[1]", "\"x\"", "{", "{\"S\":\"a\"", "{\"S\":\"a\"} x", "{\"S\":\"a\",}", "{\"S\":\"a\",\"S\":\"b\"}",
      "{\"Extra\":1}", "{\"records\":[{\"S\":\"a\"}]}", "{\"S\\u0041\":\"a\"}", "{\"S\":{\"a\":1}}", "{\"L\":1.5}",
      "{\"L\":\"12\"}", "{\"S\":\"\u0001\"}", "{\"D\":{}}", "{'S':'a'}", "{\"S\":\"a\"}}",
    };
    for (String s : declined) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      assertFalse(d.decode(b, 0, b.length), s);
    }
    byte[] badUtf8 = {'{', '"', 'S', '"', ':', '"', 'a', (byte) 0xC3, '"', '}'};
    assertFalse(d.decode(badUtf8, 0, badUtf8.length));
    byte[] ok = " { \"S\" : \"a\" , \"L\" : -3 , \"B\" : true } ".getBytes(StandardCharsets.UTF_8);
    assertTrue(d.decode(ok, 0, ok.length));
    assertEquals(-3, d.longValue(3));
    assertTrue(d.isNull(0));
    byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
    assertTrue(d.decode(empty, 0, empty.length));
  }

  private static void assertSameColumns(TableBuffer want, TableBuffer got, String what) {
    assertEquals(want.partitions.keySet(), got.partitions.keySet(), what);
    for (Map.Entry<Long, TableBuffer.Partition> e : want.partitions.entrySet()) {
      TableBuffer.Partition a = e.getValue();
      TableBuffer.Partition b = got.partitions.get(e.getKey());
      assertEquals(a.rows, b.rows, what);
      assertEquals(a.minTime, b.minTime, what);
      assertEquals(a.maxTime, b.maxTime, what);
      for (int c = 0; c < SCHEMA.columns().size(); c++) {
        ColumnBuffer.Encoded x = a.columns[c].encode();
        ColumnBuffer.Encoded y = b.columns[c].encode();
        String col = what + " column " + SCHEMA.columns().get(c).name();
        assertEquals(x.stats(), y.stats(), col);
        assertArrayEquals(x.nulls(), y.nulls(), col);
        assertArrayEquals(x.dictionary(), y.dictionary(), col);
        assertArrayEquals(x.data(), y.data(), col);
      }
    }
  }

  private static byte[] randomLine(Random rnd) {
    List<String> members = new ArrayList<>();
    String[][] pools = {DATETIMES, STRINGS, STRINGS, LONGS, LONGS, REALS, BOOLS, GUIDS, DYNAMICS, SPANS, DECIMALS};
    boolean ordinary = rnd.nextInt(3) > 0;
    for (int c = 0; c < pools.length; c++) {
      if (rnd.nextInt(8) == 0) continue; // a missing column
      String v = ordinary ? pools[c][rnd.nextInt(2)] : pools[c][rnd.nextInt(pools[c].length)];
      String ws = rnd.nextInt(10) == 0 ? " " : "";
      members.add("\"" + SCHEMA.columns().get(c).name() + "\"" + ws + ":" + ws + v);
    }
    if (rnd.nextInt(4) == 0) Collections.shuffle(members, rnd);
    if (rnd.nextInt(40) == 0) members.add("\"Extra\":1");
    if (rnd.nextInt(40) == 0 && !members.isEmpty()) members.add(members.get(0));
    String text = "{" + String.join(",", members) + "}";
    if (rnd.nextInt(40) == 0) text = text.substring(0, rnd.nextInt(text.length()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    out.write(b, 0, b.length);
    byte[] line = out.toByteArray();
    if (rnd.nextInt(30) == 0 && line.length > 2) line[1 + rnd.nextInt(line.length - 2)] = (byte) (0x80 + rnd.nextInt(128));
    return line;
  }
}
