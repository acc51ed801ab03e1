package dev.kqlhunt.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaRegistryTest {

  @Test
  void schemaFileAddsTablesAndFunctions(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("schema.json");
    Files.writeString(file, """
        {"tables": {"Watch": [{"name": "SearchKey", "type": "string"}, {"name": "n", "type": "int64"}],
                    "DeviceInfo": {"OnlyColumn": "bool"}},
         "functions": [{"name": "_GetWatchlist", "parameters": "(watchlistAlias:string)",
                        "body": "{ Watch }"}]}
        """);
    SchemaRegistry r = SchemaRegistry.builtIn().withSchemaFile(file);
    TableSchema watch = r.table("Watch");
    assertEquals(List.of(new ColumnSymbol("SearchKey", ScalarType.STRING), new ColumnSymbol("n", ScalarType.LONG)),
        watch.columns());
    assertEquals(1, r.table("DeviceInfo").columns().size(), "a file table replaces the built-in");
    assertNotNull(r.table("DeviceProcessEvents"));
    StoredFunction f = r.function("_GetWatchlist");
    assertEquals("(watchlistAlias:string)", f.parameters());
    assertEquals("{ Watch }", f.body());
    assertNull(SchemaRegistry.builtIn().table("Watch"), "the built-in registry is unchanged");
  }

  @Test
  void missingParametersDefaultToEmptyList() throws Exception {
    SchemaRegistry r = SchemaRegistry.builtIn().withSchemaJson("s.json", "{\"functions\": [{\"name\": \"f\", \"body\": \"{ 1 }\"}]}");
    assertEquals("()", r.function("f").parameters());
  }

  static Stream<Arguments> badSchemas() {
    return Stream.of(
        Arguments.of("{\"tables\": {\"T\": [{\"name\": \"c\", \"type\": \"strin\"}]}}", "1:28", "unknown type \"strin\""),
        Arguments.of("{\"tables\": {\n  \"T\": [\n {\"name\": \"c\", \"type\": 1}]}}", "3:11", "unknown type 1"),
        Arguments.of("{\"tables\": [1]}", "1:2", "\"tables\" must be an object"),
        Arguments.of("{\"tables\": {\"T\": 5}}", "1:13", "must list its columns"),
        Arguments.of("{\"tables\": {\"T\": [{\"name\": \"c\", \"type\": \"long\"}, {\"name\": \"c\", \"type\": \"long\"}]}}",
            "1:13", "duplicate column"),
        Arguments.of("{\"functions\": [{\"name\": \"f\"}]}", "1:2", "string \"name\" and \"body\""),
        Arguments.of("{\"tables\": {\"T\": [}", "1:19", ""),
        Arguments.of("[]", "1:1", "must be a JSON object"));
  }

  @ParameterizedTest(name = "{1} {2}")
  @MethodSource("badSchemas")
  void errorsNameFileAndPosition(String json, String position, String reason) {
    SchemaFileException e = assertThrows(SchemaFileException.class,
        () -> SchemaRegistry.builtIn().withSchemaJson("my.json", json));
    assertTrue(e.getMessage().startsWith("my.json:" + position + ": "), e.getMessage());
    assertTrue(e.reason().contains(reason), e.getMessage());
  }

  @Test
  void unreadableFileIsReported(@TempDir Path dir) {
    Path missing = dir.resolve("nope.json");
    SchemaFileException e = assertThrows(SchemaFileException.class, () -> SchemaRegistry.builtIn().withSchemaFile(missing));
    assertTrue(e.getMessage().startsWith(missing + ":1:1: cannot read"), e.getMessage());
  }

  @Test
  void registryOfExplicitTables() throws IOException {
    TableSchema t = new TableSchema("T", List.of(new ColumnSymbol("a", ScalarType.LONG)));
    SchemaRegistry r = SchemaRegistry.of(List.of(t), List.of());
    assertEquals(List.of("T"), List.copyOf(r.tableNames()));
    assertNull(r.table("DeviceEvents"));
  }
}
