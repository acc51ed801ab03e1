package dev.kqlhunt.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.rules.alerts.ResultTable;
import dev.kqlhunt.rules.hunt.QueryEngine;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.text.SourceText;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine adapter: windows, {@code now()}, value conversion, failures, row counts. */
class LocalEngineTest {
  private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

  private static Map<String, Object> row(Instant t, String device, long report) {
    Map<String, Object> r = new HashMap<>();
    r.put("Timestamp", t);
    r.put("DeviceName", device);
    r.put("ReportId", report);
    return r;
  }

  private static Map<String, Object> lookupRow() {
    Map<String, Object> r = new java.util.LinkedHashMap<>();
    r.put("Name", "x");
    r.put("Weight", 2L);
    return r;
  }

  private static LocalEngine engine() {
    EventData data = EventData.builder()
        .add("DeviceProcessEvents", row(T0, "a", 1))
        .add("DeviceProcessEvents", row(T0.plusSeconds(3600), "b", 2))
        .add("DeviceProcessEvents", row(T0.plusSeconds(7200), "c", 3))
        .add("DeviceProcessEvents", row(null, "no-time", 4))
        .add("Lookup", lookupRow())
        .table("DeviceNetworkEvents")
        .build();
    return LocalEngine.over(data, SchemaRegistry.builtIn());
  }

  private static ResultTable run(LocalEngine e, String query, Instant now, Instant from, Instant to) {
    return e.run(SourceText.of("<test>", query), now, from, to);
  }

  @Test
  void aRunSeesOnlyItsWindowStartInclusiveEndExclusive() {
    LocalEngine e = engine();
    ResultTable r = run(e, "DeviceProcessEvents | project DeviceName | order by DeviceName asc", T0, T0, T0.plusSeconds(7200));
    assertEquals(List.of(List.of("a"), List.of("b")), r.rows());
    assertEquals(3, run(e, "DeviceProcessEvents", T0, T0, T0.plusSeconds(7201)).size());
    // A table without a time column is not windowed; an unknown-to-the-schema table binds by its rows.
    assertEquals(List.of(List.of("x", 2L)), run(e, "Lookup", T0, T0, T0.plusSeconds(1)).rows());
    assertEquals(0, run(e, "DeviceNetworkEvents", T0, T0, T0.plusSeconds(1)).size());
  }

  @Test
  void nowIsTheRunTimeAndValuesArePlainJava() {
    LocalEngine e = engine();
    Instant now = Instant.parse("2026-11-25T12:34:56.1234567Z");
    ResultTable r = run(e, "DeviceProcessEvents | summarize First=min(Timestamp), Reports=make_set(ReportId), N=count()"
        + " | extend Now=now(), Age=now() - First, Bag=bag_pack('k', 1), Real=1.5, Flag=true", now, T0, now);
    assertEquals(List.of("First", "Reports", "N", "Now", "Age", "Bag", "Real", "Flag"), r.columns());
    List<Object> row = r.rows().get(0);
    assertEquals(T0, row.get(0));
    assertEquals(3, ((List<?>) row.get(1)).size());
    assertEquals(3L, row.get(2));
    assertEquals(now, row.get(3));
    assertEquals(Duration.between(T0, now), row.get(4));
    assertEquals(Map.of("k", 1L), row.get(5));
    assertEquals(1.5, row.get(6));
    assertEquals(true, row.get(7));
  }

  @Test
  void aQueryThatDoesNotBindFailsWithTheRenderedDiagnostic() {
    QueryEngine.QueryFailure f = assertThrows(QueryEngine.QueryFailure.class,
        () -> run(engine(), "DeviceProcessEvents | where NoSuchColumn == 1", T0, T0, T0.plusSeconds(1)));
    assertTrue(f.getMessage().contains("<test>:1:") && f.getMessage().contains("NoSuchColumn"), f.getMessage());
  }

  @Test
  void rowCountCountsTheWindow() {
    LocalEngine e = engine();
    assertEquals(2, e.rowCount("DeviceProcessEvents", T0, T0.plusSeconds(7200)));
    assertEquals(0, e.rowCount("DeviceProcessEvents", T0.minusSeconds(10), T0));
    assertEquals(0, e.rowCount("DeviceNetworkEvents", T0, T0.plusSeconds(7200)));
    assertEquals(0, e.rowCount("NoSuchTable", T0, T0.plusSeconds(7200)));
    assertEquals(1, e.rowCount("Lookup", T0, T0.plusSeconds(1)));
  }

  @Test
  void timesRoundTripThroughTicks() {
    Instant t = Instant.parse("1999-12-31T23:59:59.9999999Z");
    assertEquals(t, Ticks.instant(Ticks.of(t)));
    assertEquals(Instant.parse("2026-11-25T12:00:00Z"), HuntWindow.parseTime("2026-11-25 12:00"));
    assertNull(HuntWindow.parseTime("soon"));
  }
}
