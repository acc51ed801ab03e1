package dev.kqlhunt.ingest;

import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.TableSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Converts a record's values to the column types of one table (see {@link ValueConversion} for the
 * typed representation of each type).
 *
 * <p>The result map holds every schema column, in schema order — a column the record lacks is null —
 * followed by the record's extra columns (names not in the schema), whose values are kept as read,
 * so nothing is lost: the store is to keep them as additional columns of the table (suggested: the
 * first value's kind decides — text → string, integer → long, number → real, boolean → bool,
 * object/array → dynamic). {@link TypingSink} warns about them once per input.
 *
 * <p>Immutable and thread-safe; one instance per table.
 */
public final class TypedRowConverter {
  /** The outcome of one conversion: a typed row, or the first column that failed and why. */
  public record Result(
      Map<String, Object> row,
      List<String> extraColumns,
      String badColumn,
      Object badValue,
      String reason) {
    public boolean ok() {
      return row != null;
    }
  }

  private final TableSchema schema;
  private final String[] names;
  private final dev.kqlhunt.symbols.ScalarType[] types;

  public TypedRowConverter(TableSchema schema) {
    this.schema = Objects.requireNonNull(schema, "schema is null");
    List<ColumnSymbol> cols = schema.columns();
    names = new String[cols.size()];
    types = new dev.kqlhunt.symbols.ScalarType[cols.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = cols.get(i).name();
      types[i] = cols.get(i).type();
    }
  }

  public TableSchema schema() {
    return schema;
  }

  /** Converts {@code values}; never throws on bad values. */
  public Result convert(Map<String, Object> values) {
    Map<String, Object> row = new LinkedHashMap<>((names.length + 4) * 4 / 3);
    int matched = 0;
    for (int i = 0; i < names.length; i++) {
      Object v = values.get(names[i]);
      if (v != null || values.containsKey(names[i])) matched++;
      try {
        row.put(names[i], ValueConversion.convert(types[i], v));
      } catch (ValueConversion.BadValue e) {
        return new Result(null, List.of(), names[i], v, e.getMessage());
      }
    }
    List<String> extras = List.of();
    if (matched < values.size()) {
      extras = new ArrayList<>();
      for (Map.Entry<String, Object> e : values.entrySet()) {
        if (schema.indexOf(e.getKey()) < 0) {
          extras.add(e.getKey());
          row.put(e.getKey(), e.getValue());
        }
      }
    }
    return new Result(row, extras, null, null, null);
  }
}
