package dev.kqlhunt.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.sample.BackgroundTelemetry;
import dev.kqlhunt.sample.ProcessEventFactory;
import dev.kqlhunt.sample.ProcessEventFactory.Device;
import dev.kqlhunt.sample.ProcessImage;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.symbols.TableSchema;
import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.value.DateTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The seed rule over generated telemetry with planted near misses, spellings that must match and
 * events on both edges of the window, compared with an independent plain-Java computation of the
 * documented semantics (a loop over the rows, its own {@code has}).
 */
class SeedQueryTest {
  static final String SEED = """
      let Time_start = now(-5d);
      let Time_end = now();
      //
      DeviceProcessEvents
      | where Timestamp between (Time_start..Time_end)
      | where ProcessVersionInfoCompanyName has 'www.donkz.nl'
      and ProcessVersionInfoProductName has 'Remote Desktop Plus'
      and ProcessVersionInfoOriginalFileName has 'rdp.exe'
      | summarize FirstSeen=min(Timestamp), LastSeen=max(Timestamp),
      Report=make_set(ReportId), Count=count() by DeviceId, DeviceName
      """;
  static final Instant NOW = Instant.parse("2024-03-10T12:00:00Z");
  static final long SEED_VALUE = 20240310L;

  @Test
  void seedRuleMatchesAnIndependentComputation() {
    System.out.println("SeedQueryTest seed=" + SEED_VALUE);
    List<Map<String, Object>> rows = telemetry();
    TableSchema schema = SchemaRegistry.builtIn().table("DeviceProcessEvents");
    TableBuilder b = new TableBuilder(schema.columns(), rows.size());
    rows.forEach(b::addRow);
    QueryResult r = new QueryRunner(SchemaRegistry.builtIn(), DataSource.of(Map.of("DeviceProcessEvents", b.build())))
        .run(SourceText.of("seed.kql", SEED), ExecOptions.at(ticks(NOW)));
    assertTrue(r.ok(), () -> ExecTestSupport.render(SEED, r));
    Map<String, String> expected = expected(rows);
    Map<String, String> actual = new TreeMap<>();
    Table t = r.table();
    assertEquals("DeviceId,DeviceName,FirstSeen,LastSeen,Report,Count",
        String.join(",", t.columns().stream().map(c -> c.name()).toList()));
    for (int i = 0; i < t.rowCount(); i++) {
      TreeSet<Long> reports = new TreeSet<>();
      for (var d : ((dev.kqlhunt.value.Dynamic.DynArray) t.get(i, 4)).elements()) {
        reports.add(((dev.kqlhunt.value.Dynamic.DynLong) d).value());
      }
      actual.put((String) t.get(i, 0), t.get(i, 1) + "|" + ResultWriter.text(t, i, 2) + "|" + ResultWriter.text(t, i, 3)
          + "|" + reports + "|" + t.get(i, 5));
    }
    assertEquals(expected, actual);
    // The planted matches: 4 spellings + 2 edges on device 1..3; nothing else in the fleet matches.
    long matched = actual.values().stream().mapToLong(s -> Long.parseLong(s.substring(s.lastIndexOf('|') + 1))).sum();
    assertEquals(6, matched);
  }

  private static List<Map<String, Object>> telemetry() {
    BackgroundTelemetry bg = new BackgroundTelemetry(SEED_VALUE, 25);
    List<Map<String, Object>> rows = new ArrayList<>();
    Instant from = NOW.minus(Duration.ofDays(8));
    for (int i = 0; i < 4000; i++) rows.add(bg.launch(i, 4000, from, NOW.plus(Duration.ofHours(6))));
    ProcessEventFactory f = bg.factory();
    ProcessImage rdp = ProcessImage.REMOTE_DESKTOP_PLUS;
    Instant start = NOW.minus(Duration.ofDays(5));
    Device d1 = Device.numbered(1);
    Device d2 = Device.numbered(2);
    Device d3 = Device.numbered(3);
    // Spellings that must match.
    rows.add(plant(f, d1, NOW.minus(Duration.ofDays(1)), rdp));
    rows.add(plant(f, d1, NOW.minus(Duration.ofHours(3)), rdp.withVersionInfo("www.donkz.nl", "Remote Desktop Plus", "RDP.EXE")));
    rows.add(plant(f, d2, NOW.minus(Duration.ofDays(2)), rdp.withVersionInfo("www.donkz.nl", "Remote Desktop Plus", "rdp.exe.mui")));
    rows.add(plant(f, d2, NOW.minus(Duration.ofDays(3)), rdp.withVersionInfo("Donkz (www.donkz.nl)", "Remote Desktop Plus", "rdp.exe")));
    // Both edges are inclusive; one tick outside either edge is not.
    rows.add(plant(f, d3, start, rdp));
    rows.add(plant(f, d3, NOW, rdp));
    rows.add(plant(f, d3, start.minusNanos(100), rdp));
    rows.add(plant(f, d3, NOW.plusNanos(100), rdp));
    // Near misses.
    rows.add(plant(f, d1, NOW.minus(Duration.ofDays(1)), rdp.withVersionInfo("donkz", "Remote Desktop Plus", "rdp.exe")));
    rows.add(plant(f, d1, NOW.minus(Duration.ofDays(1)), rdp.withVersionInfo("www.donkz.nl", "RemoteDesktopPlus", "rdp.exe")));
    rows.add(plant(f, d2, NOW.minus(Duration.ofDays(1)), rdp.withVersionInfo("www.donkz.nl", "Remote Desktop Plus", "myrdp.exe")));
    rows.add(plant(f, d2, NOW.minus(Duration.ofDays(1)), rdp.withVersionInfo("www.donkz.nl", "Remote Desktop Pluss", "rdp.exe")));
    rows.add(plant(f, Device.numbered(4), NOW.minus(Duration.ofDays(6)), rdp));
    return rows;
  }

