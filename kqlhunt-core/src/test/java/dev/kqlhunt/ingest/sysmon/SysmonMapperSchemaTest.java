package dev.kqlhunt.ingest.sysmon;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every column the mapper writes exists in shared/schemas/&lt;Table&gt;.json with the matching Java
 * type, over all rows produced from the EVTX samples and three OTRF archives (every mapped table
 * occurs).
 */
@Tag("conformance")
class SysmonMapperSchemaTest {
  private static final Map<String, Class<?>> JAVA_TYPE =
      Map.of(
          "datetime",
          Instant.class,
          "long",
          Long.class,
          "int",
          Integer.class,
          "string",
          String.class,
          "bool",
          Boolean.class);

  @Test
  void rowsConformToTheDefenderSchemas() throws IOException {
    Map<String, Map<String, String>> schemas = new HashMap<>();
    Map<String, Long> checked = new TreeMap<>();
    TallySink sink =
        new TallySink(
            row -> {
              Map<String, String> columns =
                  schemas.computeIfAbsent(row.table(), SysmonMapperSchemaTest::load);
              for (Map.Entry<String, Object> e : row.values().entrySet()) {
                String type = columns.get(e.getKey());
                assertNotNull(type, row.table() + " has no column " + e.getKey());
                assertEquals(
                    JAVA_TYPE.get(type), e.getValue().getClass(), row.table() + "." + e.getKey());
              }
              for (String always : List.of("Timestamp", "DeviceName", "DeviceId", "ActionType")) {
                assertNotNull(
                    row.values().get(always), row.table() + "." + always + " at " + row.origin());
              }
              checked.merge(row.table(), 1L, Long::sum);
            });
    SharedSamples.read(
        SharedSamples.real("sbousseaden-evtx-attack-samples"), new SysmonEvtxReader(), sink);
    for (String archive :
        List.of(
            "schtask_create.zip",
            "psh_control_panel_execution.zip",
            "sysmon_log4shell_cve2021_44228_java_serialized_object.zip")) {
      SharedSamples.read(
          SharedSamples.real("otrf-security-datasets/" + archive), new SysmonJsonReader(), sink);
    }
    assertEquals(7, checked.size(), checked.toString());
  }

  private static Map<String, String> load(String table) {
    Path file = SharedSamples.shared().resolve("schemas").resolve(table + ".json");
    assertTrue(Files.exists(file), "schema missing: " + file);
    Map<String, String> columns = new HashMap<>();
    try {
      Map<?, ?> schema = (Map<?, ?>) Json.parse(Files.readString(file));
      for (Object c : (List<?>) schema.get("columns")) {
        Map<?, ?> column = (Map<?, ?>) c;
        columns.put((String) column.get("name"), (String) column.get("type"));
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return columns;
  }
}
