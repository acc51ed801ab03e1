package dev.kqlhunt.symbols;

import static dev.kqlhunt.symbols.ScalarType.BOOL;
import static dev.kqlhunt.symbols.ScalarType.DATETIME;
import static dev.kqlhunt.symbols.ScalarType.DYNAMIC;
import static dev.kqlhunt.symbols.ScalarType.INT;
import static dev.kqlhunt.symbols.ScalarType.LONG;
import static dev.kqlhunt.symbols.ScalarType.REAL;
import static dev.kqlhunt.symbols.ScalarType.STRING;
import static dev.kqlhunt.symbols.ScalarType.TIMESPAN;
import static dev.kqlhunt.symbols.ScalarType.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Resolution outcomes the binder relies on, beyond the oracle-generated cases. */
class FunctionCatalogTest {
  private final FunctionCatalog c = FunctionCatalog.builtIn();

  private static Argument col(String name, ScalarType t) {
    return Argument.ofColumn(name, t);
  }

  private ScalarType scalarType(String fn, Argument... args) {
    CallResolution r = c.resolveScalar(fn, List.of(args));
    return assertInstanceOf(CallResolution.Resolved.class, r, r::toString).type();
  }

  @Test
  void commonFunctionsType() {
    assertEquals(DATETIME, scalarType("ago", Argument.ofLiteral(TIMESPAN, "1h")));
    assertEquals(DATETIME, scalarType("now"));
    assertEquals(STRING, scalarType("tostring", col("x", DYNAMIC)));
    assertEquals(DYNAMIC, scalarType("parse_json", col("x", STRING)));
    assertEquals(DATETIME, scalarType("bin", col("T", DATETIME), Argument.ofLiteral(TIMESPAN, "1h")));
    assertEquals(REAL, scalarType("bin", col("x", INT), Argument.ofLiteral(REAL, "2.5")));
    assertEquals(LONG, scalarType("iff", col("b", BOOL), col("x", INT), col("y", LONG)));
    assertEquals(DYNAMIC, scalarType("iff", col("b", BOOL), col("x", LONG), col("y", STRING)));
    assertEquals(STRING, scalarType("case", col("b", BOOL), col("x", STRING), col("c", BOOL), col("y", STRING),
        Argument.ofLiteral(STRING, "\"\"")));
    assertEquals(LONG, scalarType("extract", Argument.ofLiteral(STRING, "\"(\\\\d+)\""),
        Argument.ofLiteral(LONG, "1"), col("s", STRING), Argument.ofTypeLiteral(LONG)));
    assertEquals(LONG, scalarType("datetime_diff", Argument.ofLiteral(STRING, "\"day\""), col("a", DATETIME), col("b", DATETIME)));
    assertEquals(STRING, scalarType("strcat", col("a", STRING), col("b", LONG), col("c", DATETIME)));
    assertEquals(LONG, scalarType("toscalar", Argument.ofTabular(LONG)));
    assertEquals(LONG, scalarType("strlen", col("x", UNKNOWN)));
  }

  @Test
  void aggregateContextFallsBackToScalarFunctions() {
    CallResolution r = c.resolveAggregate("tostring", List.of(col("x", LONG)));
    assertEquals(FunctionKind.SCALAR, assertInstanceOf(CallResolution.Resolved.class, r).function().kind());
    CallResolution sum = c.resolveAggregate("sum", List.of(col("x", INT)));
    assertEquals(LONG, assertInstanceOf(CallResolution.Resolved.class, sum).type());
  }

  @Test
  void unknownFunctionSuggestsAName() {
    CallResolution.UnknownFunction u = assertInstanceOf(CallResolution.UnknownFunction.class,
        c.resolveScalar("tostrng", List.of(col("x", LONG))));
    assertEquals("tostring", u.suggestion());
    // aggregates are not visible in a scalar context
    assertInstanceOf(CallResolution.UnknownFunction.class, c.resolveScalar("dcount", List.of(col("x", LONG))));
  }

  @Test
  void wrongArgumentCountDescribesTheRange() {
    CallResolution.WrongArgumentCount w = assertInstanceOf(CallResolution.WrongArgumentCount.class,
        c.resolveScalar("strlen", List.of()));
    assertEquals("1 argument", w.expected());
    w = assertInstanceOf(CallResolution.WrongArgumentCount.class, c.resolveScalar("substring", List.of(col("s", STRING))));
    assertEquals("between 2 and 3 arguments", w.expected());
    w = assertInstanceOf(CallResolution.WrongArgumentCount.class, c.resolveScalar("coalesce", List.of(col("s", STRING))));
    assertEquals("between 2 and 64 arguments", w.expected());
  }

  @Test
  void wrongTypeNamesTheArgument() {
    CallResolution.WrongArgumentType w = assertInstanceOf(CallResolution.WrongArgumentType.class,
        c.resolveScalar("ago", List.of(col("x", STRING))));
    assertEquals(0, w.index());
    assertEquals("timespan", w.expected());
    assertEquals(STRING, w.actual());
    w = assertInstanceOf(CallResolution.WrongArgumentType.class,
        c.resolveScalar("substring", List.of(col("s", STRING), col("x", STRING))));
    assertEquals(1, w.index());
  }

  @Test
  void constantAndValueRules() {
    CallResolution.WrongArgumentKind k = assertInstanceOf(CallResolution.WrongArgumentKind.class,
        c.resolveScalar("next", List.of(col("x", LONG), Argument.ofLiteral(LONG, "1"), col("d", LONG))));
    assertEquals(2, k.index());
    CallResolution.Resolved v = assertInstanceOf(CallResolution.Resolved.class, c.resolveScalar("datetime_diff",
        List.of(Argument.ofLiteral(STRING, "\"days\""), col("a", DATETIME), col("b", DATETIME))));
    assertTrue(v.hasBadValue());
    assertEquals(0, v.badValueIndex());
    assertTrue(v.allowedValues().contains("day"));
    assertEquals(LONG, v.type());
  }

  @Test
  void noCommonType() {
    assertInstanceOf(CallResolution.NoCommonType.class,
        c.resolveScalar("coalesce", List.of(col("a", LONG), col("b", STRING))));
  }

  @Test
  void unknownArgumentsNeverCascade() {
    for (String fn : List.of("strlen", "ago", "tolower", "bin", "iff", "coalesce", "split")) {
      FunctionSymbol f = c.scalar(fn);
      int n = f.minArguments();
      List<Argument> args = java.util.Collections.nCopies(n, Argument.of(UNKNOWN));
      assertInstanceOf(CallResolution.Resolved.class, FunctionCatalog.resolve(f, args), fn);
    }
  }
}
