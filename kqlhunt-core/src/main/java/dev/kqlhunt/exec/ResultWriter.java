package dev.kqlhunt.exec;

import dev.kqlhunt.exec.vector.BoolVector;
import dev.kqlhunt.exec.vector.DoubleVector;
import dev.kqlhunt.exec.vector.DynamicVector;
import dev.kqlhunt.exec.vector.LongVector;
import dev.kqlhunt.exec.vector.StringVector;
import dev.kqlhunt.exec.vector.Vector;
import dev.kqlhunt.json.Json;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.value.DateTimes;
import dev.kqlhunt.value.DynamicJson;
import dev.kqlhunt.value.RealFormat;
import dev.kqlhunt.value.Timespans;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a result table as text: {@link #json} (an array of objects keyed by column name in column
 * order; datetimes as ISO-8601 UTC with seven fraction digits and {@code Z}, timespans as {@code
 * [d.]hh:mm:ss[.fffffff]} strings, dynamic values as JSON, nulls as {@code null}), {@link #csv} (RFC
 * 4180 with a header row; nulls empty) and {@link #table} (aligned columns for people). Stateless.
 */
public final class ResultWriter {
  private ResultWriter() {}

  /** The text of one cell as Kusto prints it; null is the empty string. */
  public static String text(Table t, int row, int column) {
    Vector v = t.vector(column);
    if (v.isNull(row)) return "";
    ScalarType type = t.columns().get(column).type();
    return switch (v) {
      case LongVector l -> type == ScalarType.DATETIME ? DateTimes.format(l.get(row))
          : type == ScalarType.TIMESPAN ? Timespans.format(l.get(row)) : Long.toString(l.get(row));
      case DoubleVector d -> RealFormat.format(d.get(row));
      case BoolVector b -> b.get(row) ? "true" : "false";
      case StringVector s -> s.get(row);
      case DynamicVector d -> DynamicJson.write(d.get(row));
    };
  }

  public static String json(Table t) {
    StringBuilder sb = new StringBuilder("[");
    for (int r = 0; r < t.rowCount(); r++) {
      sb.append(r == 0 ? "\n  {" : ",\n  {");
      for (int c = 0; c < t.columns().size(); c++) {
        if (c > 0) sb.append(", ");
        Json.quote(t.columns().get(c).name(), sb);
        sb.append(": ");
        jsonValue(t, r, c, sb);
      }
      sb.append('}');
    }
    return sb.append(t.rowCount() == 0 ? "]\n" : "\n]\n").toString();
  }

  private static void jsonValue(Table t, int r, int c, StringBuilder sb) {
    Vector v = t.vector(c);
    if (v.isNull(r)) {
      sb.append("null");
      return;
    }
    switch (v) {
      case LongVector l when l.type() == ScalarType.LONG || l.type() == ScalarType.INT -> sb.append(l.get(r));
      case BoolVector b -> sb.append(b.get(r));
      case DoubleVector d when !Double.isNaN(d.get(r)) && !Double.isInfinite(d.get(r)) -> sb.append(RealFormat.format(d.get(r)));
      case DynamicVector d -> DynamicJson.write(d.get(r), sb);
      default -> Json.quote(text(t, r, c), sb);
    }
  }

  public static String csv(Table t) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < t.columns().size(); c++) {
      if (c > 0) sb.append(',');
      csvField(t.columns().get(c).name(), sb);
    }
    sb.append('\n');
    for (int r = 0; r < t.rowCount(); r++) {
      for (int c = 0; c < t.columns().size(); c++) {
        if (c > 0) sb.append(',');
        csvField(text(t, r, c), sb);
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static void csvField(String s, StringBuilder sb) {
    boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    if (!quote) {
      sb.append(s);
      return;
    }
    sb.append('"').append(s.replace("\"", "\"\"")).append('"');
  }

  /** Aligned columns with a header and a rule; cells wider than {@code maxWidth} are cut with an ellipsis. */
  public static String table(Table t, int maxWidth) {
    int cols = t.columns().size();
    List<String[]> rows = new ArrayList<>();
    String[] header = new String[cols];
    int[] width = new int[cols];
    for (int c = 0; c < cols; c++) {
      header[c] = t.columns().get(c).name();
      width[c] = header[c].length();
    }
    for (int r = 0; r < t.rowCount(); r++) {
      String[] row = new String[cols];
      for (int c = 0; c < cols; c++) {
        String s = text(t, r, c).replace('\n', ' ').replace('\r', ' ');
        if (s.length() > maxWidth) s = s.substring(0, maxWidth - 1) + "…";
        row[c] = s;
        width[c] = Math.max(width[c], s.length());
      }
      rows.add(row);
    }
    StringBuilder sb = new StringBuilder();
    line(header, width, sb);
    for (int c = 0; c < cols; c++) {
      if (c > 0) sb.append("  ");
      sb.append("-".repeat(width[c]));
    }
    sb.append('\n');
    for (String[] row : rows) line(row, width, sb);
    return sb.toString();
  }

  private static void line(String[] cells, int[] width, StringBuilder sb) {
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) sb.append("  ");
      sb.append(cells[c]);
      if (c < cells.length - 1) sb.append(" ".repeat(width[c] - cells[c].length()));
    }
    sb.append('\n');
  }
}
