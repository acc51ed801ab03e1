package dev.kqlhunt.binder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.ScalarType;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.symbols.StoredFunction;
import dev.kqlhunt.symbols.TableSchema;
import dev.kqlhunt.text.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Result schemas and diagnostics of the binder over a small self-contained schema. Expected schemas
 * were checked against the official parser (kusto-oracle) with the same tables.
 */
class BinderTest {
  /** Two small tables shaped like the Defender ones. */
  static final SchemaRegistry REGISTRY = SchemaRegistry.of(List.of(
      new TableSchema("Events", List.of(
          new ColumnSymbol("Timestamp", ScalarType.DATETIME),
          new ColumnSymbol("DeviceId", ScalarType.STRING),
          new ColumnSymbol("DeviceName", ScalarType.STRING),
          new ColumnSymbol("FileSize", ScalarType.LONG),
          new ColumnSymbol("Port", ScalarType.INT),
          new ColumnSymbol("AdditionalFields", ScalarType.DYNAMIC))),
      new TableSchema("Files", List.of(
          new ColumnSymbol("Timestamp", ScalarType.DATETIME),
          new ColumnSymbol("DeviceId", ScalarType.STRING),
          new ColumnSymbol("SHA1", ScalarType.STRING),
          new ColumnSymbol("FileSize", ScalarType.LONG)))),
      List.of(new StoredFunction("BigFiles", "(min:long)", "{ Files | where FileSize > min }")));

  static QueryCheck check(String query) {
    return QueryCheck.run(SourceText.of("q", query), REGISTRY);
  }

  /** The result schema as {@code name:type, ...}. */
  static String schema(String query) {
    QueryCheck c = check(query);
    assertTrue(c.syntaxOk(), () -> "syntax errors: " + c.syntaxDiagnostics());
    BoundTabular t = c.bind().query().tabular();
    assertNotNull(t, "not a tabular query");
    return t.columns().stream().map(ColumnSymbol::toString).collect(Collectors.joining(", "));
  }

