package dev.kqlhunt.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DynamicTest {

  /** parse_json then print, as Kusto shows dynamic cells. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // parse-json-function.md: reals that are integral print without a fraction
        "'{\"duration\":{\"value\":118.0,\"count\":5.0,\"min\":100.0,\"stdDev\":0.0}}'"
            + "|'{\"duration\":{\"value\":118,\"count\":5,\"min\":100,\"stdDev\":0}}'",
        "'[1, 2, 3, \"four\"]'|'[1,2,3,\"four\"]'",
        "'{\"b\":1, \"a\":2}'|'{\"b\":1,\"a\":2}'",
        "'[50.125, 1e20, 0.00001, true, null]'|'[50.125,1E+20,1E-05,true,null]'",
        "'\"text\"'|'\"text\"'",
        "'not json'|'\"not json\"'",
        "'{\"a\":'|'\"{\\\"a\\\":\"'",
        "'{}'|'{}'",
        "'[]'|'[]'",
      })
  void parseAndPrint(String json, String printed) {
    assertEquals(printed, DynamicJson.write(DynamicJson.parse(json)));
  }

  @Test
  void blankIsNull() {
    assertTrue(DynamicJson.parse("").isNull());
    assertTrue(DynamicJson.parse("  ").isNull());
    assertTrue(DynamicJson.parse("null").isNull());
  }

  @Test
  void accessors() {
    Dynamic d = DynamicJson.parse("{\"a\":\"b\",\"c\":[10,20,30],\"n\":{\"d\":123}}");
    assertEquals(Dynamic.of("b"), DynamicOps.property(d, "a"));
    assertTrue(DynamicOps.property(d, "A").isNull(), "property names are case-sensitive");
    assertTrue(DynamicOps.property(Dynamic.of(1L), "a").isNull());
    Dynamic c = DynamicOps.property(d, "c");
    assertEquals(Dynamic.of(10L), DynamicOps.index(c, 0));
    assertEquals(Dynamic.of(30L), DynamicOps.index(c, -1));
    assertTrue(DynamicOps.index(c, 3).isNull());
    assertTrue(DynamicOps.index(c, -4).isNull());
    assertEquals(Dynamic.of(123L), DynamicOps.property(DynamicOps.property(d, "n"), "d"));
    // parse-json-function.md: parse_json(tostring(parse_json(d).b)).c
    Dynamic outer = DynamicJson.parse("{\"a\":123, \"b\":\"{\\\"c\\\":456}\"}");
    Dynamic inner = DynamicJson.parse(Conversions.toStringOf(DynamicOps.property(outer, "b")));
    assertEquals(Dynamic.of(456L), DynamicOps.property(inner, "c"));
  }

  /** array-length-function.md, bag-keys-function.md. */
  @Test
  void arrayLengthAndBagKeys() {
    assertEquals(4, DynamicOps.arrayLength(DynamicJson.parse("[1, 2, 3, \"four\"]")));
    assertEquals(Conversions.NULL_LONG, DynamicOps.arrayLength(DynamicJson.parse("{}")));
    assertEquals("[\"a\",\"c\"]",
        DynamicJson.write(DynamicOps.bagKeys(DynamicJson.parse("{\"a\":\"b\", \"c\":123}"))));
    assertEquals("[]", DynamicJson.write(DynamicOps.bagKeys(DynamicJson.parse("{}"))));
    assertTrue(DynamicOps.bagKeys(Dynamic.of("a")).isNull());
    assertTrue(DynamicOps.bagKeys(DynamicJson.parse("[]")).isNull());
    assertTrue(DynamicOps.bagKeys(Dynamic.NULL).isNull());
  }

  @Test
  void tostringOfDynamic() {
    assertEquals("abc", Conversions.toStringOf(Dynamic.of("abc")));
    assertEquals("", Conversions.toStringOf(Dynamic.NULL));
    assertEquals("1.5", Conversions.toStringOf(Dynamic.of(1.5)));
    assertEquals("true", Conversions.toStringOf(Dynamic.TRUE));
    assertEquals("[1,\"2\",\"00:00:02\"]", // pack-array-function.md
        Conversions.toStringOf(Dynamic.array(Dynamic.of(1L), Dynamic.of("2"),
            new Dynamic.DynTimespan(2 * DateTimes.TICKS_PER_SECOND))));
    assertEquals("{\"t\":\"2019-01-01T00:00:00.0000000Z\"}",
        Conversions.toStringOf(Dynamic.bag("t", new Dynamic.DynDateTime(
            DateTimeParser.parse("2019-01-01")))));
  }

  @Test
  void equalityIsStructuralAndTypeExact() {
    assertEquals(DynamicJson.parse("{\"a\":[1,{\"b\":null}]}"),
        DynamicJson.parse("{ \"a\" : [ 1 , { \"b\" : null } ] }"));
    assertNotEquals(DynamicJson.parse("1"), DynamicJson.parse("1.0"));
    assertNotEquals(DynamicJson.parse("{\"a\":1,\"b\":2}"), DynamicJson.parse("[1,2]"));
    assertEquals("dictionary", DynamicOps.typeName(DynamicJson.parse("{}")));
    assertEquals("array", DynamicOps.typeName(DynamicJson.parse("[]")));
    assertEquals("real", DynamicOps.typeName(DynamicJson.parse("1.0")));
    assertEquals("long", DynamicOps.typeName(DynamicJson.parse("1")));
  }
}