  private static Map<String, Object> plant(ProcessEventFactory f, Device d, Instant at, ProcessImage image) {
    ProcessImage parent = ProcessImage.COMMON.get(0);
    return f.row(new ProcessEventFactory.Launch(d, at, image, parent, "\"" + image.path() + "\"", parent.path(),
        "contoso", "alice"));
  }

  /** The rule computed by hand: inclusive window, own {@code has}, grouping by device. */
  private static Map<String, String> expected(List<Map<String, Object>> rows) {
    long lo = ticks(NOW.minus(Duration.ofDays(5)));
    long hi = ticks(NOW);
    record Agg(String name, long[] minMax, TreeSet<Long> reports, long[] count) {}
    Map<String, Agg> groups = new TreeMap<>();
    for (Map<String, Object> row : rows) {
      long ts = ticks((Instant) row.get("Timestamp"));
      if (ts < lo || ts > hi) continue;
      if (!has((String) row.get("ProcessVersionInfoCompanyName"), "www.donkz.nl")) continue;
      if (!has((String) row.get("ProcessVersionInfoProductName"), "Remote Desktop Plus")) continue;
      if (!has((String) row.get("ProcessVersionInfoOriginalFileName"), "rdp.exe")) continue;
      String id = (String) row.get("DeviceId");
      Agg a = groups.computeIfAbsent(id, k -> new Agg((String) row.get("DeviceName"),
          new long[] {Long.MAX_VALUE, Long.MIN_VALUE}, new TreeSet<>(), new long[1]));
      a.minMax()[0] = Math.min(a.minMax()[0], ts);
      a.minMax()[1] = Math.max(a.minMax()[1], ts);
      a.reports().add((Long) row.get("ReportId"));
      a.count()[0]++;
    }
    Map<String, String> out = new TreeMap<>();
    groups.forEach((id, a) -> out.put(id, a.name() + "|" + DateTimes.format(a.minMax()[0]) + "|"
        + DateTimes.format(a.minMax()[1]) + "|" + a.reports() + "|" + a.count()[0]));
    return out;
  }

  /**
   * The documented {@code has}: case-insensitive; the needle occurs where an alphanumeric first
   * character is not preceded by an alphanumeric and an alphanumeric last character is not followed
   * by one (docs/SEMANTICS.md).
   */
  static boolean has(String value, String needle) {
    if (value == null) return false;
    String v = value.toLowerCase(Locale.ROOT);
    String n = needle.toLowerCase(Locale.ROOT);
    for (int at = v.indexOf(n); at >= 0; at = v.indexOf(n, at + 1)) {
      boolean startOk = !Character.isLetterOrDigit(n.charAt(0)) || at == 0 || !Character.isLetterOrDigit(v.charAt(at - 1));
      int end = at + n.length();
      boolean endOk = !Character.isLetterOrDigit(n.charAt(n.length() - 1)) || end == v.length()
          || !Character.isLetterOrDigit(v.charAt(end));
      if (startOk && endOk) return true;
    }
    return false;
  }

  private static long ticks(Instant i) {
    return DateTimes.UNIX_EPOCH_TICKS + i.getEpochSecond() * DateTimes.TICKS_PER_SECOND + i.getNano() / 100;
  }
}
