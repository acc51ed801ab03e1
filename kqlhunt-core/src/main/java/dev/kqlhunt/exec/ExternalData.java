package dev.kqlhunt.exec;

import dev.kqlhunt.binder.BoundExpr;
import dev.kqlhunt.binder.OperatorSpec;
import dev.kqlhunt.json.Json;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code externaldata (schema) [uri, ...] with (format=..., ignoreFirstRecord=...)}: reads each URL
 * through the options' {@link ExternalDataResolver} and parses it by format: the {@code format}
 * property, else the URL's extension, else csv. Delimited formats (csv, tsv, psv, scsv, sohsv) map
 * fields to columns by position (missing fields null, extra ones ignored); {@code txt} gives one row per
 * line in the first column, {@code raw} the whole text; {@code json}/{@code multijson} read JSON lines
 * or an array of objects, mapping properties to columns by name. Values convert to the column types
 * (null when they do not). A URL that cannot be read stops the query with KQL5011.
 */
final class ExternalData {
  private ExternalData() {}

  static Table read(ExprEvaluator eval, OperatorSpec.ExternalData spec, List<ColumnSymbol> columns) {
    ExternalDataResolver resolver = eval.context().options().externalData();
    boolean skipFirst = "true".equalsIgnoreCase(spec.properties().getOrDefault("ignorefirstrecord", "false"));
    TableBuilder out = new TableBuilder(columns, 16);
    for (BoundExpr u : spec.uris()) {
      String url = Coerce.toStringValue(eval.constant(u), ScalarType.STRING).trim();
      String content;
      try {
        content = resolver.read(stripSecret(url));
      } catch (IOException | RuntimeException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        throw new ExecutionException(ExecError.EXTERNAL_DATA, "externaldata", redact(url), reason);
      }
      String format = spec.properties().getOrDefault("format", formatOf(url)).toLowerCase(Locale.ROOT);
      parse(content, format, skipFirst, columns, out);
    }
    return out.build();
  }

  /** Kusto storage URIs may carry credentials after {@code ;}; they are not part of the address. */
  private static String stripSecret(String url) {
    int semi = url.indexOf(';');
    return semi < 0 ? url : url.substring(0, semi);
  }

  /** The URL for messages, without query string or credentials (SAS tokens stay out of diagnostics). */
  private static String redact(String url) {
    String s = stripSecret(url);
    int q = s.indexOf('?');
    return q < 0 ? s : s.substring(0, q) + "?...";
  }

  static String formatOf(String url) {
    String path = stripSecret(url);
    int q = path.indexOf('?');
    if (q >= 0) path = path.substring(0, q);
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".gz")) lower = lower.substring(0, lower.length() - 3);
    int dot = lower.lastIndexOf('.');
    int slash = lower.lastIndexOf('/');
    if (dot < 0 || dot < slash) return "csv";
    String ext = lower.substring(dot + 1);
    return switch (ext) {
      case "tsv", "tsve", "psv", "scsv", "sohsv", "txt", "raw", "json", "multijson" -> ext;
      default -> "csv";
    };
  }

  static void parse(String content, String format, boolean skipFirst, List<ColumnSymbol> columns, TableBuilder out) {
    switch (format) {
      case "txt" -> {
        List<String> lines = content.lines().toList();
        for (int i = skipFirst ? 1 : 0; i < lines.size(); i++) addFields(List.of(lines.get(i)), columns, out);
      }
      case "raw" -> {
        if (!content.isEmpty()) addFields(List.of(content), columns, out);
      }
      case "json", "multijson", "singlejson" -> json(content, columns, out);
      default -> {
        char delimiter = switch (format) {
          case "tsv", "tsve" -> '\t';
          case "psv" -> '|';
          case "scsv" -> ';';
          case "sohsv" -> '\u0001';
          default -> ',';
        };
        List<List<String>> records = delimited(content, delimiter);
        for (int i = skipFirst ? 1 : 0; i < records.size(); i++) addFields(records.get(i), columns, out);
      }
    }
  }

  private static void addFields(List<String> fields, List<ColumnSymbol> columns, TableBuilder out) {
    Object[] row = new Object[columns.size()];
    for (int c = 0; c < row.length; c++) {
      String f = c < fields.size() ? fields.get(c) : null;
      ScalarType t = columns.get(c).type();
      row[c] = f == null || (f.isEmpty() && t != ScalarType.STRING) ? null : Coerce.to(t, f);
    }
    out.addRow(row);
  }

  /** RFC 4180 records: quoted fields may hold delimiters, newlines and doubled quotes; blank lines are skipped. */
  static List<List<String>> delimited(String text, char delimiter) {
    List<List<String>> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"' && field.isEmpty()) {
        quoted = true;
        any = true;
      } else if (ch == delimiter) {
        fields.add(field.toString());
        field.setLength(0);
        any = true;
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
        if (any || !field.isEmpty()) {
          fields.add(field.toString());
          records.add(fields);
        }
        fields = new ArrayList<>();
        field.setLength(0);
        any = false;
      } else {
        field.append(ch);
        any = true;
      }
    }
    if (any || !field.isEmpty()) {
      fields.add(field.toString());
      records.add(fields);
    }
    return records;
  }

  @SuppressWarnings("unchecked")
  private static void json(String content, List<ColumnSymbol> columns, TableBuilder out) {
    String trimmed = content.strip();
    if (trimmed.isEmpty()) return;
    List<Object> items = new ArrayList<>();
    if (trimmed.startsWith("[")) {
      items.addAll((List<Object>) Json.parse(trimmed));
    } else {
      for (String line : trimmed.lines().toList()) if (!line.isBlank()) items.add(Json.parse(line));
    }
    for (Object item : items) {
      Object[] row = new Object[columns.size()];
      if (item instanceof Map<?, ?> m) {
        for (int c = 0; c < row.length; c++) {
          Object v = m.get(columns.get(c).name());
          row[c] = v == null ? null : Coerce.to(columns.get(c).type(), v instanceof Map || v instanceof List ? Coerce.toDynamic(v) : v);
        }
      } else if (row.length > 0) {
        row[0] = Coerce.to(columns.get(0).type(), item instanceof List ? Coerce.toDynamic(item) : item);
      }
      out.addRow(row);
    }
  }
}
