package dev.kqlhunt.hunt;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.diag.DiagnosticRenderer;
import dev.kqlhunt.exec.Cells;
import dev.kqlhunt.exec.DataSource;
import dev.kqlhunt.exec.ExecOptions;
import dev.kqlhunt.exec.QueryResult;
import dev.kqlhunt.exec.QueryRunner;
import dev.kqlhunt.exec.ScanRequest;
import dev.kqlhunt.exec.Table;
import dev.kqlhunt.exec.TableSink;
import dev.kqlhunt.ingest.Reject;
import dev.kqlhunt.rules.BinderQueryValidator;
import dev.kqlhunt.rules.alerts.ResultTable;
import dev.kqlhunt.rules.hunt.QueryEngine;
import dev.kqlhunt.store.Store;
import dev.kqlhunt.store.StoreTables;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.symbols.TableSchema;
import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.value.Dynamic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@link QueryEngine} of {@code kqlhunt hunt} and {@code kqlhunt test}: the local executor
 * ({@link QueryRunner}) over in-memory tables or a store. Each run sees only the rows of its window
 * ({@link WindowedSource}), with {@code now()} pinned to the run time. Result cells become the plain
 * Java values of {@link ResultTable}: {@link Instant} for datetimes, {@link java.time.Duration} for
 * timespans, {@code Long}/{@code Double}/{@code Boolean}/{@code String}, lists and maps for dynamic.
 * A query that does not parse, bind or run throws {@link QueryEngine.QueryFailure} with the rendered
 * diagnostics. Thread-safe when the data source is.
 */
public final class LocalEngine implements QueryEngine {
  private final SchemaRegistry schemas;
  private final DataSource data;
  private final Function<String, List<ColumnSymbol>> columnsOf;
  private final ExecOptions limits;

  private LocalEngine(SchemaRegistry schemas, DataSource data, Function<String, List<ColumnSymbol>> columnsOf) {
    this.schemas = Objects.requireNonNull(schemas, "schemas is null");
    this.data = Objects.requireNonNull(data, "data is null");
    this.columnsOf = columnsOf;
    this.limits = ExecOptions.at(0);
  }

  /**
   * An engine over events in memory. Tables the registry knows take its schema (extra columns are
   * dropped); others are typed from their values, and added to the schemas the queries bind against.
   */
  public static LocalEngine over(EventData events, SchemaRegistry schemas) {
    TableSink sink = new TableSink(schemas, LocalEngine::ignoreReject);
    for (String table : events.tableNames()) {
      for (Map<String, Object> row : events.rows(table)) sink.accept(table, row, null);
    }
    Map<String, Table> tables = new LinkedHashMap<>(sink.tables());
    SchemaRegistry registry = schemas;
    List<TableSchema> inferred = sink.inferredSchemas();
    if (!inferred.isEmpty()) {
      List<TableSchema> all = new ArrayList<>(schemas.tables());
      all.addAll(inferred);
      registry = SchemaRegistry.of(all, schemas.functions());
    }
    // A declared table without rows is still known, with no rows (not "no data source").
    for (String table : events.tableNames()) {
      TableSchema s = registry.table(table);
      if (!tables.containsKey(table) && s != null) tables.put(table, Table.empty(s.columns()));
    }
    return new LocalEngine(registry, DataSource.of(tables), name -> {
      Table t = tables.get(name);
      return t == null ? null : t.columns();
    });
  }

  /** An engine over a store; tables the store has but the registry does not are bound by their stored columns. */
  public static LocalEngine over(Store store, SchemaRegistry schemas) {
    List<TableSchema> all = new ArrayList<>(schemas.tables());
    boolean added = false;
    for (String table : store.tables()) {
      if (schemas.table(table) == null && store.schema(table) != null) {
        all.add(store.schema(table));
        added = true;
      }
    }
    SchemaRegistry registry = added ? SchemaRegistry.of(all, schemas.functions()) : schemas;
    return new LocalEngine(registry, new StoreTables(store), name -> {
      List<ColumnSymbol> c = store.columns(name);
      return c.isEmpty() ? null : c;
    });
  }

