package dev.kqlhunt.ingest;

import dev.kqlhunt.json.Json;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.symbols.TableSchema;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Converts records to their table's column types on the way to {@code downstream} (see {@link
 * TypedRowConverter}). A value that does not convert turns the record into a {@link
 * IngestCode#BAD_VALUE} reject naming the column, its type, the value and the reason; the raw text of
 * such a reject is the record as JSON.
 *
 * <p>Warnings, once per input (the origin's source) and table: {@link IngestCode#EXTRA_COLUMNS} for
 * columns not in the schema (they are kept, see {@link TypedRowConverter}), and {@link
 * IngestCode#UNKNOWN_TABLE_SCHEMA} for a table with no schema, whose records pass through unchanged.
 *
 * <p>Not thread-safe.
 */
public final class TypingSink extends ForwardingSink {
  private final SchemaLookup schemas;
  private final Map<String, TypedRowConverter> converters = new HashMap<>();
  private final Set<String> schemaless = new HashSet<>();
  private final Set<String> warned = new HashSet<>();

  public TypingSink(SchemaLookup schemas, RecordSink downstream) {
    super(downstream);
    this.schemas = Objects.requireNonNull(schemas, "schemas is null");
  }

  @Override
  public void accept(String table, Map<String, Object> values, RecordOrigin origin) {
    TypedRowConverter converter = converter(table);
    if (converter == null) {
      warnOnce(origin, table, "?schema", IngestCode.UNKNOWN_TABLE_SCHEMA, table);
      downstream.accept(table, values, origin);
      return;
    }
    TypedRowConverter.Result r = converter.convert(values);
    if (!r.ok()) {
      ScalarType type = converter.schema().column(r.badColumn()).type();
      downstream.reject(
          Reject.of(
              origin,
              Json.write(ValueConversion.jsonSafe(values)),
              IngestCode.BAD_VALUE,
              r.badColumn(),
              type,
              describe(r.badValue()),
              r.reason()));
      return;
    }
    if (!r.extraColumns().isEmpty()) warnExtras(origin, table, r.extraColumns());
    downstream.accept(table, r.row(), origin);
  }

  private TypedRowConverter converter(String table) {
    TypedRowConverter c = converters.get(table);
    if (c != null || schemaless.contains(table)) return c;
    TableSchema schema = schemas.schema(table);
    if (schema == null) {
      schemaless.add(table);
      return null;
    }
    c = new TypedRowConverter(schema);
    converters.put(table, c);
    return c;
  }

  private void warnExtras(RecordOrigin origin, String table, List<String> extras) {
    List<String> fresh = new java.util.ArrayList<>();
    for (String column : extras) {
      if (warned.add(origin.source() + "\0" + table + "\0" + column)) fresh.add(column);
    }
    if (!fresh.isEmpty()) {
      downstream.warning(
          Reject.of(origin, "", IngestCode.EXTRA_COLUMNS, table, String.join(", ", fresh)));
    }
  }

  private void warnOnce(RecordOrigin origin, String table, String what, IngestCode code, Object arg) {
    if (warned.add(origin.source() + "\0" + table + "\0" + what)) {
      downstream.warning(Reject.of(origin, "", code, arg));
    }
  }

  private static String describe(Object v) {
    String text = v instanceof String s ? Json.quote(s) : Json.write(ValueConversion.jsonSafe(v));
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
