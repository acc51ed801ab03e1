package dev.kqlhunt.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogReaderTest {

  @Test
  void readsEveryPartOfTheFormat() {
    List<FunctionSymbol> fs = CatalogReader.read("t", """
        # a comment
        aggregate make_set name=prefix_first:set
          (expr:scalar, maxSize:integer?) -> dynamic
        scalar datetime_diff
          (part:string!literal=year|day, a:datetime, b:datetime) -> long
        scalar pick
          (p:bool{1..3}, v:long|real+, other:type!literal) -> typeof($2)
        window prev
          (column:scalar!column, offset:long?, default_value:scalar?!const) -> $0
        scalar stats
          (series:dynamic_array) -> tuple(min:real,idx:long)
        plugin bag_unpack
          (column:dynamic!column, prefix:string?) -> tabular
        """);
    assertEquals(6, fs.size());
    FunctionSymbol set = fs.get(0);
    assertEquals(FunctionKind.AGGREGATE, set.kind());
    assertEquals(NameRule.PREFIX_AND_FIRST, set.nameRule());
    assertEquals("set", set.namePrefix());
    Parameter max = set.signatures().get(0).parameters().get(1);
    assertEquals(TypeClass.INTEGER, max.typeClass());
    assertTrue(max.isOptional());

    Parameter part = fs.get(1).signatures().get(0).parameters().get(0);
    assertEquals(ArgumentKind.LITERAL, part.argumentKind());
    assertEquals(List.of("year", "day"), part.values());
    assertTrue(part.allowsValue("DAY"));

    Signature pick = fs.get(2).signatures().get(0);
    assertEquals(1, pick.parameters().get(0).minOccurs());
    assertEquals(3, pick.parameters().get(0).maxOccurs());
    assertEquals(Set.of(ScalarType.LONG, ScalarType.REAL), pick.parameters().get(1).types());
    assertEquals(Parameter.MANY, pick.parameters().get(1).maxOccurs());
    assertEquals(TypeClass.TYPE_LITERAL, pick.parameters().get(2).typeClass());
    assertEquals(new ResultRule.TypeLiteralArg(2), pick.result());

    assertEquals(FunctionKind.WINDOW, fs.get(3).kind());
    assertEquals(new ResultRule.ArgType(0), fs.get(3).signatures().get(0).result());
    ResultRule.Tuple tuple = assertInstanceOf(ResultRule.Tuple.class, fs.get(4).signatures().get(0).result());
    assertEquals(new ColumnSymbol("idx", ScalarType.LONG), tuple.columns().get(1));
    assertEquals(FunctionKind.PLUGIN, fs.get(5).kind());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "  (x:long) -> long",
    "scalar f\n  (x:nosuchclass) -> long",
    "scalar f\n  (x:long) -> nosuchtype",
    "scalar f name=sideways\n  (x:long) -> long",
    "macro f\n  (x:long) -> long",
    "scalar f\n  (x:long!sometimes) -> long",
    "scalar f\n  x:long -> long",
  })
  void malformedCatalogueNamesTheLine(String text) {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> CatalogReader.read("cat", text));
    assertTrue(e.getMessage().startsWith("cat:"), e.getMessage());
  }

  @Test
  void builtInCatalogueLoads() {
    assertTrue(FunctionCatalog.builtIn().all().size() > 500);
  }
}
