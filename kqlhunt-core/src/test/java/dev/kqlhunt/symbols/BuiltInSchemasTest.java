package dev.kqlhunt.symbols;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.kqlhunt.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The built-in Defender tables equal the oracle's schema file column by column, in order. */
@Tag("conformance")
class BuiltInSchemasTest {

  @Test
  void builtInTablesEqualTheOracleSchema() throws IOException {
    Map<?, ?> root = (Map<?, ?>) Json.parse(SharedFiles.read("tools/kusto-oracle/device-schema.json"));
    Map<?, ?> tables = (Map<?, ?>) root.get("tables");
    SchemaRegistry registry = SchemaRegistry.builtIn();
    assertEquals(List.copyOf(stringKeys(tables)), List.copyOf(registry.tableNames()));
    for (Map.Entry<?, ?> e : tables.entrySet()) {
      TableSchema ours = registry.table((String) e.getKey());
      assertNotNull(ours, "missing table " + e.getKey());
      List<String> expected = new ArrayList<>();
      for (Object c : (List<?>) e.getValue()) {
        Map<?, ?> col = (Map<?, ?>) c;
        expected.add(col.get("name") + ":" + col.get("type"));
      }
      List<String> actual = new ArrayList<>();
      for (ColumnSymbol c : ours.columns()) {
        actual.add(c.name() + ":" + c.type().kustoName());
      }
      assertEquals(expected, actual, "columns of " + e.getKey());
    }
  }

  @Test
  void sentinelColumnsArePresent() {
    TableSchema t = SchemaRegistry.builtIn().table("DeviceProcessEvents");
    for (String c : List.of("Timestamp", "TimeGenerated", "TenantId", "SourceSystem", "Type", "MachineGroup")) {
      assertNotNull(t.column(c), c);
    }
    assertEquals(ScalarType.DATETIME, t.column("TimeGenerated").type());
  }

  private static List<String> stringKeys(Map<?, ?> m) {
    List<String> out = new ArrayList<>();
    m.keySet().forEach(k -> out.add((String) k));
    return out;
  }
}
