package dev.kqlhunt.rmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.rmm.RmmCorrelationRules.CorrelationRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Conformance: the official Kusto parser accepts and binds both correlation rules (kusto-oracle). */
@Tag("conformance")
class RmmCorrelationOracleTest {
  @Test
  void officialParserAcceptsTheCorrelationRules() throws IOException, InterruptedException {
    Path oracleDir = Shared.root().resolve("tools/kusto-oracle");
    assertTrue(Files.isExecutable(oracleDir.resolve("oracle")), "kusto-oracle missing in " + oracleDir);
    List<CorrelationRule> rules = new RmmCorrelationRules(Confidence.MEDIUM).generate(RmmCatalog.load());
    StringBuilder input = new StringBuilder();
    for (CorrelationRule r : rules) {
      input.append("{\"id\":\"").append(r.kind()).append("\",\"query\":").append(json(r.query())).append("}\n");
    }
    Process oracle = new ProcessBuilder(
            oracleDir.resolve("oracle").toString(), "--schema", oracleDir.resolve("device-schema.json").toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try (var out = oracle.getOutputStream()) {
      out.write(input.toString().getBytes(StandardCharsets.UTF_8));
    }
    List<String> verdicts;
    try (var reader = oracle.inputReader(StandardCharsets.UTF_8)) {
      verdicts = reader.lines().toList();
    }
    assertTrue(oracle.waitFor(120, TimeUnit.SECONDS), "oracle did not finish");
    assertEquals(rules.size(), verdicts.size());
    for (String v : verdicts) {
      assertTrue(v.contains("\"syntaxOk\":true") && v.contains("\"semanticErrors\":[]"), v);
    }
  }

  private static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return b.append('"').toString();
  }
}
