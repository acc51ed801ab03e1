package dev.kqlhunt.bench;

import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.symbols.TableSchema;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * DuckDB, in process through JDBC, as the engine benchmark's peer: an in-memory database with table
 * {@code dpe} loaded from the generated JSON-lines file by {@code read_json} with the column types of
 * the Defender schema. String columns are stored with {@code coalesce(c, '')}, as Kusto strings are
 * never null. Not thread-safe; close it.
 */
final class DuckDbSide implements AutoCloseable {
  private final Connection connection;

  /** An in-memory DuckDB; {@code threads} &lt;= 0 keeps DuckDB's default (all cores). */
  DuckDbSide(int threads) throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
    if (threads > 0) execute("SET threads = " + threads);
  }

  int threads() throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT current_setting('threads')")) {
      r.next();
      return r.getInt(1);
    }
  }

  /** Creates table {@code dpe} from the JSON-lines file, replacing it if it exists. */
  void load(TableSchema schema, Path jsonl) throws SQLException {
    execute("DROP TABLE IF EXISTS dpe");
    execute(loadSql(schema, jsonl));
  }

  static String loadSql(TableSchema schema, Path jsonl) {
    StringBuilder select = new StringBuilder();
    StringBuilder columns = new StringBuilder();
    for (ColumnSymbol c : schema.columns()) {
      if (!select.isEmpty()) {
        select.append(", ");
        columns.append(", ");
      }
      String name = '"' + c.name() + '"';
      select.append(c.type() == ScalarType.STRING ? "coalesce(" + name + ", '') AS " + name : name);
      columns.append(EngineQueries.sqlString(c.name())).append(": '").append(sqlType(c.type())).append('\'');
    }
    return "CREATE TABLE dpe AS SELECT " + select + " FROM read_json(" + EngineQueries.sqlString(jsonl.toString())
        + ", format = 'newline_delimited', columns = {" + columns + "})";
  }

  /** The DuckDB type of a Kusto column type. */
  static String sqlType(ScalarType t) {
    return switch (t) {
      case BOOL -> "BOOLEAN";
      case INT -> "INTEGER";
      case LONG -> "BIGINT";
      case REAL -> "DOUBLE";
      case DECIMAL -> "DECIMAL(38,10)";
      case DATETIME -> "TIMESTAMP";
      case TIMESPAN -> "INTERVAL";
      case STRING, GUID -> "VARCHAR";
      case DYNAMIC, UNKNOWN -> "JSON";
      default -> "VARCHAR";
    };
  }

  long rowCount() throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM dpe")) {
      r.next();
      return r.getLong(1);
    }
  }

  /** DuckDB's own account of the memory it holds (sum of memory_usage_bytes of duckdb_memory()). */
  long memoryBytes() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT sum(memory_usage_bytes) FROM duckdb_memory()")) {
      r.next();
      return r.getLong(1);
    }
  }

  /** Runs {@code sql} and returns the rows in canonical form. */
  ResultRows query(String sql) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
      ResultSetMetaData md = r.getMetaData();
      int n = md.getColumnCount();
      List<String> columns = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) columns.add(md.getColumnLabel(i));
      List<List<String>> rows = new ArrayList<>();
      while (r.next()) {
        List<String> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) row.add(canonical(r.getObject(i)));
        rows.add(row);
      }
      return new ResultRows(columns, rows);
    }
  }

  /** Runs {@code sql} and only counts its rows (the timed form: no canonical texts). */
  long count(String sql) throws SQLException {
    // Reading every cell makes DuckDB hand over the whole result, as kqlhunt's table holds it.
    return new Session(connection).count(sql);
  }

  /** Counting queries over a connection the caller owns (a file-backed database, say). */
  record Session(Connection connection) implements AutoCloseable {
    long count(String sql) throws SQLException {
      long rows = 0;
      try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
        int n = r.getMetaData().getColumnCount();
        while (r.next()) {
          for (int i = 1; i <= n; i++) r.getObject(i);
          rows++;
        }
      }
      return rows;
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }

  private static String canonical(Object v) throws SQLException {
    return switch (v) {
      case null -> "null";
      case Timestamp t -> Long.toString(micros(t.toLocalDateTime()));
      case LocalDateTime t -> Long.toString(micros(t));
      case Array a -> {
        List<String> elements = new ArrayList<>();
        for (Object e : (Object[]) a.getArray()) elements.add(canonical(e));
        yield ResultRows.canonicalSet(elements);
      }
      case Integer i -> Long.toString(i);
      default -> v.toString();
    };
  }

  static long micros(LocalDateTime t) {
    return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1000;
  }

  private void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
