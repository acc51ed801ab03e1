package dev.kqlhunt.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Schema} of an Advanced Hunting API response ({@code [{"Name":"Timestamp","Type":
 * "DateTime"}, ...]}, or Graph's lowercase {@code name}/{@code type}). Results carry datetimes as
 * strings; this types them as {@link java.time.Instant} so that even a table without a known schema
 * gets real datetimes. A value that does not parse is left as it is, for {@link TypingSink} to judge.
 * Other types are already JSON-native.
 */
final class HuntingApiSchema {
  private final Map<String, String> typeByColumn;

  private HuntingApiSchema(Map<String, String> typeByColumn) {
    this.typeByColumn = typeByColumn;
  }

  /** Reads a parsed {@code Schema} value; an unexpected shape gives an empty schema. */
  static HuntingApiSchema of(Object schema) {
    Map<String, String> types = new HashMap<>();
    if (schema instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m) {
          Object name = m.containsKey("Name") ? m.get("Name") : m.get("name");
          Object type = m.containsKey("Type") ? m.get("Type") : m.get("type");
          if (name instanceof String n && type instanceof String t) {
            types.put(n, t.toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    return new HuntingApiSchema(types);
  }

  /** Types the datetime columns of one result row in place; other values are left alone. */
  Object type(Object row) {
    if (!(row instanceof Map<?, ?> m) || typeByColumn.isEmpty()) return row;
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) m;
    for (Map.Entry<String, Object> e : map.entrySet()) {
      String t = typeByColumn.get(e.getKey());
      if (t != null && (t.equals("datetime") || t.equals("date")) && e.getValue() instanceof String s) {
        java.time.Instant i = DateTimes.parse(s);
        if (i != null) e.setValue(i);
      }
    }
    return row;
  }
}
