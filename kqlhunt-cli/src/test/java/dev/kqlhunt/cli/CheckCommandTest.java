package dev.kqlhunt.cli;

import dev.kqlhunt.cli.CliRun.Run;
import static dev.kqlhunt.cli.CliRun.runWithInput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.json.Json;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.text.SourceText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kqlhunt check}, run in-process through {@link Main#run} with stdin/stdout redirected. */
class CheckCommandTest {
  @TempDir Path dir;



  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void cleanFileExitsZeroAndPrintsNothing() throws Exception {
    Path q = write("ok.kql", "DeviceProcessEvents\n| where ProcessVersionInfoCompanyName has 'x'\n| take 5\n");
    Run r = runWithInput("", "check", q.toString());
    assertEquals(Main.EXIT_OK, r.exit(), r.out() + r.err());
    assertEquals("", r.out());
  }

  @Test
  void unknownColumnIsReportedWithSuggestionPositionAndCaret() throws Exception {
    Path q = write("bad.kql", "DeviceProcessEvents\n| where ProcessVersionInfoCompanyNam has 'x'\n");
    Run r = runWithInput("", "check", q.toString());
    assertEquals(Main.EXIT_DATA_ERR, r.exit());
    String expected = q + ":2:9: error KQL2002: The name 'ProcessVersionInfoCompanyNam' does not refer to any"
        + " known column, table, variable or function. (did you mean 'ProcessVersionInfoCompanyName'?)\n"
        + "    | where ProcessVersionInfoCompanyNam has 'x'\n"
        + "            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n";
    assertEquals(expected, r.out());
  }

  @Test
  void everyErrorOfAQueryIsReportedInOrder() throws Exception {
    Path q = write("many.kql", "DeviceEvnts | take 1;\nDeviceEvents | where Timestamp > 1 | extend n = strlen(1, 2) | summarize countt()\n");
    Run r = runWithInput("", "check", q.toString());
    assertEquals(Main.EXIT_DATA_ERR, r.exit());
    List<String> codes = r.out().lines().filter(l -> l.startsWith(q.toString()))
        .map(l -> l.replaceAll(".*: error (KQL\\d+):.*", "$1")).toList();
    assertEquals(List.of("KQL2001", "KQL2006", "KQL2004", "KQL2003"), codes, r.out());
    assertTrue(r.out().contains("(did you mean 'DeviceEvents'?)"), r.out());
  }

  @Test
  void syntaxErrorsAreReportedToo() throws Exception {
    Path q = write("syntax.kql", "DeviceEvents | where (Timestamp > ago(1d)\n");
    Run r = runWithInput("", "check", q.toString());
    assertEquals(Main.EXIT_DATA_ERR, r.exit());
    assertTrue(r.out().matches("(?s).*syntax\\.kql:\\d+:\\d+: error KQL1\\d{3}: .*"), r.out());
  }

  @Test
  void missingFileAndNoFilesAreUsageErrors() {
    assertEquals(Main.EXIT_USAGE, runWithInput("", "check", dir.resolve("nope.kql").toString()).exit());
    assertEquals(Main.EXIT_USAGE, runWithInput("", "check").exit());
  }

  @Test
  void schemaFileAddsTablesAndStoredFunctions() throws Exception {
    Path schema = write("schema.json", """
        {"tables": {"MyLogs": [{"name": "Host", "type": "string"}, {"name": "Bytes", "type": "long"}]},
         "functions": [{"name": "BigTransfers", "parameters": "(min:long)", "body": "{ MyLogs | where Bytes > min }"}]}
        """);
    Path q = write("custom.kql", "BigTransfers(1000) | summarize total = sum(Bytes) by Host\n");
    Run r = runWithInput("", "check", "--schema", schema.toString(), q.toString());
    assertEquals(Main.EXIT_OK, r.exit(), r.out() + r.err());
    Run jl = runWithInput("{\"id\":\"1\",\"query\":\"BigTransfers(1000) | summarize total = sum(Bytes) by Host\"}\n",
        "check", "--jsonl", "--schema", schema.toString());
    Map<?, ?> line = (Map<?, ?>) Json.parse(jl.out().strip());
    assertEquals(Json.parse("[{\"name\":\"Host\",\"type\":\"string\"},{\"name\":\"total\",\"type\":\"long\"}]"),
        line.get("resultColumns"));
  }

  @Test
  void malformedSchemaFileIsADataError() throws Exception {
    Path schema = write("bad.json", "{\"tables\": {\"T\": [ {\"name\": \"a\", \"type\": \"nosuchtype\"} ]}}");
    Path q = write("q.kql", "print 1\n");
    Run r = runWithInput("", "check", "--schema", schema.toString(), q.toString());
    assertEquals(Main.EXIT_DATA_ERR, r.exit());
    assertTrue(r.err().contains("bad schema file"), r.err());
  }

  @Test
  void jsonlWritesOneVerdictPerLineInOrderInTheOracleShape() {
    String in = String.join("\n",
        "{\"id\":\"a\",\"query\":\"DeviceEvents | summarize count() by DeviceId\"}",
        "not json",
        "",
        "{\"id\":7,\"nothing\":1}",
        "{\"id\":\"b\",\"query\":\"DeviceEvents | where Foo == 1\"}",
        "{\"id\":\"c\",\"query\":\"print x = 1 +\"}",
        "{\"id\":\"d\",\"query\":\"print toscalar(print 1)\"}") + "\n";
    Run r = runWithInput(in, "check", "--jsonl");
    assertEquals(Main.EXIT_OK, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(6, lines.size(), r.out());
    assertEquals(Json.parse("{\"id\":\"a\",\"syntaxOk\":true,\"syntaxErrors\":[],\"semanticErrors\":[],"
        + "\"resultKind\":\"table\",\"resultColumns\":[{\"name\":\"DeviceId\",\"type\":\"string\"},"
        + "{\"name\":\"count_\",\"type\":\"long\"}]}"), Json.parse(lines.get(0)));
    Map<?, ?> bad = (Map<?, ?>) Json.parse(lines.get(1));
    assertEquals(null, bad.get("id"));
    assertTrue(bad.containsKey("error"));
    Map<?, ?> noQuery = (Map<?, ?>) Json.parse(lines.get(2));
    assertEquals(7L, noQuery.get("id"));
    assertTrue(String.valueOf(noQuery.get("error")).contains("query"));
    Map<?, ?> unknown = (Map<?, ?>) Json.parse(lines.get(3));
    List<?> errs = (List<?>) unknown.get("semanticErrors");
    assertEquals(1, errs.size());
    Map<?, ?> e = (Map<?, ?>) errs.get(0);
    assertEquals("KQL2002", e.get("code"));
    assertEquals(21L, e.get("start"));
    assertEquals(3L, e.get("length"));
    assertEquals("Error", e.get("severity"));
    assertEquals(1L, e.get("line"));
    assertEquals(22L, e.get("column"));
    Map<?, ?> syntax = (Map<?, ?>) Json.parse(lines.get(4));
    assertEquals(false, syntax.get("syntaxOk"));
    assertEquals("error", syntax.get("resultKind"));
    assertEquals(null, syntax.get("resultColumns"));
    assertFalse(((List<?>) syntax.get("syntaxErrors")).isEmpty());
    Map<?, ?> scalar = (Map<?, ?>) Json.parse(lines.get(5));
    assertEquals("table", scalar.get("resultKind"));
  }

  @Test
  void embeddedRuleQueryIsReportedAtItsPositionInTheRuleFile() {
    // query: |  on line 3 of a rule file; the query's lines start at line 4, indented by 2.
    SourceText src = SourceText.embedded("rule.yaml", "DeviceEvents\n| where DeviceNam == 'x'\n",
        new SourceText.EmbeddedOrigin(4, 2));
    StringWriter sw = new StringWriter();
    boolean error = CheckCommand.report(src, SchemaRegistry.builtIn(), new PrintWriter(sw));
    assertTrue(error);
    assertTrue(sw.toString().startsWith("rule.yaml:5:11: error KQL2002: The name 'DeviceNam'"), sw.toString());
  }

  private static final String RULE_HEAD = """
      id: 6e98184a-6794-4c94-923b-d0ab052ca92e
      name: Test rule
      requiredDataConnectors:
        - connectorId: MicrosoftThreatProtection
          dataTypes:
            - DeviceProcessEvents
      tactics: CommandAndControl
      relevantTechniques: T1219
      query: |
        DeviceProcessEvents
      """;

  @Test
  void ruleFileIsValidatedWithQueryPositionsInTheYamlFile() throws Exception {
    Path rule = write("rule.yaml", RULE_HEAD + "  | where ProcesCommandLine has 'x'\n");
    Run r = runWithInput("", "check", rule.toString());
    assertEquals(Main.EXIT_DATA_ERR, r.exit(), r.out() + r.err());
    assertTrue(r.out().startsWith(rule + ":11:11: error KQL2002: "), r.out());
    assertTrue(r.out().contains("did you mean 'ProcessCommandLine'?"), r.out());
  }

  @Test
  void cleanRuleFilePassesAndBadTacticIsAnError() throws Exception {
    Path ok = write("ok.yaml", RULE_HEAD + "  | take 1\n");
    Run clean = runWithInput("", "check", ok.toString());
    assertEquals(Main.EXIT_OK, clean.exit(), clean.out() + clean.err());
    assertTrue(clean.err().contains("1 file checked, no errors"), clean.err());

    Path bad = write("bad.yaml", RULE_HEAD.replace("CommandAndControl", "CommandAndContrl") + "  | take 1\n");
    Run r = runWithInput("", "check", bad.toString());
    assertEquals(Main.EXIT_DATA_ERR, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains(bad + ":7:10: error KQL3011"), r.out());
  }
}