  private static void ignoreReject(Reject reject) {
    // EventData rows are already typed by ingest; the sink only drops extra columns here.
  }

  public SchemaRegistry schemas() {
    return schemas;
  }

  @Override
  public ResultTable run(SourceText query, Instant now, Instant windowStart, Instant windowEnd) {
    DataSource windowed = new WindowedSource(data, columnsOf, Ticks.of(windowStart), Ticks.of(windowEnd));
    ExecOptions options = new ExecOptions(Ticks.of(now), limits.maxMemoryBytes(), limits.maxRows());
    QueryResult result = new QueryRunner(schemas, windowed).run(query, options);
    if (!result.ok()) {
      StringBuilder message = new StringBuilder();
      for (Diagnostic d : result.diagnostics()) {
        if (d.isError()) message.append(DiagnosticRenderer.render(query, d));
      }
      throw new QueryFailure(message.toString().strip(), query);
    }
    return toResult(result.table());
  }

  @Override
  public long rowCount(String table, Instant from, Instant to) {
    List<ColumnSymbol> columns = columnsOf.apply(table);
    if (columns == null) return 0;
    long lo = Ticks.of(from);
    long hi = Ticks.of(to);
    String time = WindowedSource.timeColumn(columns);
    Table t = time == null ? data.table(table)
        : data.scan(new ScanRequest(table, Set.of(time), List.of(new ScanRequest.Range(time, lo, hi - 1)), List.of()));
    return t == null ? 0 : WindowedSource.count(t, lo, hi);
  }

  @Override
  public Set<String> tablesRead(SourceText query) {
    return new BinderQueryValidator(schemas).analyze(query).tablesRead();
  }

  /** The executor's table as plain Java values. */
  static ResultTable toResult(Table t) {
    List<String> names = new ArrayList<>(t.columns().size());
    for (ColumnSymbol c : t.columns()) names.add(c.name());
    List<List<Object>> rows = new ArrayList<>(t.rowCount());
    for (int r = 0; r < t.rowCount(); r++) {
      List<Object> row = new ArrayList<>(names.size());
      for (int c = 0; c < names.size(); c++) row.add(plain(Cells.get(t.vector(c), r), t.columns().get(c).type()));
      rows.add(row);
    }
    return new ResultTable(names, rows);
  }

  private static Object plain(Object cell, ScalarType type) {
    if (cell == null) return null;
    if (cell instanceof Long l) {
      return switch (type) {
        case DATETIME -> Ticks.instant(l);
        case TIMESPAN -> Ticks.duration(l);
        default -> l;
      };
    }
    if (cell instanceof Dynamic d) return plain(d);
    return cell;
  }

  /** A dynamic value as lists, maps and scalars ({@code null} for a dynamic null). */
  static Object plain(Dynamic d) {
    return switch (d) {
      case Dynamic.DynNull n -> null;
      case Dynamic.DynBool b -> b.value();
      case Dynamic.DynLong l -> l.value();
      case Dynamic.DynReal r -> r.value();
      case Dynamic.DynString s -> s.value();
      case Dynamic.DynDateTime t -> Ticks.instant(t.ticks());
      case Dynamic.DynTimespan t -> Ticks.duration(t.ticks());
      case Dynamic.DynGuid g -> g.value().toString();
      case Dynamic.DynArray a -> {
        List<Object> out = new ArrayList<>(a.elements().size());
        for (Dynamic e : a.elements()) out.add(plain(e));
        yield out;
      }
      case Dynamic.DynBag b -> {
        Map<String, Object> out = new LinkedHashMap<>();
        b.properties().forEach((k, v) -> out.put(k, plain(v)));
        yield out;
      }
    };
  }
}
