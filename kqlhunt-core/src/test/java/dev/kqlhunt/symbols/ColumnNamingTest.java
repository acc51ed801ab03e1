package dev.kqlhunt.symbols;

import static dev.kqlhunt.symbols.ScalarType.BOOL;
import static dev.kqlhunt.symbols.ScalarType.DATETIME;
import static dev.kqlhunt.symbols.ScalarType.DYNAMIC;
import static dev.kqlhunt.symbols.ScalarType.LONG;
import static dev.kqlhunt.symbols.ScalarType.REAL;
import static dev.kqlhunt.symbols.ScalarType.STRING;
import static dev.kqlhunt.symbols.ScalarType.TIMESPAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Default column names, each row checked against the official parser's result schema for the query in
 * its comment (e.g. {@code DeviceProcessEvents | summarize percentiles(FileSize, 5, 50, 95.5)}).
 */
class ColumnNamingTest {
  private static final Argument TIMESTAMP = Argument.ofColumn("Timestamp", DATETIME);
  private static final Argument FILE_NAME = Argument.ofColumn("FileName", STRING);
  private static final Argument FOLDER = Argument.ofColumn("FolderPath", STRING);
  private static final Argument FILE_SIZE = Argument.ofColumn("FileSize", LONG);
  private static final Argument UNNAMED_LONG = Argument.of(LONG);
  private static final Argument TRUE = Argument.ofLiteral(BOOL, "true");

  private static Argument num(String text) {
    return Argument.ofLiteral(text.contains(".") ? REAL : LONG, text);
  }

  static Stream<Arguments> aggregates() {
    return Stream.of(
        row("count", List.of(), "count_"),
        row("count", List.of(Argument.of(BOOL)), "count_"),
        row("countif", List.of(Argument.of(BOOL)), "countif_"),
        row("max", List.of(TIMESTAMP), "max_Timestamp"),
        row("max", List.of(UNNAMED_LONG), "max_"),
        row("max", List.of(Argument.ofColumn("strlen_FileName", LONG)), "max_strlen_FileName"),
        row("dcount", List.of(Argument.ofColumn("DeviceId", STRING)), "dcount_DeviceId"),
        row("dcount", List.of(FILE_NAME, num("2")), "dcount_FileName"),
        row("dcountif", List.of(FILE_NAME, TRUE), "dcountif_FileName"),
        row("sum", List.of(Argument.ofColumn("count_", LONG)), "sum_count_"),
        row("sumif", List.of(FILE_SIZE, TRUE), "sumif_FileSize"),
        row("avg", List.of(FILE_SIZE), "avg_FileSize"),
        row("make_set", List.of(FILE_NAME), "set_FileName"),
        row("make_set", List.of(FILE_NAME, num("10")), "set_FileName"),
        row("make_set_if", List.of(FILE_NAME, TRUE), "set_FileName"),
        row("make_list", List.of(FILE_NAME), "list_FileName"),
        row("make_list_if", List.of(FILE_NAME, TRUE), "list_FileName"),
        row("make_bag", List.of(Argument.ofColumn("AdditionalFields", DYNAMIC)), "bag_AdditionalFields"),
        row("stdev", List.of(FILE_SIZE), "stdev_FileSize"),
        row("variance", List.of(FILE_SIZE), "variance_FileSize"),
        row("hll", List.of(FILE_NAME), "hll_FileName"),
        row("tdigest", List.of(FILE_SIZE), "tdigest_FileSize"),
        row("any", List.of(FILE_NAME), "any_FileName"),
        row("binary_all_or", List.of(FILE_SIZE), "FileSize"),
        row("dcount_hll", List.of(Argument.ofColumn("hll_FileName", DYNAMIC)), "dcount_hll_hll_FileName"),
        row("percentile", List.of(FILE_SIZE, num("50")), "percentile_FileSize_50"),
        row("percentile", List.of(FILE_SIZE, num("99.9")), "percentile_FileSize_99_9"),
        row("percentile", List.of(FILE_SIZE, num("1e2")), "percentile_FileSize_100"),
        row("percentile", List.of(FILE_SIZE, Argument.of(LONG)), "percentile_FileSize_"),
        row("percentile", List.of(UNNAMED_LONG, num("50")), "percentile__50"),
        row("percentiles", List.of(FILE_SIZE, num("5"), num("50"), num("95.5")),
            "percentile_FileSize_5", "percentile_FileSize_50", "percentile_FileSize_95_5"),
        row("percentiles", List.of(FILE_SIZE, num("50.0")), "percentile_FileSize_50"),
        row("percentilesw", List.of(FILE_SIZE, Argument.ofColumn("ProcessId", LONG), num("50"), num("90")),
            "percentile_FileSize_50", "percentile_FileSize_90"),
        row("percentiles_array", List.of(FILE_SIZE, num("5"), num("50")), "percentiles_FileSize"),
        row("arg_max", List.of(TIMESTAMP, FILE_NAME, FOLDER), "Timestamp", "FileName", "FolderPath"),
        row("arg_max", List.of(UNNAMED_LONG, FILE_NAME), "max_", "FileName"),
        row("arg_min", List.of(Argument.ofColumn("strlen_FileName", LONG), FILE_NAME), "strlen_FileName", "FileName"),
        row("arg_max", List.of(TIMESTAMP, FILE_NAME, TIMESTAMP), "Timestamp", "FileName", "Timestamp"),
        row("take_any", List.of(FILE_NAME), "FileName"),
        row("take_any", List.of(FILE_NAME, FOLDER), "FileName", "FolderPath"),
        row("take_anyif", List.of(FOLDER, TRUE), "FolderPath"));
  }

