package dev.kqlhunt.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kqlhunt.symbols.ScalarType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValueConversionTest {
  static Stream<Arguments> conversions() {
    return Stream.of(
        Arguments.of(ScalarType.LONG, "42", 42L),
        Arguments.of(ScalarType.LONG, " -7 ", -7L),
        Arguments.of(ScalarType.LONG, "12.0", 12L),
        Arguments.of(ScalarType.LONG, 3.0, 3L),
        Arguments.of(ScalarType.LONG, "", null),
        Arguments.of(ScalarType.LONG, null, null),
        Arguments.of(ScalarType.INT, 443L, 443),
        Arguments.of(ScalarType.REAL, "1.5", 1.5),
        Arguments.of(ScalarType.REAL, 2L, 2.0),
        Arguments.of(ScalarType.REAL, "NaN", Double.NaN),
        Arguments.of(ScalarType.DECIMAL, "1.10", new BigDecimal("1.10")),
        Arguments.of(ScalarType.BOOL, "True", true),
        Arguments.of(ScalarType.BOOL, "0", false),
        Arguments.of(ScalarType.BOOL, 1L, true),
        Arguments.of(ScalarType.STRING, 42L, "42"),
        Arguments.of(ScalarType.STRING, 1.5, "1.5"),
        Arguments.of(ScalarType.STRING, 2.0, "2"),
        Arguments.of(ScalarType.STRING, "", ""),
        Arguments.of(ScalarType.STRING, Map.of("a", 1L), "{\"a\":1}"),
        Arguments.of(ScalarType.STRING, Instant.parse("2024-01-02T03:04:05.5Z"), "2024-01-02T03:04:05.5000000Z"),
        Arguments.of(ScalarType.STRING, Duration.ofMinutes(90), "01:30:00"),
        Arguments.of(ScalarType.DATETIME, "2024-01-02T03:04:05Z", Instant.parse("2024-01-02T03:04:05Z")),
        Arguments.of(ScalarType.TIMESPAN, "1.02:03:04.5", Duration.parse("P1DT2H3M4.5S")),
        Arguments.of(ScalarType.TIMESPAN, "-00:00:01", Duration.ofSeconds(-1)),
        Arguments.of(ScalarType.GUID, "{0D4C2E49-0000-0000-0000-000000000001}", UUID.fromString("0d4c2e49-0000-0000-0000-000000000001")),
        Arguments.of(ScalarType.DYNAMIC, "{\"a\":[1,2]}", Map.of("a", List.of(1L, 2L))),
        Arguments.of(ScalarType.DYNAMIC, "{not json", "{not json"),
        Arguments.of(ScalarType.DYNAMIC, "plain", "plain"),
        Arguments.of(ScalarType.DYNAMIC, 5L, 5L),
        Arguments.of(ScalarType.DYNAMIC, "", null));
  }

  @ParameterizedTest
  @MethodSource("conversions")
  void converts(ScalarType type, Object in, Object expected) throws Exception {
    assertEquals(expected, ValueConversion.convert(type, in));
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(ScalarType.LONG, "forty", "not a number"),
        Arguments.of(ScalarType.LONG, "1.5", "not an integer"),
        Arguments.of(ScalarType.LONG, 1.5, "not an integer"),
        Arguments.of(ScalarType.LONG, "99999999999999999999", "out of the long range"),
        Arguments.of(ScalarType.LONG, true, "a boolean is not a long"),
        Arguments.of(ScalarType.INT, 3_000_000_000L, "out of the int range"),
        Arguments.of(ScalarType.REAL, "1,5", "not a number"),
        Arguments.of(ScalarType.BOOL, "yes", "not a boolean"),
        Arguments.of(ScalarType.DATETIME, "noon", "unparseable datetime"),
        Arguments.of(ScalarType.DATETIME, 1700000000L, "a number is not a datetime"),
        Arguments.of(ScalarType.TIMESPAN, "1h", "unparseable timespan"),
        Arguments.of(ScalarType.GUID, "not-a-guid", "not a guid"),
        Arguments.of(ScalarType.LONG, Map.of(), "a JSON object is not a long"));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void rejects(ScalarType type, Object in, String reason) {
    ValueConversion.BadValue e =
        assertThrows(ValueConversion.BadValue.class, () -> ValueConversion.convert(type, in));
    assertEquals(reason, e.getMessage());
  }
}