  static List<String> codes(String query) {
    List<String> out = new ArrayList<>();
    for (Diagnostic d : check(query).semanticDiagnostics()) out.add(d.code().id());
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "==>", quoteCharacter = '`', textBlock = """
      Files | take 1                                              ==> Timestamp:datetime, DeviceId:string, SHA1:string, FileSize:long
      Files | extend FileSize = tostring(FileSize), x = 1         ==> Timestamp:datetime, DeviceId:string, SHA1:string, FileSize:string, x:long
      Files | extend 1, 2, Column1 = 5, 3 | project-away Timestamp, DeviceId, SHA1, FileSize ==> Column1:long, Column2:long, Column3:long
      Files | extend strlen(SHA1), strlen(SHA1) | project-keep strlen* ==> strlen_SHA1:long
      Files | project strlen(SHA1), strlen(SHA1), Timestamp, x = 1, 2 ==> strlen_SHA1:long, strlen_SHA11:long, Timestamp:datetime, x:long, Column1:long
      Events | project AdditionalFields.a.b, AdditionalFields['c'], tostring(AdditionalFields.a) ==> AdditionalFields_a_b:dynamic, AdditionalFields_c:dynamic, AdditionalFields_a:string
      Files | project-rename Hash = SHA1 | project-reorder FileSize, Hash ==> FileSize:long, Hash:string, Timestamp:datetime, DeviceId:string
      Files | project-away Time*, Device*                          ==> SHA1:string, FileSize:long
      Files | summarize count(), dcount(SHA1), max(Timestamp), make_set(SHA1), countif(FileSize > 0) by bin(Timestamp, 1h), DeviceId ==> Timestamp:datetime, DeviceId:string, count_:long, dcount_SHA1:long, max_Timestamp:datetime, set_SHA1:dynamic, countif_:long
      Files | summarize arg_max(Timestamp, *) by DeviceId          ==> DeviceId:string, Timestamp:datetime, SHA1:string, FileSize:long
      Files | summarize arg_max(Timestamp, SHA1), arg_min(Timestamp, *) by DeviceId ==> DeviceId:string, Timestamp:datetime, SHA1:string, Timestamp1:datetime, SHA11:string, FileSize:long
      Files | summarize percentiles(FileSize, 5, 50), percentile(FileSize, 95), avg(FileSize) ==> percentile_FileSize_5:long, percentile_FileSize_50:long, percentile_FileSize_95:long, avg_FileSize:real
      Files | summarize take_any(SHA1, FileSize), Total = count(), max(Timestamp) - min(Timestamp) ==> SHA1:string, FileSize:long, Total:long, Column1:timespan
      Files | join (Files) on DeviceId                             ==> Timestamp:datetime, DeviceId:string, SHA1:string, FileSize:long, Timestamp1:datetime, DeviceId1:string, SHA11:string, FileSize1:long
      Files | project DeviceId, SHA1 | join kind=leftouter (Events | project DeviceId, SHA1 = DeviceName, SHA11 = 1) on $left.DeviceId == $right.DeviceId ==> DeviceId:string, SHA1:string, DeviceId1:string, SHA12:string, SHA11:long
      Files | project DeviceId | join kind=leftanti (Events) on DeviceId ==> DeviceId:string
      Files | project DeviceId | join kind=rightsemi (Events | project DeviceId, Port) on DeviceId ==> DeviceId:string, Port:int
      Files | project DeviceId, SHA1 | lookup (Events | project DeviceId, DeviceName) on DeviceId ==> DeviceId:string, SHA1:string, DeviceName:string
      union withsource=T Files, (Events | project Timestamp = 1, DeviceId) ==> T:string, Timestamp_datetime:datetime, Timestamp_long:long, DeviceId:string, SHA1:string, FileSize:long
      Events | project AdditionalFields | mv-expand with_itemindex=i a = AdditionalFields, AdditionalFields to typeof(string) ==> AdditionalFields:string, a:dynamic, i:long
      Events | project DeviceId, d = AdditionalFields | mv-apply x = d on (summarize c = count()) ==> DeviceId:string, d:dynamic, c:long
      Files | parse SHA1 with * 'a' x:long '.' y | project x, y   ==> x:long, y:string
      Files | count                                                 ==> Count:long
      Files | getschema                                             ==> ColumnName:string, ColumnOrdinal:long, DataType:string, ColumnType:string
      Files | make-series n = count() default = 0 on Timestamp from ago(1d) to now() step 1h by DeviceId ==> DeviceId:string, n:dynamic, Timestamp:dynamic
      print 1, x = 2, strlen('a')                                   ==> print_0:long, x:long, print_2:long
      range i from 1 to 10 step 1 | extend y = i * 2.0            ==> i:long, y:real
      datatable(a:string, b:int) ['x', 1] | distinct a              ==> a:string
      let T = Files | where FileSize > 0; T | join T on SHA1 | project DeviceId, DeviceId1 ==> DeviceId:string, DeviceId1:string
      let f = (n:long, T:(*)) { T | take n | extend n }; f(3, Files) | project n ==> n:long
      let g = (x:long = 2) { x * 2 }; print a = g(), b = g(4)       ==> a:long, b:long
      BigFiles(100) | project SHA1                                  ==> SHA1:string
      Files | extend t = toscalar(Events | summarize max(FileSize)) | project t ==> t:long
      Files | where SHA1 in ((Events | project DeviceName)) | distinct DeviceId ==> DeviceId:string
      Unknown | extend y = 1                                        ==> y:long
      Files | evaluate bag_unpack(SHA1)                             ==> Timestamp:datetime, DeviceId:string, FileSize:long
      Files | top-nested 3 of DeviceId by sum(FileSize)             ==> DeviceId:string, aggregated_DeviceId:long
      union withsource=T (print x = 1), (print x = toint(2)), (print x_long = 3) ==> T:string, x_long:long, x_int:int, x_long1:long
      let R = datatable(net:string, DeviceId:string) []; Files | project SHA1, DeviceId | evaluate ipv4_lookup(R, SHA1, net) ==> SHA1:string, DeviceId:string, net:string, DeviceId1:string
      Files | project SHA1 | evaluate autocluster()                ==> SegmentId:long, Count:long, Percent:real, SHA1:string
      Files | project SHA1, DeviceId | evaluate pivot(DeviceId)   ==> SHA1:string
      find in (Files, Events) where DeviceId == 'x' and SHA1 == 'y' ==> source_:string, Timestamp:datetime, DeviceId:string, FileSize:long, SHA1:string, pack_:dynamic
      find in (Files, Events) where DeviceId == 'x' project DeviceId, Port ==> source_:string, DeviceId:string, Port:int
      Files | summarize count() by b = bin(Timestamp, 1d), tostring(FileSize) ==> b:datetime, FileSize:string, count_:long
      print s = dynamic([1]) | extend (a, b) = series_fit_line(s) | extend series_periods_detect(s, 0.0, 10.0, 2) ==> s:dynamic, a:real, b:real, series_periods_detect_s_periods:dynamic, series_periods_detect_s_scores:dynamic
      """)
  void resultSchemas(String query, String expected) {
    assertEquals(expected.strip(), schema(query.strip()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "==>", quoteCharacter = '`', textBlock = """
      Files | take 1                                          ==> ''
      Filez | take 1                                          ==> KQL2001
      Files | where Sha1 == 'x'                               ==> KQL2002
      Files | extend n = nosuchfn(SHA1)                       ==> KQL2003
      Files | extend n = strlen(SHA1, 2)                      ==> KQL2004
      Files | extend n = strlen(FileSize)                     ==> KQL2005
      Files | where Timestamp > 1                             ==> KQL2006
      Files | where SHA1                                      ==> KQL2007
      Files | extend c = countif(FileSize > 0)                ==> KQL2008
      Files | join (Events)                                   ==> KQL2010
      Files | join (Events) on SHA1                           ==> KQL2011
      Files | project x = 1, x = 2                            ==> KQL2012
      Files | where x in (print 1) | join (print 2) on x      ==> KQL2002 KQL2002
      print toscalar(Files | count) | extend y = count        ==> KQL2016
      where x == 1                                            ==> KQL2015 KQL2002
      Files | extend s = SHA1[0]                              ==> KQL2021
      datatable(a:string, b:long) ['x', 1, 'y']               ==> KQL2024
      Files | take 1.5                                        ==> KQL2025
      Files | mv-expand SHA1                                  ==> KQL2007
      datatable(a:strin) []                                   ==> KQL2018
      union isfuzzy=true Files, NoSuchTable | take 1          ==> ''
      Files | extend n = iff(FileSize > 0, 1, 'a')            ==> ''
      Files | summarize x = Timestamp                         ==> KQL2030
      Files | parse SHA1 with a b                             ==> KQL2029
      Events | summarize count() by AdditionalFields          ==> KQL2023
      Events | sort by AdditionalFields                       ==> KQL2023
      Nope | project a, b | where c > 1 | summarize count() by d ==> KQL2001
      Nope | extend n = count                                 ==> KQL2001 KQL2016
      Files | where DeviceId == 'a' and Timestamp > ago(1d) and SHA1 has_any ('a', 'b') and FileSize between (1 .. 10) ==> ''
      declare pattern p = (a:string)[b:string] { ('x').['y'] = { print v = 1 }; ('x').['z'] = { Files }; }; p('x').y ==> ''
      declare pattern p = (a:string)[b:string] { ('x').['y'] = { print v = 1 }; }; p('x').['w'] ==> KQL2031
      declare pattern p = (a:string) { ('x') = { print v = a }; }; p(strcat('x', '')) ==> KQL2019
      restrict access to (Files); Events | take 1           ==> KQL2032
      restrict access to (F*); Files | take 1               ==> ''
      restrict access to (Nope); print 1                    ==> KQL2001
      """)
  void diagnosticCodes(String query, String expected) {
    String e = expected.strip();
    List<String> want = e.equals("''") ? List.of() : List.of(e.split(" "));
    assertEquals(want, codes(query.strip()));
  }

  @Test
  void unknownNamesGetSuggestions() {
    Diagnostic d = check("Files | where FileSze > 0").semanticDiagnostics().get(0);
    assertEquals("The name 'FileSze' does not refer to any known column, table, variable or function."
        + " (did you mean 'FileSize'?)", d.message());
    assertEquals(14, d.span().start());
    assertEquals(7, d.span().length());
    Diagnostic t = check("Filse | count").semanticDiagnostics().get(0);
    assertTrue(t.message().endsWith("(did you mean 'Files'?)"), t.message());
  }

  @Test
  void unknownTableBindsOnWithUnknownColumnsAndOneError() {
    QueryCheck c = check("Nope | where a > 1 and b has 'x' | summarize n = count() by a");
    assertEquals(List.of("KQL2001"), codes("Nope | where a > 1 and b has 'x' | summarize n = count() by a"));
    assertEquals("a:unknown, n:long", c.bind().query().tabular().columns().stream()
        .map(ColumnSymbol::toString).collect(Collectors.joining(", ")));
  }

  @Test
  void columnsReadFromAnUnknownTableBecomeItsColumnsAsTheOracleDoes() {
    assertEquals("x:unknown, b:unknown, y:long", schema("Nope | where x == 1 and b has 'a' | extend y = 1"));
    assertEquals("y:long", schema("Nope | where x == 1 | project y = 1"));
  }

  @Test
  void boundTreeCarriesResolvedSymbolsForThePlanner() {
    BoundTabular t = check("Files | where FileSize > 10 | summarize n = dcount(SHA1) by DeviceId")
        .bind().query().tabular();
    BoundTabular.Summarize s = assertInstanceOf(BoundTabular.Summarize.class, t);
    BoundExpr.AggregateCall agg = assertInstanceOf(BoundExpr.AggregateCall.class, s.aggregates().get(0).expr());
    assertEquals("dcount", agg.function().name());
    assertEquals(ScalarType.LONG, agg.type());
    BoundTabular.Filter f = assertInstanceOf(BoundTabular.Filter.class, s.input());
    BoundExpr.Binary gt = assertInstanceOf(BoundExpr.Binary.class, f.predicate());
    assertEquals(BoundExpr.BinaryOp.GREATER, gt.op());
    assertEquals(new ColumnSymbol("FileSize", ScalarType.LONG),
        assertInstanceOf(BoundExpr.ColumnRef.class, gt.left()).column());
    assertInstanceOf(BoundTabular.TableScan.class, f.input());

    BoundTabular.Join j = assertInstanceOf(BoundTabular.Join.class,
        check("Files | join kind=inner (Events) on $left.DeviceId == $right.DeviceName").bind().query().tabular());
    assertEquals(BoundTabular.JoinKind.INNER, j.kind());
    assertEquals("DeviceId", j.keys().get(0).left().name());
    assertEquals("DeviceName", j.keys().get(0).right().name());
  }

  @Test
  void letsAreRecordedAndScalarQueriesHaveAType() {
    BoundQuery q = check("let n = 5; let T = Files | take n; toscalar(T | count) + 1").bind().query();
    assertEquals(List.of("n", "T"), q.lets().stream().map(BoundQuery.Let::name).toList());
    assertEquals("scalar", q.resultKind());
    assertEquals(ScalarType.LONG, q.scalar().type());
    assertEquals("none", check("let n = 5;").bind().query().resultKind());
  }

  @Test
  void recursiveFunctionsDoNotOverflow() {
    QueryCheck c = check("let f = (n:long) { f(n) }; print f(1)");
    assertNotNull(c.bind());
  }
}
