package dev.kqlhunt.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.text.SourceText;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** A diagnostic in the query is reported at its line and column in the YAML file, for every style. */
class QueryPositionTest {
  private static SentinelRule load(String yaml) {
    LoadResult<SentinelRule> r = new RuleLoader().load(SourceText.of("r.yaml", yaml));
    assertTrue(r.ok(), () -> String.join("\n", r.rendered()));
    return r.value();
  }

  private static String firstLine(String rendered) {
    return rendered.lines().findFirst().orElseThrow();
  }

  static Stream<Arguments> styles() {
    return Stream.of(
        Arguments.of("literal", "id: a\nname: b\nquery: |\n  T\n  | where Bogus == 1\n", "r.yaml:5:11"),
        Arguments.of("literal strip", "id: a\nname: b\nquery: |-\n    T\n    | where Bogus == 1\nkind: NRT\n", "r.yaml:5:13"),
        Arguments.of("literal indicator", "id: a\nname: b\nquery: |2-\n    T\n  | where Bogus == 1\n", "r.yaml:5:11"),
        Arguments.of("folded", "id: a\nname: b\nquery: >\n  T\n  | where\n  Bogus == 1\n", "r.yaml:6:3"),
        Arguments.of("plain", "id: a\nname: b\nquery: T | where Bogus == 1\n", "r.yaml:3:18"),
        Arguments.of("plain multi-line", "id: a\nname: b\nquery: T\n  | where\n   Bogus == 1\n", "r.yaml:5:4"),
        Arguments.of("double quoted", "id: a\nname: b\nquery: \"T | where x == \\\"a\\\" and Bogus\"\n", "r.yaml:3:34"),
        Arguments.of("double quoted multi-line", "id: a\nname: b\nquery: \"T | where x == \\\"a\\\" \\\n  and\\n Bogus\"\n", "r.yaml:4:9"),
        Arguments.of("single quoted", "id: a\nname: b\nquery: 'T | where x == ''a'' and Bogus'\n", "r.yaml:3:34"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("styles")
  void diagnosticLandsOnTheRightFileColumn(String style, String yaml, String expected) {
    SentinelRule rule = load(yaml);
    String rendered = RuleLoaderTest.renderAt(rule, "Bogus");
    assertEquals(expected + ": error KQL2999: Unknown name 'Bogus'", firstLine(rendered), rendered);
    assertTrue(rendered.contains("Bogus"), rendered);
  }

  @Test
  void standaloneQueriesMapToThemselves() {
    EmbeddedQuery q = EmbeddedQuery.standalone(SourceText.of("q.kql", "T\n| where Bogus"));
    assertEquals(11, q.fileOffset(11));
    assertEquals(new SourceText.Position(2, 9), q.file().position(q.fileOffset(10)));
  }

  @Test
  void crlfFileMapsLikeLf() {
    SentinelRule rule = load("id: a\r\nname: b\r\nquery: |\r\n  T\r\n  | where Bogus == 1\r\n");
    assertEquals("r.yaml:5:11: error KQL2999: Unknown name 'Bogus'", firstLine(RuleLoaderTest.renderAt(rule, "Bogus")));
    assertEquals(0, SentinelCorpusTest.misalignedCharacters(rule.query()));
  }

  @Test
  void placeholdersAreSubstitutedAndPositionsAfterThemStayRight() {
    SentinelRule rule = load("id: a\nname: b\nquery: |\n  let s = todatetime('{{StartTimeISO}}'); T | where Bogus\n");
    PreparedQuery prepared = rule.query().prepare(Placeholders.forWindow(
        Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-25T00:00:00Z")));
    assertTrue(prepared.text().text().contains("todatetime('2026-11-20T00:00:00.0000000Z')"), prepared.text().text());
    int at = prepared.text().text().indexOf("Bogus");
    var d = dev.kqlhunt.diag.Diagnostic.error(FakeQueryValidator.FakeCode.UNKNOWN_NAME,
        new dev.kqlhunt.text.TextSpan(at, 5), "Bogus");
    String rendered = dev.kqlhunt.diag.DiagnosticRenderer.render(rule.query().file(), prepared.toFile(d));
    assertEquals("r.yaml:4:53: error KQL2999: Unknown name 'Bogus'", firstLine(rendered));
  }

  @Test
  void unknownPlaceholdersAreLeftAndListed() {
    Placeholders.Substitution s = Placeholders.substitute("a {{HostName}} b {{EndTimeISO}} {{ not }}",
        Map.of("EndTimeISO", "E"));
    assertEquals("a {{HostName}} b E {{ not }}", s.text());
    assertEquals("{{HostName}}", s.unknownPlaceholders().get(0).value());
    assertEquals(2, s.unknownPlaceholders().get(0).span().start());
    assertEquals(s.text().indexOf("{{ not"), s.originalOffset(s.text().indexOf("{{ not")) - ("{{EndTimeISO}}".length() - 1));
  }
}
