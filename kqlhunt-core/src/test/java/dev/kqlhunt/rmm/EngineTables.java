package dev.kqlhunt.rmm;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.diag.DiagnosticRenderer;
import dev.kqlhunt.exec.DataSource;
import dev.kqlhunt.exec.ExecOptions;
import dev.kqlhunt.exec.QueryResult;
import dev.kqlhunt.exec.QueryRunner;
import dev.kqlhunt.exec.Table;
import dev.kqlhunt.exec.TableBuilder;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.symbols.TableSchema;
import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.value.DynamicJson;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Test helper: synthetic Defender events in in-memory tables of the built-in schemas, and queries run
 * on them by the real engine ({@link QueryRunner}). Each event gets its own {@code DeviceName} (a label
 * chosen by the caller plus a sequence number), so a rule's per-device summary tells exactly which
 * events it found. Events are stamped one hour before {@link #NOW}, inside every rule window of the
 * pack. A string {@code AdditionalFields} holding JSON is stored as the dynamic value it spells, as
 * ingest stores it.
 */
public final class EngineTables {
  public static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  public static final SchemaRegistry SCHEMAS = SchemaRegistry.builtIn();

  private final Map<String, TableBuilder> builders = new LinkedHashMap<>();
  private int sequence;

  /**
   * Adds one event to {@code table} and returns its device name, {@code label#n}. {@code columns}
   * overrides the defaults (time, device, report id).
   */
  public String add(String table, String label, Map<String, ?> columns) {
    TableSchema schema = SCHEMAS.table(table);
    if (schema == null) {
      throw new IllegalArgumentException("no built-in schema for " + table);
    }
    String device = label + "#" + (++sequence);
    Map<String, Object> row = new HashMap<>();
    row.put("Timestamp", NOW.minus(Duration.ofHours(1)));
    row.put("DeviceId", "id-" + sequence);
    row.put("DeviceName", device);
    row.put("ReportId", (long) sequence);
    row.putAll(columns);
    if (row.get("AdditionalFields") instanceof String json) {
      row.put("AdditionalFields", DynamicJson.parse(json));
    }
    builders.computeIfAbsent(table, t -> new TableBuilder(schema.columns(), 256)).addRow(row);
    return device;
  }

  /** The tables built so far; every table of the built-in schemas exists, empty when it got no event. */
  public DataSource source() {
    Map<String, Table> tables = new LinkedHashMap<>();
    for (TableSchema s : SCHEMAS.tables()) {
      TableBuilder b = builders.get(s.name());
      tables.put(s.name(), b == null ? Table.empty(s.columns()) : b.build());
    }
    return DataSource.of(tables);
  }

  /** Runs {@code query} at {@code now}; fails with the rendered diagnostics when it does not run. */
  public static Table run(DataSource data, String name, String query, Instant now) {
    SourceText text = SourceText.of(name, query);
    QueryResult r = new QueryRunner(SCHEMAS, data).run(text, ExecOptions.at(ticks(now)));
    if (!r.ok()) {
      StringBuilder m = new StringBuilder(name).append(" does not run:\n");
      for (Diagnostic d : r.diagnostics()) {
        m.append(DiagnosticRenderer.render(text, d)).append('\n');
      }
      throw new AssertionError(m.toString());
    }
    return r.table();
  }

  /** The {@code DeviceName}s of a result, in row order. */
  public static Set<String> deviceNames(Table t) {
    Set<String> out = new LinkedHashSet<>();
    int c = t.indexOf("DeviceName");
    for (int r = 0; r < t.rowCount(); r++) {
      out.add(String.valueOf(t.get(r, c)));
    }
    return out;
  }

  /** Kusto ticks (100 ns since 0001-01-01) of an instant. */
  public static long ticks(Instant i) {
    long epochTicks = 621_355_968_000_000_000L;
    return epochTicks + i.getEpochSecond() * 10_000_000L + i.getNano() / 100;
  }
}
