package dev.kqlhunt.symbols;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the built-in table schemas ({@code defender-tables.schema}: the Defender XDR {@code Device*}
 * tables as Sentinel stores them). Format: {@code table NAME} then one indented {@code COLUMN: TYPE}
 * line per column in table order; {@code #} starts a comment line. A malformed resource is a build
 * defect and throws {@link IllegalStateException} naming the line.
 */
final class BuiltInTables {
  static final String RESOURCE = "defender-tables.schema";

  private BuiltInTables() {}

  static Map<String, TableSchema> load() {
    try (InputStream in = BuiltInTables.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, TableSchema> parse(String text) {
    Map<String, TableSchema> tables = new LinkedHashMap<>();
    String table = null;
    List<ColumnSymbol> columns = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("table ")) {
        if (table != null) {
          tables.put(table, new TableSchema(table, columns));
        }
        table = line.substring(6).strip();
        columns = new ArrayList<>();
        continue;
      }
      int colon = line.indexOf(':');
      ScalarType type = colon < 0 ? null : ScalarType.fromName(line.substring(colon + 1).strip());
      if (table == null || type == null) {
        throw new IllegalStateException(RESOURCE + ":" + (i + 1) + ": bad line: " + line);
      }
      columns.add(new ColumnSymbol(line.substring(0, colon).strip(), type));
    }
    if (table != null) {
      tables.put(table, new TableSchema(table, columns));
    }
    return tables;
  }
}
