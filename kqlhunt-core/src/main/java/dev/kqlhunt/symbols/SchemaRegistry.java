package dev.kqlhunt.symbols;

import dev.kqlhunt.json.Json;
import dev.kqlhunt.json.JsonException;
import dev.kqlhunt.text.LineMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables and stored functions a query can name: the built-in Defender {@code Device*} tables plus
 * whatever a {@code --schema FILE} adds, in the official parser's JSON format:
 *
 * <pre>
 * {"tables": {"T": [{"name": "c", "type": "string"}, ...]},          (or {"T": {"c": "string"}})
 *  "functions": [{"name": "f", "parameters": "(x:string)", "body": "{ ... }"}]}
 * </pre>
 *
 * A table in the file replaces a built-in of the same name. Names are case-sensitive. Immutable and
 * thread-safe; {@link #builtIn()} is shared.
 */
public final class SchemaRegistry {
  private static volatile SchemaRegistry builtIn;

  private final Map<String, TableSchema> tables;
  private final Map<String, StoredFunction> functions;

  private SchemaRegistry(Map<String, TableSchema> tables, Map<String, StoredFunction> functions) {
    this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    this.functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
  }

  /** The built-in Defender tables, no stored functions. */
  public static SchemaRegistry builtIn() {
    SchemaRegistry r = builtIn;
    if (r == null) {
      synchronized (SchemaRegistry.class) {
        r = builtIn;
        if (r == null) {
          r = new SchemaRegistry(BuiltInTables.load(), Map.of());
          builtIn = r;
        }
      }
    }
    return r;
  }

  /** A registry of exactly these tables and functions (for tests and embedders). */
  public static SchemaRegistry of(Collection<TableSchema> tables, Collection<StoredFunction> functions) {
    Map<String, TableSchema> t = new LinkedHashMap<>();
    tables.forEach(s -> t.put(s.name(), s));
    Map<String, StoredFunction> f = new LinkedHashMap<>();
    functions.forEach(s -> f.put(s.name(), s));
    return new SchemaRegistry(t, f);
  }

  /** This registry plus the tables and functions of a schema file (UTF-8). */
  public SchemaRegistry withSchemaFile(Path file) throws SchemaFileException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SchemaFileException(file.toString(), 1, 1, "cannot read: " + e.getMessage());
    }
    return withSchemaJson(file.toString(), text);
  }

  /** This registry plus the tables and functions of schema JSON {@code text}; {@code source} names it in errors. */
  public SchemaRegistry withSchemaJson(String source, String text) throws SchemaFileException {
    SchemaFileReader reader = new SchemaFileReader(source, text);
    Map<String, TableSchema> t = new LinkedHashMap<>(tables);
    Map<String, StoredFunction> f = new LinkedHashMap<>(functions);
    reader.read(t, f);
    return new SchemaRegistry(t, f);
  }

  /** The table with this exact name, or null. */
  public TableSchema table(String name) {
    return tables.get(name);
  }

  /** Table names in declaration order (built-ins first). */
  public Collection<String> tableNames() {
    return tables.keySet();
  }

  public Collection<TableSchema> tables() {
    return tables.values();
  }

  /** The stored function with this exact name, or null. */
  public StoredFunction function(String name) {
    return functions.get(name);
  }

  public Collection<StoredFunction> functions() {
    return functions.values();
  }

  /** The built-in function catalogue (the same for every registry). */
  public FunctionCatalog functionCatalog() {
    return FunctionCatalog.builtIn();
  }

  /** Reads one schema JSON document, locating errors in its text. */
  private static final class SchemaFileReader {
    private final String source;
    private final String text;
    private LineMap lines;

    SchemaFileReader(String source, String text) {
      this.source = source;
      this.text = text;
    }

    void read(Map<String, TableSchema> tables, Map<String, StoredFunction> functions) throws SchemaFileException {
      Object root;
      try {
        root = Json.parse(text);
      } catch (JsonException e) {
        String msg = e.getMessage();
        int at = msg.indexOf(" at line ");
        throw new SchemaFileException(source, e.line(), e.column(), at < 0 ? msg : msg.substring(0, at));
      }
      if (!(root instanceof Map<?, ?> top)) {
        throw error(0, "the schema must be a JSON object with \"tables\" and/or \"functions\"");
      }
      Object t = top.get("tables");
      if (t != null) {
        if (!(t instanceof Map<?, ?> tableMap)) {
          throw error(find("\"tables\"", 0), "\"tables\" must be an object of table name to columns");
        }
        for (Map.Entry<?, ?> e : tableMap.entrySet()) {
          String name = String.valueOf(e.getKey());
          tables.put(name, table(name, e.getValue()));
        }
      }
      Object f = top.get("functions");
      if (f != null) {
        readFunctions(f, functions);
      }
    }

    private TableSchema table(String name, Object value) throws SchemaFileException {
      int at = find(Json.quote(name), 0);
      List<ColumnSymbol> columns = new ArrayList<>();
      if (value instanceof List<?> list) {
        for (Object c : list) {
          if (!(c instanceof Map<?, ?> col) || !(col.get("name") instanceof String cn)) {
            throw error(at, "table '" + name + "': each column must be {\"name\": ..., \"type\": ...}");
          }
          columns.add(new ColumnSymbol(cn, type(name, cn, col.get("type"), at)));
        }
      } else if (value instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
          String cn = String.valueOf(e.getKey());
          columns.add(new ColumnSymbol(cn, type(name, cn, e.getValue(), at)));
        }
      } else {
        throw error(at, "table '" + name + "' must list its columns in an array or object");
      }
      try {
        return new TableSchema(name, columns);
      } catch (IllegalArgumentException e) {
        throw error(at, e.getMessage());
      }
    }

    private ScalarType type(String table, String column, Object type, int tableAt) throws SchemaFileException {
      ScalarType t = type instanceof String s ? ScalarType.fromName(s.strip()) : null;
      if (t == null || t == ScalarType.UNKNOWN) {
        int at = find(Json.quote(column), tableAt);
        throw error(at, "column '" + table + "." + column + "': unknown type " + Json.write(type));
      }
      return t;
    }

    private void readFunctions(Object f, Map<String, StoredFunction> out) throws SchemaFileException {
      int at = find("\"functions\"", 0);
      List<Object> items = new ArrayList<>();
      if (f instanceof List<?> list) {
        items.addAll(list);
      } else if (f instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (e.getValue() instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>(m);
            copy.putIfAbsent("name", e.getKey());
            items.add(copy);
          } else {
            items.add(e.getValue());
          }
        }
      } else {
        throw error(at, "\"functions\" must be an array of {\"name\", \"parameters\", \"body\"}");
      }
      for (Object item : items) {
        if (!(item instanceof Map<?, ?> m) || !(m.get("name") instanceof String name)
            || !(m.get("body") instanceof String body)) {
          throw error(at, "each function needs a string \"name\" and \"body\"");
        }
        Object params = m.get("parameters");
        if (params != null && !(params instanceof String)) {
          throw error(find(Json.quote(name), at), "function '" + name + "': \"parameters\" must be a string");
        }
        out.put(name, new StoredFunction(name, params == null ? "()" : (String) params, body));
      }
    }

    private int find(String needle, int from) {
      int i = text.indexOf(needle, Math.max(0, from));
      return i < 0 ? Math.max(0, from) : i;
    }

    private SchemaFileException error(int offset, String reason) {
      if (lines == null) {
        lines = new LineMap(text);
      }
      return new SchemaFileException(source, lines.line(offset), lines.column(offset), reason);
    }
  }
}
