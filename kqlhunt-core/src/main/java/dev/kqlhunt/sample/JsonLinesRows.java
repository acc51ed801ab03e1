package dev.kqlhunt.sample;

import dev.kqlhunt.json.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Writes rows as JSON lines the way Defender's Advanced Hunting API returns records: one object per
 * row, keys in column order, datetimes as ISO-8601 UTC with seven fractional digits.
 */
public final class JsonLinesRows {
  private static final DateTimeFormatter ISO7 =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private JsonLinesRows() {}

  public static void appendLine(Map<String, Object> row, StringBuilder out) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, Object> e : row.entrySet()) {
      if (!first) out.append(',');
      first = false;
      Json.quote(e.getKey(), out);
      out.append(':');
      Object v = e.getValue();
      if (v instanceof Instant t) {
        out.append('"').append(ISO7.format(t)).append('"');
      } else {
        Json.write(v, out);
      }
    }
    out.append("}\n");
  }

  public static String toIso7(Instant t) {
    return ISO7.format(t);
  }
}
