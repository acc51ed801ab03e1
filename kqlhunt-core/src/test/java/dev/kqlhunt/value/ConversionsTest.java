package dev.kqlhunt.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConversionsTest {

  /** How reals print: .NET Core round-trip rules, which Kusto inherits. */
  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource({
    "1.5,1.5", "1.0,1", "118.0,118", "-2.25,-2.25", "1e20,1E+20", "1e15,1E+15",
    "123456789012345.0,123456789012345", "0.0001,0.0001", "0.00001,1E-05", "1.2345e-7,1.2345E-07",
    "28.503633853548269,28.50363385354827", "0.1,0.1", "1e100,1E+100", "-1e-10,-1E-10",
    "50.125,50.125", "0.3333333333333333,0.3333333333333333", "1234567.5,1234567.5",
  })
  void realFormat(double value, String expected) {
    assertEquals(expected, RealFormat.format(value));
  }

  @Test
  void realSpecials() {
    assertEquals("NaN", RealFormat.format(Double.NaN));
    // isfinite-function.md prints the infinities as ∞ and -∞
    assertEquals("\u221E", RealFormat.format(Double.POSITIVE_INFINITY));
    assertEquals("-\u221E", RealFormat.format(Double.NEGATIVE_INFINITY));
    assertEquals("0", RealFormat.format(0.0));
  }

  /** toint-function.md, tolong-function.md, toreal, tobool: bad input is null. */
  @Test
  void stringsToNumbers() {
    assertEquals(123, Conversions.toInt("123"));
    assertEquals(-5, Conversions.toLong(" -5 "));
    assertEquals(Conversions.NULL_LONG, Conversions.toLong("1.5"));
    assertEquals(Conversions.NULL_LONG, Conversions.toLong("abc"));
    assertEquals(Conversions.NULL_LONG, Conversions.toLong("99999999999999999999"));
    assertEquals(Conversions.NULL_INT, Conversions.toInt("3000000000"));
    assertEquals(2, Conversions.toInt(2.3));
    assertEquals(-2, Conversions.toInt(-2.7));
    assertEquals(Conversions.NULL_LONG, Conversions.toLong(Double.NaN));
    assertEquals(1.5, Conversions.toReal("1.5"));
    assertEquals(1e5, Conversions.toReal("1e5"));
    assertTrue(Double.isNaN(Conversions.toReal("NaN")));
    assertTrue(!Conversions.isNullReal(Conversions.toReal("NaN")), "NaN is a value, not null");
    assertTrue(Conversions.isNullReal(Conversions.toReal("1d")));
    assertTrue(Conversions.isNullReal(Conversions.toReal("0x10")));
    assertTrue(Conversions.isNullReal(Conversions.toReal("")));
    assertEquals(KustoBool.TRUE, Conversions.toBool("True"));
    assertEquals(KustoBool.FALSE, Conversions.toBool("false"));
    assertEquals(KustoBool.TRUE, Conversions.toBool("1"));
    assertEquals(KustoBool.NULL, Conversions.toBool("yes"));
    assertEquals(new BigDecimal("1.50"), Conversions.toDecimal("1.50"));
    assertNull(Conversions.toDecimal("x"));
  }

  @Test
  void fromDynamic() {
    assertEquals(5, Conversions.toLong(DynamicJson.parse("5")));
    assertEquals(5, Conversions.toLong(DynamicJson.parse("5.9")));
    assertEquals(7, Conversions.toLong(DynamicJson.parse("\"7\"")));
    assertEquals(Conversions.NULL_LONG, Conversions.toLong(DynamicJson.parse("[1]")));
    assertEquals(2.5, Conversions.toReal(DynamicJson.parse("2.5")));
    assertEquals(KustoBool.TRUE, Conversions.toBool(DynamicJson.parse("true")));
    assertEquals("2019-01-01T00:00:00.0000000Z",
        DateTimes.format(Conversions.toDateTime(DynamicJson.parse("\"2019-01-01\""))));
    assertEquals("00:03:00",
        Timespans.format(Conversions.toTimespan(DynamicJson.parse("\"00:03:00\""))));
  }

  /** toguid-function.md. */
  @Test
  void guids() {
    assertEquals("01234567-89ab-cdef-0123-456789abcdef",
        Guids.format(Guids.parse("0123456789abcdef0123456789abcdef")));
    assertEquals("01234567-89ab-cdef-0123-456789abcdef",
        Guids.format(Guids.parse("0123456789ab-cdef-0123-456789abcdef")));
    assertEquals("01234567-89ab-cdef-0123-456789abcdef",
        Guids.format(Guids.parse("{01234567-89AB-CDEF-0123-456789ABCDEF}")));
    assertNull(Guids.parse("a string that is not a guid"));
    assertNull(Guids.parse("0123456789abcdef0123456789abcde"));
    assertEquals("", Guids.format(null));
  }

  /** null-values.md: the truth tables of and/or/not/==/!= with nulls. */
  @Test
  void threeValuedLogic() {
    byte t = KustoBool.TRUE, f = KustoBool.FALSE, n = KustoBool.NULL;
    assertEquals(f, KustoBool.and(n, f));
    assertEquals(n, KustoBool.and(n, t));
    assertEquals(t, KustoBool.and(t, t));
    assertEquals(t, KustoBool.or(n, t));
    assertEquals(n, KustoBool.or(n, f));
    assertEquals(f, KustoBool.or(f, f));
    assertEquals(n, KustoBool.not(n));
    assertEquals(f, KustoBool.not(t));
    // val == int(null): null for a null val, false for 5; val != int(null): null, and true for 5
    assertEquals(n, KustoBool.equality(true, true, false, false));
    assertEquals(f, KustoBool.equality(false, true, false, false));
    assertEquals(n, KustoBool.equality(true, true, false, true));
    assertEquals(t, KustoBool.equality(false, true, false, true));
    // where ival != 5 keeps the null row: null != 5 is true
    assertTrue(KustoBool.keeps(KustoBool.equality(true, false, false, true)));
    // val > 3 is null for a null val; `or isnull(val)` makes it true
    assertEquals(n, KustoBool.ordered(true, false, false));
    assertEquals(t, KustoBool.or(KustoBool.ordered(true, false, false), t));
    assertTrue(!KustoBool.keeps(n));
  }
}
