package dev.kqlhunt.exec;

import dev.kqlhunt.ingest.RecordOrigin;
import dev.kqlhunt.ingest.RecordSink;
import dev.kqlhunt.ingest.Reject;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.symbols.TableSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Collects ingested records ({@code dev.kqlhunt.ingest}) into in-memory {@link Table}s, one per target
 * table. A table the registry knows gets exactly its schema's columns (extra columns of the records are
 * dropped: queries are bound against the schema); an unknown table gets the columns of its records in
 * first-seen order, each typed by its first non-null value (text → string, integer → long, number →
 * real, boolean → bool, datetime, timespan, guid, object/array → dynamic), the way ingest types extras.
 * Rejects and warnings go to {@code problems}, never dropped silently. Not thread-safe.
 */
public final class TableSink implements RecordSink {
  private final SchemaRegistry registry;
  private final Consumer<Reject> problems;
  /** Records of tables without a schema, kept until their column types can be inferred. */
  private final Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
  /** Tables with a schema are built as their records arrive. */
  private final Map<String, TableBuilder> builders = new LinkedHashMap<>();
  private long rejected;

  public TableSink(SchemaRegistry registry, Consumer<Reject> problems) {
    this.registry = registry;
    this.problems = problems;
  }

  @Override
  public void accept(String table, Map<String, Object> values, RecordOrigin origin) {
    TableSchema schema = registry.table(table);
    if (schema != null) {
      builders.computeIfAbsent(table, t -> new TableBuilder(schema.columns(), 1024)).addRow(values);
    } else {
      rows.computeIfAbsent(table, t -> new ArrayList<>()).add(values);
    }
  }

  @Override
  public void reject(Reject reject) {
    rejected++;
    problems.accept(reject);
  }

  @Override
  public void warning(Reject warning) {
    problems.accept(warning);
  }

  public long rejected() {
    return rejected;
  }

  /** The schemas of the tables read that the registry does not know, inferred from their records. */
  public List<TableSchema> inferredSchemas() {
    List<TableSchema> out = new ArrayList<>();
    for (Map.Entry<String, List<Map<String, Object>>> e : rows.entrySet()) out.add(infer(e.getKey(), e.getValue()));
    return out;
  }

  /** The tables read, by name; call once, after the last record. */
  public Map<String, Table> tables() {
    Map<String, Table> out = new LinkedHashMap<>();
    builders.forEach((name, b) -> out.put(name, b.build()));
    for (Map.Entry<String, List<Map<String, Object>>> e : rows.entrySet()) {
      TableSchema schema = infer(e.getKey(), e.getValue());
      TableBuilder b = new TableBuilder(schema.columns(), e.getValue().size());
      for (Map<String, Object> row : e.getValue()) b.addRow(row);
      out.put(e.getKey(), b.build());
    }
    return out;
  }

  private static TableSchema infer(String name, List<Map<String, Object>> records) {
    Map<String, ScalarType> types = new LinkedHashMap<>();
    Map<String, Integer> textKinds = new LinkedHashMap<>();
    for (Map<String, Object> r : records) {
      for (Map.Entry<String, Object> e : r.entrySet()) {
        Object v = e.getValue();
        types.putIfAbsent(e.getKey(), typeOf(v));
        if (v instanceof String s && !s.isEmpty()) textKinds.merge(e.getKey(), textKinds(s), (a, b) -> a & b);
      }
    }
    List<ColumnSymbol> cols = new ArrayList<>();
    types.forEach((k, t) -> cols.add(new ColumnSymbol(k, t == null ? ScalarType.STRING
        : t == ScalarType.STRING ? fromText(textKinds.getOrDefault(k, 0)) : t)));
    return new TableSchema(name, cols);
  }

  private static final int LONG = 1;
  private static final int REAL = 2;
  private static final int BOOL = 4;
  private static final int DATETIME = 8;

  /**
   * What a text value (CSV has only text) could be; a column takes the narrowest type all its
   * non-empty values fit: long, then real, bool, datetime, else string.
   */
  private static int textKinds(String s) {
    int k = 0;
    if (s.matches("[+-]?\\d{1,18}")) k |= LONG | REAL;
    else if (s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) k |= REAL;
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) k |= BOOL;
    if (s.length() >= 10 && Character.isDigit(s.charAt(0)) && s.charAt(4) == '-'
        && dev.kqlhunt.value.DateTimeParser.parse(s) != dev.kqlhunt.value.DateTimes.NULL) {
      k |= DATETIME;
    }
    return k;
  }

  private static ScalarType fromText(int kinds) {
    if ((kinds & LONG) != 0) return ScalarType.LONG;
    if ((kinds & REAL) != 0) return ScalarType.REAL;
    if ((kinds & BOOL) != 0) return ScalarType.BOOL;
    if ((kinds & DATETIME) != 0) return ScalarType.DATETIME;
    return ScalarType.STRING;
  }

  private static ScalarType typeOf(Object v) {
    return switch (v) {
      case null -> null;
      case String s -> ScalarType.STRING;
      case Long l -> ScalarType.LONG;
      case Integer i -> ScalarType.INT;
      case Double d -> ScalarType.REAL;
      case java.math.BigDecimal d -> ScalarType.REAL;
      case Boolean b -> ScalarType.BOOL;
      case Instant i -> ScalarType.DATETIME;
      case Duration d -> ScalarType.TIMESPAN;
      case UUID u -> ScalarType.GUID;
      default -> ScalarType.DYNAMIC;
    };
  }
}
