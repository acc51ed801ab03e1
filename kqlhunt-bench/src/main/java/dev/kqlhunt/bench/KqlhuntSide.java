package dev.kqlhunt.bench;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.exec.Cells;
import dev.kqlhunt.exec.DataSource;
import dev.kqlhunt.exec.ExecOptions;
import dev.kqlhunt.exec.QueryResult;
import dev.kqlhunt.exec.QueryRunner;
import dev.kqlhunt.exec.Table;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.value.DateTimes;
import dev.kqlhunt.value.Dynamic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * kqlhunt's side of the engine benchmark: the in-memory table under the name DeviceProcessEvents, run
 * end to end (parse, bind, plan, execute) by {@link QueryRunner} with {@code now()} fixed at {@link
 * EngineData#NOW}.
 */
final class KqlhuntSide {
  private final QueryRunner runner;
  private final ExecOptions options;

  KqlhuntSide(Table deviceProcessEvents) {
    this.runner = new QueryRunner(SchemaRegistry.builtIn(), DataSource.of(Map.of("DeviceProcessEvents", deviceProcessEvents)));
    this.options = ExecOptions.at(DateTimes.fromUnixMillis(EngineData.NOW.toEpochMilli()));
  }

  /** Runs {@code kql}; throws with the diagnostics when it does not succeed. */
  Table run(String name, String kql) {
    QueryResult r = runner.run(SourceText.of(name, kql), options);
    if (!r.ok()) {
      StringBuilder b = new StringBuilder("kqlhunt failed on " + name + ":");
      for (Diagnostic d : r.diagnostics()) b.append("\n  ").append(d);
      throw new IllegalStateException(b.toString());
    }
    return r.table();
  }

  /** The canonical form of a result table (see {@link ResultRows}). */
  static ResultRows canonical(Table t) {
    List<String> columns = new ArrayList<>();
    for (ColumnSymbol c : t.columns()) columns.add(c.name());
    List<List<String>> rows = new ArrayList<>(t.rowCount());
    for (int r = 0; r < t.rowCount(); r++) {
      List<String> row = new ArrayList<>(columns.size());
      for (int c = 0; c < columns.size(); c++) row.add(canonical(t.get(r, c), t.columns().get(c).type()));
      rows.add(row);
    }
    return new ResultRows(columns, rows);
  }

  private static String canonical(Object v, ScalarType type) {
    if (v == null) return "null";
    if (v instanceof Long ticks && type == ScalarType.DATETIME) return Long.toString(micros(ticks));
    if (v instanceof Dynamic d) return canonical(d);
    return v.toString();
  }

  private static String canonical(Dynamic d) {
    return switch (d) {
      case Dynamic.DynNull n -> "null";
      case Dynamic.DynBool b -> Boolean.toString(b.value());
      case Dynamic.DynLong l -> Long.toString(l.value());
      case Dynamic.DynReal r -> Double.toString(r.value());
      case Dynamic.DynString s -> s.value();
      case Dynamic.DynDateTime t -> Long.toString(micros(t.ticks()));
      case Dynamic.DynTimespan t -> "timespan:" + t.ticks();
      case Dynamic.DynGuid g -> g.value().toString();
      case Dynamic.DynArray a -> {
        List<String> elements = new ArrayList<>();
        for (Dynamic e : a.elements()) elements.add(canonical(e));
        yield ResultRows.canonicalSet(elements);
      }
      case Dynamic.DynBag b -> b.toString();
    };
  }

  private static long micros(long ticks) {
    return Math.floorDiv(ticks - DateTimes.UNIX_EPOCH_TICKS, 10L);
  }
}
