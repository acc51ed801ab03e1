package dev.kqlhunt.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimespansTest {

  /** scalar-data-types/timespan.md literal table and totimespan-function.md. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2d|2.00:00:00",
        "1.5h|01:30:00",
        "30m|00:30:00",
        "10s|00:00:10",
        "0.1s|00:00:00.1000000",
        "100ms|00:00:00.1000000",
        "10microsecond|00:00:00.0000100",
        "1tick|00:00:00.0000001",
        "15 seconds|00:00:15",
        "2|2.00:00:00",
        "0.12:34:56.7|12:34:56.7000000",
        "0.00:03:00|00:03:00",
        "25min|00:25:00",
        "29.09:00:05.12345|29.09:00:05.1234500",
        "-1.02:03:04.5|-1.02:03:04.5000000",
        "1.02:03:04.5|1.02:03:04.5000000",
        "12:00|12:00:00",
      })
  void parseAndFormat(String text, String expected) {
    assertEquals(expected, Timespans.format(Timespans.parse(text)));
  }

  @ParameterizedTest
  @CsvSource({"abc", "1x", "25:00:00", "1:60", "''"})
  void badTextIsNull(String text) {
    assertEquals(Timespans.NULL, Timespans.parse(text == null ? "" : text));
  }

  @Test
  void arithmetic() {
    long day = Timespans.parse("1d");
    long sec = Timespans.parse("1s");
    // timespan.md: 1d / 1s, time(1d) / time(1s), 24 * 60 * time(00:01:00) / time(1s)
    assertEquals(86400.0, Timespans.divide(day, sec));
    assertEquals(86400.0, Timespans.divide(24 * 60 * Timespans.parse("00:01:00"), sec));
    // make-timespan-function.md: make_timespan(1,12,30,55.123)
    long t = day + 12 * Timespans.parse("1h") + 30 * Timespans.parse("1m")
        + Timespans.of(55.123, DateTimes.TICKS_PER_SECOND);
    assertEquals("1.12:30:55.1230000", Timespans.format(t));
    assertEquals("-00:00:01", Timespans.format(-sec));
    // totimespan-function.md: value * 1h, value * 2m, 5 * 4s
    assertEquals("05:00:00", Timespans.format(Timespans.multiply(Timespans.parse("1h"), 5)));
    assertEquals("00:10:00", Timespans.format(Timespans.multiply(Timespans.parse("2m"), 5)));
    assertEquals("00:00:20", Timespans.format(Timespans.multiply(Timespans.parse("4s"), 5)));
    assertEquals(Timespans.NULL, Timespans.multiply(Timespans.NULL, 2));
    // datetime-timespan-arithmetic.md: datetime(1970-01-01) + 1546897531 * 1sec
    long unix = DateTimes.plus(DateTimeParser.parse("1970-01-01"), Timespans.multiply(sec, 1546897531));
    assertEquals("2019-01-07T21:45:31.0000000Z", DateTimes.format(unix));
    assertEquals(1546897531.0,
        Timespans.divide(DateTimes.minus(unix, DateTimeParser.parse("1970-01-01")), sec));
    assertEquals(DateTimes.NULL, DateTimes.plus(DateTimes.MAX_TICKS, 1));
    assertEquals(DateTimes.NULL, DateTimes.plus(DateTimes.NULL, 1));
    assertEquals(Timespans.NULL, DateTimes.minus(DateTimes.NULL, 1));
    assertEquals("", Timespans.format(Timespans.NULL));
  }

  /** format-timespan-function.md: t = time(29.09:00:05.12345). */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "dd.hh:mm:ss:FF|29.09:00:05:12",
        "ddd.h:mm:ss [fffffff]|029.9:00:05 [1234500]",
        "d.hh:mm:ss.FFFFFFF|29.09:00:05.12345",
        "s.ff|5.12",
      })
  void formatTimespan(String pattern, String expected) {
    assertEquals(expected, TimespanFormat.compile(pattern).format(Timespans.parse("29.09:00:05.12345")));
  }

  @Test
  void formatNegativeAndNull() {
    assertEquals("-01:30", TimespanFormat.compile("hh:mm").format(-Timespans.parse("1.5h")));
    assertEquals("", TimespanFormat.compile("hh:mm").format(Timespans.NULL));
  }
}
