package dev.kqlhunt.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.diag.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven error tests: {@code syntax/errors.tsv} holds rows {@code query TAB "1:8: KQL1003 ..."},
 * the first diagnostic the parser must report (all those queries are rejected by the official
 * parser too).
 */
class ParserErrorTest {
  record Row(String query, String expected) {
    @Override
    public String toString() {
      return query;
    }
  }

  static List<Row> rows() throws IOException {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = ParserErrorTest.class.getResourceAsStream("/syntax/errors.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) continue;
        int tab = line.lastIndexOf('\t');
        rows.add(new Row(line.substring(0, tab), line.substring(tab + 1)));
      }
    }
    assertFalse(rows.isEmpty());
    return rows;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void reportsTheExpectedFirstError(Row row) {
    ParseResult result = Parser.parse(row.query());
    assertTrue(result.hasErrors(), "no error for: " + row.query());
    assertEquals(row.expected(), format(result, result.diagnostics().get(0)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '\t', textBlock = """
      T | where a == 1 and b has "x"
      print x = 1, y = dynamic({"a": [1, 2]})
      let x = 5; T | where y > x
      T | where A = 1
      T | extend where = 1, print = 2
      T | where Timestamp between (ago(1d) .. now())
      T | project-away *Id, Initiating*
      """)
  void acceptsValidQueries(String query) {
    ParseResult result = Parser.parse(query);
    assertEquals(List.of(), result.diagnostics(), query);
  }

  @Test
  void reportsEveryErrorNotJustTheFirst() {
    ParseResult result = Parser.parse("T\n| where\n| extend x =\n| bogus\n| take");
    List<String> all = result.diagnostics().stream().map(d -> format(result, d)).toList();
    assertEquals(List.of("2:8: KQL1004 Missing expression", "3:13: KQL1004 Missing expression",
        "4:3: KQL1007 Query operator expected", "5:7: KQL1004 Missing expression"), all);
  }

  @Test
  void treeStaysWholeAfterErrors() {
    ParseResult result = Parser.parse("T | where | take 5");
    String tree = TreePrinter.print(result.tree());
    assertTrue(tree.contains("MissingExpression [9,9)"), tree);
    assertTrue(tree.contains("TakeOperator"), tree);
  }

  @Test
  void deepNestingIsReportedInsteadOfOverflowingTheStack() {
    String parens = "print x = " + "(".repeat(50_000) + "1" + ")".repeat(50_000);
    ParseResult result = Parser.parse(parens);
    assertEquals("KQL1015", result.diagnostics().get(0).code().id());
    assertTrue(result.diagnostics().stream().noneMatch(d -> d.code() == SyntaxErrors.INTERNAL_ERROR));
    String json = "print x = dynamic(" + "[".repeat(50_000) + "]".repeat(50_000) + ")";
    assertEquals("KQL1015", Parser.parse(json).diagnostics().get(0).code().id());
  }

  @Test
  void longChainsParseIteratively() {
    String chain = "T | where " + "a == 1 or ".repeat(20_000) + "b == 2" + " | take 1".repeat(2_000);
    assertEquals(List.of(), Parser.parse(chain).diagnostics());
  }

  static String format(ParseResult result, Diagnostic d) {
    var position = result.source().position(d.span().start());
    return position.line() + ":" + position.column() + ": " + d.code().id() + " " + d.message();
  }
}
