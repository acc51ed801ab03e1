package dev.kqlhunt.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateTimesTest {

  static long dt(String text) {
    long t = DateTimeParser.parse(text);
    if (t == DateTimes.NULL) throw new AssertionError("did not parse: " + text);
    return t;
  }

  /** Every example of scalar-data-types/datetime.md, and a few offsets and US-style dates. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2015-12-31 23:59:59.9|2015-12-31T23:59:59.9000000Z",
        "2015-12-31|2015-12-31T00:00:00.0000000Z",
        "2014-05-25T08:20:03.123456Z|2014-05-25T08:20:03.1234560Z",
        "2014-05-25T08:20:03.123456|2014-05-25T08:20:03.1234560Z",
        "2014-05-25T08:20|2014-05-25T08:20:00.0000000Z",
        "2014-11-08 15:55:55.123456Z|2014-11-08T15:55:55.1234560Z",
        "2014-11-08 15:55:55|2014-11-08T15:55:55.0000000Z",
        "2014-11-08 15:55|2014-11-08T15:55:00.0000000Z",
        "2014-11-08|2014-11-08T00:00:00.0000000Z",
        "'Sat, 8 Nov 14 15:05:02 GMT'|2014-11-08T15:05:02.0000000Z",
        "'Sat, 8 Nov 14 15:05:02'|2014-11-08T15:05:02.0000000Z",
        "'Sat, 8 Nov 14 15:05'|2014-11-08T15:05:00.0000000Z",
        "'Sat, 8 Nov 14 15:05 GMT'|2014-11-08T15:05:00.0000000Z",
        "8 Nov 14 15:05:02 GMT|2014-11-08T15:05:02.0000000Z",
        "8 Nov 14 15:05:02|2014-11-08T15:05:02.0000000Z",
        "8 Nov 14 15:05|2014-11-08T15:05:00.0000000Z",
        "8 Nov 14 15:05 GMT|2014-11-08T15:05:00.0000000Z",
        "'Saturday, 08-Nov-14 15:05:02 GMT'|2014-11-08T15:05:02.0000000Z",
        "'Saturday, 08-Nov-14 15:05:02'|2014-11-08T15:05:02.0000000Z",
        "'Saturday, 08-Nov-14 15:05 GMT'|2014-11-08T15:05:00.0000000Z",
        "'Saturday, 08-Nov-14 15:05'|2014-11-08T15:05:00.0000000Z",
        "08-Nov-14 15:05:02 GMT|2014-11-08T15:05:02.0000000Z",
        "08-Nov-14 15:05|2014-11-08T15:05:00.0000000Z",
        "2014-11-08 15:05:25 GMT|2014-11-08T15:05:25.0000000Z",
        "2014-11-08T15:05:25 GMT|2014-11-08T15:05:25.0000000Z",
        "2014-11-08T15:05 GMT|2014-11-08T15:05:00.0000000Z",
        "1970-5-12|1970-05-12T00:00:00.0000000Z",
        "2017-01-01 10:10:17|2017-01-01T10:10:17.0000000Z",
        "2024-01-02T05:04:05.123+02:00|2024-01-02T03:04:05.1230000Z",
        "2024-01-02T01:04:05-0200|2024-01-02T03:04:05.0000000Z",
        "Tue, 02 Jan 2024 03:04:05 EST|2024-01-02T08:04:05.0000000Z",
        "12-02-2022|2022-12-02T00:00:00.0000000Z",
        "2024-01-02T03:04:05.123456789Z|2024-01-02T03:04:05.1234567Z",
        "0001-01-01|0001-01-01T00:00:00.0000000Z",
        "9999-12-31 23:59:59.9999999|9999-12-31T23:59:59.9999999Z",
      })
  void parsesDocumentedFormats(String text, String iso) {
    assertEquals(iso, DateTimes.format(dt(text)));
  }

  @ParameterizedTest
  @CsvSource({"2015-02-30", "2015-13-01", "hello", "2015-01-01 25:00", "'2015-01-01 10:00 XYZ'", "''",
      "2015-1-1T", "10000-01-01"})
  void badTextIsNull(String text) {
    assertEquals(DateTimes.NULL, DateTimeParser.parse(text == null ? "" : text));
  }

  @Test
  void ticksAreDotNetTicks() {
    // datetime.md: 31241376000000000 ticks is 0100-01-01 00:00:00
    assertEquals(31_241_376_000_000_000L, dt("0100-01-01"));
    assertEquals(621_355_968_000_000_000L, DateTimes.UNIX_EPOCH_TICKS);
    // datetime-timespan-arithmetic.md: datetime(1970-01-01) + 1546897531 * 1sec
    long t = DateTimes.UNIX_EPOCH_TICKS + 1546897531L * DateTimes.TICKS_PER_SECOND;
    assertEquals("2019-01-07T21:45:31.0000000Z", DateTimes.format(t));
    assertEquals(1546897531L, (t - dt("1970-01-01")) / DateTimes.TICKS_PER_SECOND);
    assertEquals(DateTimes.MAX_TICKS, dt("9999-12-31 23:59:59.9999999"));
  }

  /**
   * The string form of a datetime is pinned by the documented hashes of datetime(2020-01-01):
   * hash-md5-function.md, hash-sha1-function.md, hash-sha256-function.md hash exactly that text.
   */
  @Test
  void stringFormIsPinnedByDocumentedHashes() throws Exception {
    String text = DateTimes.format(dt("2020-01-01"));
    assertEquals("2020-01-01T00:00:00.0000000Z", text);
    assertEquals("786c530672d1f8db31fee25ea8a9390b", digest("MD5", text));
    assertEquals("e903e533f4d636b4fc0dcf3cf81e7b7f330de776", digest("SHA-1", text));
    assertEquals(
        "ba666752dc1a20eb750b0eb64e780cc4c968bc9fb8813461c1d7e750f302d71d",
        digest("SHA-256", text));
  }

  private static String digest(String algorithm, String text) throws Exception {
    byte[] hash = java.security.MessageDigest.getInstance(algorithm)
        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return java.util.HexFormat.of().formatHex(hash);
  }

  /** startof*.md / endof*.md: range offset from -1 to 1 applied to 2017-01-01 10:10:17. */
  @Test
  void startAndEndOfPeriods() {
    long t = dt("2017-01-01 10:10:17");
    String[][] expected = {
      {"2016-12-31T00:00:00.0000000Z", "2017-01-01T00:00:00.0000000Z", "2017-01-02T00:00:00.0000000Z"},
      {"2016-12-25T00:00:00.0000000Z", "2017-01-01T00:00:00.0000000Z", "2017-01-08T00:00:00.0000000Z"},
      {"2016-12-01T00:00:00.0000000Z", "2017-01-01T00:00:00.0000000Z", "2017-02-01T00:00:00.0000000Z"},
      {"2016-01-01T00:00:00.0000000Z", "2017-01-01T00:00:00.0000000Z", "2018-01-01T00:00:00.0000000Z"},
      {"2016-12-31T23:59:59.9999999Z", "2017-01-01T23:59:59.9999999Z", "2017-01-02T23:59:59.9999999Z"},
      {"2016-12-31T23:59:59.9999999Z", "2017-01-07T23:59:59.9999999Z", "2017-01-14T23:59:59.9999999Z"},
      {"2016-12-31T23:59:59.9999999Z", "2017-01-31T23:59:59.9999999Z", "2017-02-28T23:59:59.9999999Z"},
      {"2016-12-31T23:59:59.9999999Z", "2017-12-31T23:59:59.9999999Z", "2018-12-31T23:59:59.9999999Z"},
    };
    for (int o = -1; o <= 1; o++) {
      int i = o + 1;
      assertEquals(expected[0][i], DateTimes.format(DateTimes.startOfDay(t, o)));
      assertEquals(expected[1][i], DateTimes.format(DateTimes.startOfWeek(t, o)));
      assertEquals(expected[2][i], DateTimes.format(DateTimes.startOfMonth(t, o)));
      assertEquals(expected[3][i], DateTimes.format(DateTimes.startOfYear(t, o)));
      assertEquals(expected[4][i], DateTimes.format(DateTimes.endOfDay(t, o)));
      assertEquals(expected[5][i], DateTimes.format(DateTimes.endOfWeek(t, o)));
      assertEquals(expected[6][i], DateTimes.format(DateTimes.endOfMonth(t, o)));
      assertEquals(expected[7][i], DateTimes.format(DateTimes.endOfYear(t, o)));
    }
  }

  /** day-of-week-function.md. */
  @Test
  void dayOfWeek() {
    assertEquals("00:00:00", Timespans.format(DateTimes.dayOfWeek(dt("1947-11-30 10:00:05"))));
    assertEquals("1.00:00:00", Timespans.format(DateTimes.dayOfWeek(dt("1970-05-11"))));
    assertEquals("2.00:00:00", Timespans.format(DateTimes.dayOfWeek(dt("1970-5-12"))));
  }

  /** datetime-part-function.md on 2017-10-30 01:02:03.7654321. */
  @Test
  void datetimePart() {
    long t = dt("2017-10-30 01:02:03.7654321");
    String[] names = {"year", "quarter", "month", "week_of_year", "day", "dayOfYear", "hour",
        "minute", "second", "millisecond", "microsecond", "nanosecond"};
    long[] expected = {2017, 4, 10, 44, 30, 303, 1, 2, 3, 765, 765432, 765432100};
    for (int i = 0; i < names.length; i++) {
      assertEquals(expected[i], DateTimes.part(DateTimePart.fromName(names[i]), t), names[i]);
    }
    assertEquals(2015, DateTimes.part(DateTimePart.YEAR, dt("2015-10-12")));
  }

  /** datetime-add-function.md from make_datetime(2017,1,1). */
  @Test
  void datetimeAdd() {
    long t = dt("2017-01-01");
    String[][] cases = {
      {"year", "2018-01-01T00:00:00.0000000Z"}, {"quarter", "2017-04-01T00:00:00.0000000Z"},
      {"month", "2017-02-01T00:00:00.0000000Z"}, {"week", "2017-01-08T00:00:00.0000000Z"},
      {"day", "2017-01-02T00:00:00.0000000Z"}, {"hour", "2017-01-01T01:00:00.0000000Z"},
      {"minute", "2017-01-01T00:01:00.0000000Z"}, {"second", "2017-01-01T00:00:01.0000000Z"},
    };
    for (String[] c : cases) {
      assertEquals(c[1], DateTimes.format(DateTimes.add(DateTimePart.fromName(c[0]), 1, t)), c[0]);
    }
    // month arithmetic clamps to the month's end
    assertEquals("2017-02-28T00:00:00.0000000Z",
        DateTimes.format(DateTimes.add(DateTimePart.MONTH, 1, dt("2017-01-31"))));
    assertEquals(DateTimes.NULL, DateTimes.add(DateTimePart.YEAR, 9000, t));
  }

  /** datetime-diff-function.md. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({
    "year,2017-01-01,2000-12-31,17",
    "quarter,2017-07-01,2017-03-30,2",
    "month,2017-01-01,2015-12-30,13",
    "week,2017-10-29 00:00,2017-09-30 23:59,5",
    "day,2017-10-29 00:00,2017-09-30 23:59,29",
    "hour,2017-10-31 01:00,2017-10-30 23:59,2",
    "minute,2017-10-30 23:05:01,2017-10-30 23:00:59,5",
    "second,2017-10-30 23:00:10.100,2017-10-30 23:00:00.900,10",
    "millisecond,2017-10-30 23:00:00.200100,2017-10-30 23:00:00.100900,100",
    "microsecond,2017-10-30 23:00:00.1009001,2017-10-30 23:00:00.1008009,100",
    "nanosecond,2017-10-30 23:00:00.0000000,2017-10-30 23:00:00.0000007,-700",
  })
  void datetimeDiff(String part, String a, String b, long expected) {
    assertEquals(expected, DateTimes.diff(DateTimePart.fromName(part), dt(a), dt(b)));
  }

  /** format-datetime-function.md. */
  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2017-01-29 09:00:05|yy-MM-dd [HH:mm:ss]|17-01-29 [09:00:05]",
        "2017-01-29 09:00:05|yyyy-M-dd [H:mm:ss]|2017-1-29 [9:00:05]",
        "2017-01-29 09:00:05|yy-MM-dd [hh:mm:ss tt]|17-01-29 [09:00:05 AM]",
        "2017-01-29 21:00:05.1230000|h:mm tt ffff FFFF|9:00 PM 1230 123",
        "2017-01-29 21:00:05|dddd, MMMM d, yyyy|Sunday, January 29, 2017",
        "2017-01-29 21:00:05|ddd MMM|Sun Jan",
        "2017-01-29 21:00:05.5|s.F|5.5",
      })
  void formatDatetime(String value, String pattern, String expected) {
    assertEquals(expected, DateTimeFormat.compile(pattern).format(dt(value)));
  }

  /** bin-function.md, bin-at-function.md; floor rounds toward negative infinity. */
  @Test
  void bins() {
    assertEquals(4.0, Bins.bin(4.5, 1));
    assertEquals(10.0, Bins.bin(10.1, 5.0));
    assertEquals(-10, Bins.bin(-7L, 5L));
    assertEquals(0, Bins.bin(4L, 5L));
    assertEquals(Long.MIN_VALUE, Bins.bin(4L, 0L));
    long day = DateTimes.TICKS_PER_DAY;
    assertEquals("14.00:00:00", Timespans.format(Bins.bin(16 * day, 7 * day)));
    assertEquals("1970-05-11T00:00:00.0000000Z",
        DateTimes.format(Bins.bin(dt("1970-05-11 10:20"), day)));
    // 7-day bins start on Monday (0001-01-01 was a Monday): 2017-05-17 is a Wednesday
    assertEquals("2017-05-15T00:00:00.0000000Z", DateTimes.format(Bins.bin(dt("2017-05-17"), 7 * day)));
    assertEquals(4.5, Bins.binAt(6.5, 2.5, 7));
    assertEquals("-12:00:00",
        Timespans.format(Bins.binAt(DateTimes.TICKS_PER_HOUR, day, 12 * DateTimes.TICKS_PER_HOUR)));
    assertEquals("2017-05-14T12:00:00.0000000Z",
        DateTimes.format(Bins.binAt(dt("2017-05-15 10:20:00.0"), day, dt("1970-01-01 12:00:00.0"))));
    assertEquals("2017-05-14T00:00:00.0000000Z",
        DateTimes.format(Bins.binAt(dt("2017-05-17 10:20:00.0"), 7 * day, dt("2017-06-04"))));
  }

  @Test
  void edgesOfTheRangeAreNullNotGarbage() {
    long last = dt("9999-12-31 10:00");
    assertEquals(DateTimes.MAX_TICKS, DateTimes.endOfDay(last, 0));
    assertEquals(DateTimes.MAX_TICKS, DateTimes.endOfMonth(last, 0));
    assertEquals(DateTimes.MAX_TICKS, DateTimes.endOfYear(last, 0));
    assertEquals(DateTimes.NULL, DateTimes.startOfDay(last, 1));
    assertEquals(DateTimes.NULL, DateTimes.startOfMonth(last, 1));
    assertEquals(DateTimes.NULL, DateTimes.endOfYear(last, 1));
    assertEquals(DateTimes.NULL, DateTimes.startOfWeek(dt("0001-01-01"), 0)); // Sunday 0000-12-31
    assertEquals(DateTimes.NULL, DateTimes.startOfYear(last, Long.MAX_VALUE));
    assertEquals(DateTimes.NULL, DateTimes.add(DateTimePart.MONTH, Long.MIN_VALUE / 2, last));
  }
}
