package dev.kqlhunt.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.symbols.TableSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackgroundTelemetryTest {
  private static final Instant FROM = Instant.parse("2024-03-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2024-03-06T00:00:00Z");

  private static List<Map<String, Object>> rows(long seed, int count) {
    BackgroundTelemetry t = new BackgroundTelemetry(seed, 20);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) rows.add(t.launch(i, count, FROM, TO));
    return rows;
  }

  @Test
  void rowsHaveEveryColumnOfTheBuiltInSchemaInOrder() {
    TableSchema schema = SchemaRegistry.builtIn().table("DeviceProcessEvents");
    List<String> expected = schema.columns().stream().map(ColumnSymbol::name).toList();
    for (Map<String, Object> row : rows(1, 50)) {
      assertEquals(expected, List.copyOf(row.keySet()));
    }
  }

  @Test
  void sameSeedSameRowsOtherSeedOtherRows() {
    assertEquals(rows(7, 200), rows(7, 200));
    assertFalse(rows(7, 200).equals(rows(8, 200)));
  }

  @Test
  void timesStayInsideTheRangeAndReportIdsAreUnique() {
    List<Map<String, Object>> rows = rows(3, 1000);
    assertEquals(1000, rows.stream().map(r -> r.get("ReportId")).distinct().count());
    for (Map<String, Object> r : rows) {
      Instant t = (Instant) r.get("Timestamp");
      assertTrue(!t.isBefore(FROM) && t.isBefore(TO), t.toString());
    }
  }

  @Test
  void backgroundHoldsNoRemoteDesktopPlus() {
    for (Map<String, Object> r : rows(11, 2000)) {
      assertFalse(String.valueOf(r.get("ProcessVersionInfoCompanyName")).contains("donkz"));
    }
  }

  @Test
  void jsonLineFormatsDatetimesWithSevenFractionalDigits() {
    StringBuilder sb = new StringBuilder();
    JsonLinesRows.appendLine(rows(1, 1).get(0), sb);
    String line = sb.toString();
    assertTrue(line.endsWith("}\n"));
    assertTrue(line.matches("(?s)\\{\"Timestamp\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z\",.*"), line);
  }
}