  private static Arguments row(String fn, List<Argument> args, String... names) {
    return Arguments.of(fn, args, List.of(names));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("aggregates")
  void aggregateDefaultNames(String fn, List<Argument> args, List<String> expected) {
    FunctionCatalog c = FunctionCatalog.builtIn();
    CallResolution r = c.resolveAggregate(fn, args);
    CallResolution.Resolved ok = assertInstanceOf(CallResolution.Resolved.class, r, r::toString);
    List<String> names = new ArrayList<>();
    for (ColumnSymbol col : ColumnNaming.aggregateColumns(ok.function(), args, ok.type(), List.of(), Set.of())) {
      names.add(col.name());
    }
    assertEquals(expected, names);
  }

  static Stream<Arguments> scalars() {
    return Stream.of(
        Arguments.of("strlen", List.of(FILE_NAME), "strlen_FileName"),
        Arguments.of("tolower", List.of(FILE_NAME), null),
        Arguments.of("bin", List.of(TIMESTAMP, Argument.ofLiteral(TIMESPAN, "1h")), "Timestamp"),
        Arguments.of("tostring", List.of(Argument.ofColumn("y", DYNAMIC)), "y"),
        Arguments.of("todatetime", List.of(TIMESTAMP), "Timestamp"),
        Arguments.of("format_datetime", List.of(TIMESTAMP, Argument.ofLiteral(STRING, "\"yyyy\"")), "Timestamp"),
        Arguments.of("split", List.of(FILE_NAME, Argument.ofLiteral(STRING, "\".\"")), "FileName"),
        Arguments.of("ingestion_time", List.of(), "$IngestionTime"),
        Arguments.of("gettype", List.of(FILE_NAME), "type_FileName"),
        Arguments.of("make_datetime", List.of(num("2020"), num("1"), num("1")), null),
        Arguments.of("column_ifexists", List.of(Argument.ofLiteral(STRING, "\"FileName\""), Argument.ofLiteral(STRING, "\"\"")), "FileName"),
        Arguments.of("strcat", List.of(FILE_NAME, Argument.ofLiteral(STRING, "\"a\"")), null),
        Arguments.of("iff", List.of(TRUE, num("1"), num("2")), null),
        Arguments.of("datetime_diff", List.of(Argument.ofLiteral(STRING, "\"day\""), TIMESTAMP, TIMESTAMP), null));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("scalars")
  void scalarDefaultNames(String fn, List<Argument> args, String expected) {
    FunctionSymbol f = FunctionCatalog.builtIn().scalar(fn);
    assertEquals(expected, ColumnNaming.callName(f, args));
  }

  @Test
  void starExpandsToInputMinusByColumnsAndTheMaximisedColumn() {
    // DeviceProcessEvents | summarize arg_max(Timestamp, *) by DeviceId
    List<ColumnSymbol> input = List.of(
        new ColumnSymbol("Timestamp", DATETIME), new ColumnSymbol("DeviceId", STRING), new ColumnSymbol("FileName", STRING));
    List<Argument> args = List.of(TIMESTAMP, Argument.ofStar());
    FunctionSymbol f = FunctionCatalog.builtIn().aggregate("arg_max");
    List<ColumnSymbol> cols = ColumnNaming.aggregateColumns(f, args, DATETIME, input, Set.of("DeviceId"));
    assertEquals(List.of(new ColumnSymbol("Timestamp", DATETIME), new ColumnSymbol("FileName", STRING)), cols);
    // summarize take_any(*) keeps every column
    FunctionSymbol any = FunctionCatalog.builtIn().aggregate("take_any");
    assertEquals(input, ColumnNaming.aggregateColumns(any, List.of(Argument.ofStar()), DATETIME, input, Set.of()));
  }

  @Test
  void tupleFunctionsNameEveryColumn() {
    // print ya=dynamic([1,2]) | extend series_fit_line(ya)
    FunctionSymbol f = FunctionCatalog.builtIn().scalar("series_fit_line");
    List<Argument> args = List.of(Argument.ofColumn("ya", DYNAMIC));
    CallResolution.Resolved ok = assertInstanceOf(CallResolution.Resolved.class, FunctionCatalog.resolve(f, args));
    assertEquals(REAL, ok.type());
    List<ColumnSymbol> cols = ColumnNaming.scalarColumns(f, args, ok.type());
    assertEquals(6, cols.size());
    assertEquals(new ColumnSymbol("series_fit_line_ya_rsquare", REAL), cols.get(0));
    assertEquals(new ColumnSymbol("series_fit_line_ya_line_fit", DYNAMIC), cols.get(5));
  }

  @Test
  void uniqueAndPositionalNames() {
    assertEquals("count_1", ColumnNaming.uniqueName("count_", Set.of("count_")));
    assertEquals("Timestamp2", ColumnNaming.uniqueName("Timestamp", Set.of("Timestamp", "Timestamp1")));
    assertEquals("x", ColumnNaming.uniqueName("x", Set.of("y")));
    assertEquals("Column1", ColumnNaming.nextColumnName(Set.of("x")));
    assertEquals("Column3", ColumnNaming.nextColumnName(Set.of("Column1", "Column2")));
    assertEquals("print_3", ColumnNaming.printName(3));
  }

  @Test
  void literalNameParts() {
    assertEquals("95_5", ColumnNaming.literalNamePart("95.5"));
    assertEquals("50", ColumnNaming.literalNamePart("50.0"));
    assertEquals("100", ColumnNaming.literalNamePart("1e2"));
    assertEquals("", ColumnNaming.literalNamePart("-1"));
    assertEquals("", ColumnNaming.literalNamePart(null));
    assertEquals("", ColumnNaming.literalNamePart("\"x\""));
  }
}
