package dev.kqlhunt.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {
  private static final List<String> COLUMNS = columns();

  private static List<String> columns() {
    List<String> out = new ArrayList<>();
    for (ColumnSymbol c : SchemaRegistry.builtIn().table("DeviceProcessEvents").columns()) {
      out.add(c.name());
    }
    return out;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "null", value = {
    "ProcesCommandLine, ProcessCommandLine",
    "processcommandline, ProcessCommandLine",
    "PROCESSCOMMANDLINE, ProcessCommandLine",
    "ProcessVersionInfoCompanyNam, ProcessVersionInfoCompanyName",
    "ProcessVersionInfoComapnyName, ProcessVersionInfoCompanyName",
    "Timestmp, Timestamp",
    "DeviceNme, DeviceName",
    "FileNam, FileName",
    "Banana, null",
    "X, null",
    "TimeStamp, Timestamp",
  })
  void suggestsTheClosestColumn(String typo, String expected) {
    assertEquals(expected, Suggestions.closest(typo, COLUMNS));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "null", value = {
    "tostrin, tostring",
    "Tolower, tolower",
    "make_sett, make_set",
    "dcont, dcount",
    "strcta, strcat",
    "nosuchfunctionatall, null",
  })
  void suggestsFunctions(String typo, String expected) {
    FunctionCatalog c = FunctionCatalog.builtIn();
    List<String> names = new ArrayList<>(c.names(FunctionKind.SCALAR));
    names.addAll(c.names(FunctionKind.AGGREGATE));
    assertEquals(expected, Suggestions.closest(typo, names));
  }

  @ParameterizedTest(name = "{0} vs {1} = {2}")
  @CsvSource({"abc, abc, 0", "abc, acb, 1", "abc, ab, 1", "kitten, sitting, 3", "'', abc, 3"})
  void editDistance(String a, String b, int expected) {
    assertEquals(expected, Suggestions.distance(a, b));
  }
}
