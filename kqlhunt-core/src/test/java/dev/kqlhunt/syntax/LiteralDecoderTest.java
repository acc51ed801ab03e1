package dev.kqlhunt.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.kqlhunt.syntax.tree.LiteralKind;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiteralDecoderTest {
  /** 2016-01-01T00:00:00Z in ticks, as Kusto's tolong(datetime(2016-01-01)) reports. */
  static final long NEW_YEAR_2016 = 635_872_032_000_000_000L;

  @ParameterizedTest
  @CsvSource(textBlock = """
      2016-01-01, 0
      2016-01-01 00:00:01, 10000000
      2016-01-01T00:00:01Z, 10000000
      2016-01-01T00:00:01.5, 15000000
      2016-01-01T01:00:00+01:00, 0
      2015-12-31 23:59:59.9, -1000000
      2016-01-01T00:00:00.0000001Z, 1
      'Fri, 01 Jan 2016 00:00:00 GMT', 0
      """)
  void decodesDatetimesToTicks(String text, long offsetFromNewYear) {
    assertEquals(NEW_YEAR_2016 + offsetFromNewYear, LiteralDecoder.decode(LiteralKind.DATETIME, text));
  }

  @ParameterizedTest
  @CsvSource(textBlock = """
      1.02:03:04.5, 937845000000
      02:03, 73800000000
      -00:00:01, -10000000
      1d, 864000000000
      30m, 18000000000
      2, 1728000000000
      """)
  void decodesTimespans(String text, long ticks) {
    assertEquals(ticks, LiteralDecoder.decode(LiteralKind.TIMESPAN, text));
  }

  @Test
  void decodesScalars() {
    assertEquals(-1L, LiteralDecoder.decode(LiteralKind.LONG, "-1"));
    assertEquals(5, LiteralDecoder.decode(LiteralKind.INT, "+5"));
    assertEquals(Double.NaN, LiteralDecoder.decode(LiteralKind.REAL, "nan"));
    assertEquals(Double.NEGATIVE_INFINITY, LiteralDecoder.decode(LiteralKind.REAL, "-inf"));
    assertEquals(new BigDecimal("1.50"), LiteralDecoder.decode(LiteralKind.DECIMAL, "1.50"));
    assertEquals(Boolean.TRUE, LiteralDecoder.decode(LiteralKind.BOOL, "true"));
    assertEquals(UUID.fromString("74be27de-1e4e-49d9-b579-fe0b331d3642"),
        LiteralDecoder.decode(LiteralKind.GUID, "74be27de-1e4e-49d9-b579-fe0b331d3642"));
  }

  @Test
  void nullAndInvalidInsides() {
    assertNull(LiteralDecoder.decode(LiteralKind.DATETIME, "null"));
    assertNull(LiteralDecoder.decode(LiteralKind.INT, "null"));
    assertSame(LiteralDecoder.INVALID, LiteralDecoder.decode(LiteralKind.LONG, "x"));
    assertSame(LiteralDecoder.INVALID, LiteralDecoder.decode(LiteralKind.DATETIME, "yesterday"));
    assertSame(LiteralDecoder.INVALID, LiteralDecoder.decode(LiteralKind.GUID, "not-a-guid"));
  }
}
