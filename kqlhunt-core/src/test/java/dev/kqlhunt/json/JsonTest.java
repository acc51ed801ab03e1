package dev.kqlhunt.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void parsesNestedValuesKeepingMemberOrder() {
    Object v = Json.parse("{\"b\": [1, 2.5, \"x\", true, null], \"a\": {\"c\": -3e2}}");
    Map<?, ?> map = (Map<?, ?>) v;
    assertEquals(List.of("b", "a"), List.copyOf(map.keySet()));
    List<?> b = (List<?>) map.get("b");
    assertEquals(1L, b.get(0));
    assertEquals(2.5, b.get(1));
    assertEquals("x", b.get(2));
    assertEquals(true, b.get(3));
    assertNull(b.get(4));
    assertEquals(-300.0, ((Map<?, ?>) map.get("a")).get("c"));
  }

  @Test
  void decodesEscapes() {
    assertEquals("a\"b\\c/\n\u00e9\u20ac", Json.parse("\"a\\\"b\\\\c\\/\\n\\u00e9\\u20AC\""));
  }

  @Test
  void integersBeyondLongBecomeBigDecimal() {
    assertEquals(Long.MAX_VALUE, Json.parse("9223372036854775807"));
    assertEquals(new BigDecimal("9223372036854775808"), Json.parse("9223372036854775808"));
  }

  @Test
  void writesCompactJsonThatParsesBack() {
    String text = "{\"k\":[1,2.5,\"q\\\"\\n\",false,null,{}],\"e\":[]}";
    assertEquals(text, Json.write(Json.parse(text)));
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("{\"a\":1,}", 1, 8),
        Arguments.of("[1 2]", 1, 4),
        Arguments.of("\"abc", 1, 5),
        Arguments.of("tru", 1, 1),
        Arguments.of("01", 1, 2),
        Arguments.of("{\"a\":1}\n  x", 2, 3),
        Arguments.of("\"\\q\"", 1, 3),
        Arguments.of("-", 1, 2));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void reportsMalformedInputWithPosition(String text, int line, int column) {
    JsonException e = assertThrows(JsonException.class, () -> Json.parse(text));
    assertEquals(line, e.line(), e.getMessage());
    assertEquals(column, e.column(), e.getMessage());
  }

  @Test
  void rejectsHostileNesting() {
    String deep = "[".repeat(Json.MAX_DEPTH + 5) + "]".repeat(Json.MAX_DEPTH + 5);
    assertThrows(JsonException.class, () -> Json.parse(deep));
  }
}
