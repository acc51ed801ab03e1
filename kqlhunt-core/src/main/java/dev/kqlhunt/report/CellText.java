package dev.kqlhunt.report;

import dev.kqlhunt.json.Json;
import dev.kqlhunt.sample.JsonLinesRows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How result values ({@link dev.kqlhunt.rules.alerts.ResultTable}'s Java values) are written by every
 * format, so that the same value reads the same in a table, a CSV cell and a JSON document: datetimes
 * as ISO-8601 UTC with seven fractional digits and {@code Z} (Kusto's style), timespans as ISO-8601
 * durations, dynamic values (lists and maps) as compact JSON, null as empty text / JSON null.
 */
public final class CellText {
  private CellText() {}

  /** The value as text; null becomes the empty string. */
  public static String text(Object value) {
    return switch (value) {
      case null -> "";
      case Instant t -> JsonLinesRows.toIso7(t);
      case List<?> l -> Json.write(json(l));
      case Map<?, ?> m -> Json.write(json(m));
      default -> value.toString();
    };
  }

  /** The value as a JSON tree value ({@link Json#write} accepts the result). */
  public static Object json(Object value) {
    return switch (value) {
      case null -> null;
      case String s -> s;
      case Boolean b -> b;
      case Number n -> n;
      case Instant t -> JsonLinesRows.toIso7(t);
      case Duration d -> d.toString();
      case List<?> l -> {
        List<Object> out = new ArrayList<>(l.size());
        for (Object o : l) out.add(json(o));
        yield out;
      }
      case Map<?, ?> m -> {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), json(v)));
        yield out;
      }
      default -> value.toString();
    };
  }
}
