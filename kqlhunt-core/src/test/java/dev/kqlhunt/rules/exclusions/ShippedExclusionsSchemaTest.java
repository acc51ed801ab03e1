package dev.kqlhunt.rules.exclusions;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Until the binder is wired in, checks the shipped exclusions against the DeviceProcessEvents schema in
 * ../shared/schemas: every capitalised identifier in a predicate (outside strings and comments) and
 * every column of an example row is a real column. (The official parser also accepted the seed rule
 * compiled with these exclusions when they were written.)
 */
@Tag("conformance")
class ShippedExclusionsSchemaTest {
  private static final Pattern STRINGS_AND_COMMENTS =
      Pattern.compile("@\"[^\"]*\"|@'[^']*'|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'|//[^\\n]*");
  private static final Pattern IDENTIFIER = Pattern.compile("\\b[A-Z][A-Za-z0-9_]*\\b");

  @Test
  void predicatesAndExamplesUseRealDeviceProcessEventsColumns() throws IOException {
    Set<String> columns = columns();
    ExclusionSet set = new ExclusionLoader().load(ExclusionLoaderTest.exampleFile()).value();
    for (Exclusion e : set.exclusions()) {
      String code = STRINGS_AND_COMMENTS.matcher(e.where().text()).replaceAll(" ");
      Matcher m = IDENTIFIER.matcher(code);
      while (m.find()) {
        assertTrue(columns.contains(m.group()), e.id() + ": '" + m.group() + "' is not a DeviceProcessEvents column");
      }
      for (Map<String, Object> row : e.examples().removes()) assertColumns(columns, e.id(), row);
      for (Map<String, Object> row : e.examples().keeps()) assertColumns(columns, e.id(), row);
    }
  }

  private static void assertColumns(Set<String> columns, String id, Map<String, Object> row) {
    for (String column : row.keySet()) {
      assertTrue(columns.contains(column), id + ": example column '" + column + "' is not a DeviceProcessEvents column");
    }
  }

  @SuppressWarnings("unchecked")
  private static Set<String> columns() throws IOException {
    Path schema = Path.of(System.getProperty("kqlhunt.shared", "/work/main/../shared"), "schemas/DeviceProcessEvents.json");
    assertTrue(Files.isRegularFile(schema), "schema missing: " + schema);
    Map<String, Object> doc = (Map<String, Object>) Json.parse(Files.readString(schema));
    Set<String> names = new HashSet<>();
    for (Object c : (List<Object>) doc.get("columns")) names.add((String) ((Map<String, Object>) c).get("name"));
    assertTrue(names.contains("InitiatingProcessFileName"), "unexpected schema shape");
    return names;
  }
}
