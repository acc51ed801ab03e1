package dev.kqlhunt.ingest;

import dev.kqlhunt.symbols.TableSchema;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the schema of a target table. Ingest uses it to convert values ({@link TypingSink}) and to
 * tell a known Streaming API category from an unknown one. The symbols catalogue adapts to it with a
 * method reference ({@code catalog::table}, say).
 */
@FunctionalInterface
public interface SchemaLookup {
  /** The schema of {@code table} (case-sensitive), or null when the table is unknown. */
  TableSchema schema(String table);

  /** Knows no table: every table is schema-less. */
  SchemaLookup NONE = table -> null;

  /** A lookup over a fixed set of schemas. */
  static SchemaLookup of(Iterable<TableSchema> schemas) {
    Map<String, TableSchema> byName = new HashMap<>();
    for (TableSchema s : schemas) byName.put(s.name(), s);
    Map<String, TableSchema> copy = Map.copyOf(byName);
    return copy::get;
  }
}
