package dev.kqlhunt.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateTimesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2023-10-18T14:37:28.2012261Z        | 2023-10-18T14:37:28.2012261Z",
        "2024-01-15T10:22:33.123Z            | 2024-01-15T10:22:33.123Z",
        "2024-01-15T10:22:33Z                | 2024-01-15T10:22:33Z",
        "2024-01-15T10:22:33                 | 2024-01-15T10:22:33Z",
        "2024-01-15 10:22:33.123             | 2024-01-15T10:22:33.123Z",
        "2024-01-15T10:22:33.123456789Z      | 2024-01-15T10:22:33.1234567Z",
        "2024-01-15T12:22:33+02:00           | 2024-01-15T10:22:33Z",
        "2024-01-15T05:22:33-0500            | 2024-01-15T10:22:33Z",
        "2024-01-15                          | 2024-01-15T00:00:00Z",
        "1/15/2024 10:22:33 AM               | 2024-01-15T10:22:33Z",
        "1/15/2024 12:05:00 AM               | 2024-01-15T00:05:00Z",
        "12/31/2023 12:59:59 PM              | 2023-12-31T12:59:59Z",
        "01/05/2024 23:01:02                 | 2024-01-05T23:01:02Z",
        "'1/15/2024, 10:22:33.123 AM'        | 2024-01-15T10:22:33.123Z",
        "1/15/2024 10:22:33.500 PM           | 2024-01-15T22:22:33.5Z",
        "'Jan 15, 2024 10:22:33 AM'          | 2024-01-15T10:22:33Z",
        "'Jan 5, 2024 1:02:03 PM'            | 2024-01-05T13:02:03Z",
        "'January 15, 2024 10:22:33 PM'      | 2024-01-15T22:22:33Z",
        "'Sep 1, 2023 00:00:00'              | 2023-09-01T00:00:00Z",
      })
  void parsesTheExportStyles(String text, String expected) {
    assertEquals(Instant.parse(expected), DateTimes.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "yesterday", "2024-13-01T00:00:00Z", "2024-02-30", "13/15/2024 10:22:33 AM",
        "1/15/2024 13:22:33 PM", "Foo 15, 2024 10:22:33 AM", "2024-01-15T10:22:33Zjunk", "12345678",
        "2024-01-15T10:22"
      })
  void rejectsWhatIsNotADatetime(String text) {
    if (text.equals("2024-01-15T10:22")) {
      assertEquals(Instant.parse("2024-01-15T10:22:00Z"), DateTimes.parse(text), "minutes suffice");
      return;
    }
    assertNull(DateTimes.parse(text));
  }
}
