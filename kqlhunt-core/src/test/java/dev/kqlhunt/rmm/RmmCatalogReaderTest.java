package dev.kqlhunt.rmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Malformed catalog entries fail with the file and line of the offending node. */
class RmmCatalogReaderTest {
  private static final String VALID =
      """
      id: demo-tool
      name: 'Demo Tool'
      aliases: ['Demo']
      vendor: 'Demo Inc'
      category: RMM
      attack: [T1219, T1219.002]
      platforms: [windows]
      indicators:
      - kind: processName
        name: 'demo.exe'
        confidence: medium
        provenance: {source: lolrmm, file: 'yaml/demo.yaml'}
      - kind: domain
        domain: '*.demo.example'
        ports: [443]
        confidence: high
        provenance: {source: jischell, file: 'RMM/Demo/rmm_Demo_netconn.yaml'}
      rules: []
      """;

  @Test
  void validEntryReads() {
    RmmTool t = RmmCatalogReader.read("demo-tool.yaml", VALID);
    assertEquals("demo-tool", t.id());
    assertEquals(2, t.indicators().size());
    Indicator.Domain d = (Indicator.Domain) t.indicators().get(1);
    assertEquals(List.of(443), d.ports());
    assertEquals(new Provenance(Source.JISCHELL, "RMM/Demo/rmm_Demo_netconn.yaml"), d.provenance());
  }

  /** Each row replaces one line of the valid entry and names the line and message expected. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "10 | '  nmae: ''demo.exe'''                        | 10 | unknown key 'nmae'",
        "11 | '  confidence: certain'                       | 11 | confidence must be high, medium or low",
        "14 | '  domain: ''relay-[a-f0-9]{8}.demo.example''' | 13 | not a host name or *.suffix pattern",
        "14 | '  domain: ''10.0.0.1'''                      | 13 | not a host name or *.suffix pattern",
        "15 | '  ports: [https]'                            | 15 | port is not a number",
        "5  | 'category: Remote'                            | 5  | category must be RMM or RAT",
        "6  | 'attack: [T1059]'                             | 1  | attack must include T1219",
        "9  | '- kind: process'                             | 9  | unknown indicator kind 'process'",
        "12 | '  provenance: {source: github, file: x}'     | 12 | unknown provenance source 'github'",
        "11 | '  # confidence removed'                      | 9  | missing required key 'confidence'",
        "10 | '  name: ''bin/demo.exe'''                    | 9  | process name contains a path separator",
        "1  | 'id: Demo_Tool'                               | 1  | id is not a slug",
        "3  | 'aliases: [Demo'                              | 4  | malformed YAML",
      })
  void malformedEntryFailsWithFileAndLine(int replaced, String replacement, int line, String message) {
    List<String> lines = new ArrayList<>(List.of(VALID.split("\n")));
    lines.set(replaced - 1, replacement);
    String text = String.join("\n", lines) + "\n";
    RmmCatalogException e =
        assertThrows(RmmCatalogException.class, () -> RmmCatalogReader.read("demo-tool.yaml", text));
    CatalogProblem p = e.problems().get(0);
    assertEquals("demo-tool.yaml", p.file());
    assertEquals(line, p.line(), p.toString());
    assertTrue(p.message().contains(message), p.toString());
  }

  @Test
  void catalogWideProblemsNameEveryFile() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("demo-tool.yaml", VALID);
    files.put("other.yaml", VALID.replace("id: demo-tool", "id: other"));
    files.put("broken.yaml", "id: [");
    RmmCatalogException e = assertThrows(RmmCatalogException.class, () -> RmmCatalog.fromTexts(files));
    List<String> rendered = e.problems().stream().map(CatalogProblem::toString).toList();
    assertEquals(2, rendered.size(), rendered.toString());
    assertTrue(rendered.get(0).startsWith("broken.yaml:"), rendered.toString());
    assertEquals("other.yaml:1: duplicate name 'demo tool' (also in demo-tool.yaml)", rendered.get(1));
  }

  @Test
  void idMustMatchFileName() {
    RmmCatalogException e = assertThrows(
        RmmCatalogException.class, () -> RmmCatalog.fromTexts(Map.of("wrong.yaml", VALID)));
    assertEquals("wrong.yaml:1: id 'demo-tool' does not match the file name", e.problems().get(0).toString());
  }

  @Test
  void writerOutputReadsBackEqual() {
    RmmTool t = RmmCatalogReader.read("demo-tool.yaml", VALID);
    KeptRule rule = new KeptRule(
        "6e98184a-6794-4c94-923b-d0ab052ca92e", RmmRuleKind.PROCESS_VERSION_INFO, "It's a rule",
        "DeviceProcessEvents \n| where FolderPath startswith @'C:\\x'\n", new Provenance(Source.SENTINEL, "a b.yaml"));
    RmmTool withRule = new RmmTool(t.id(), t.name(), t.aliases(), t.vendor(), "https://demo.example/",
        t.category(), t.attack(), t.platforms(), t.indicators(), List.of(rule));
    String text = RmmCatalogWriter.write(withRule, List.of("header"));
    assertEquals(withRule, RmmCatalogReader.read("demo-tool.yaml", text));
  }
}
