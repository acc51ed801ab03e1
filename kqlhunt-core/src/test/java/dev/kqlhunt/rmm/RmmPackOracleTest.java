package dev.kqlhunt.rmm;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Conformance: every query of the pack (kept and generated) is accepted by the official Kusto parser
 * and binds against the Defender schemas, via ../shared/tools/kusto-oracle. About 20 s on two cores,
 * almost all of it the oracle's start-up and parsing.
 */
@Tag("conformance")
class RmmPackOracleTest {
  @Test
  void officialParserAcceptsEveryQueryOfThePack() throws IOException, InterruptedException {
    Path oracleDir = Shared.root().resolve("tools/kusto-oracle");
    assertTrue(Files.isExecutable(oracleDir.resolve("oracle")), "kusto-oracle missing in " + oracleDir);
    List<GeneratedRule> pack = new RmmRuleGenerator().generate(RmmCatalog.load());
    Process oracle = new ProcessBuilder(
            oracleDir.resolve("oracle").toString(), "--schema", oracleDir.resolve("device-schema.json").toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    Thread feeder = Thread.ofVirtual().start(() -> feed(oracle.getOutputStream(), pack));
    List<String> verdicts;
    try (var reader = oracle.inputReader(StandardCharsets.UTF_8)) {
      verdicts = reader.lines().toList();
    }
    feeder.join();
    assertTrue(oracle.waitFor(120, TimeUnit.SECONDS), "oracle did not finish");
    assertEquals(pack.size(), verdicts.size(), "one verdict per query");
    List<String> rejected = new ArrayList<>();
    for (int i = 0; i < pack.size(); i++) {
      String v = verdicts.get(i);
      // The verdict line format is fixed by the oracle's README; these two fields decide acceptance.
      if (!v.contains("\"syntaxOk\":true") || !v.contains("\"semanticErrors\":[]")) {
        rejected.add(pack.get(i).fileName() + ": " + v);
      }
    }
    assertEquals(List.of(), rejected);
  }

  private static void feed(OutputStream out, List<GeneratedRule> pack) {
    try (out) {
      for (GeneratedRule r : pack) {
        String line = "{\"id\":" + json(r.fileName()) + ",\"query\":" + json(r.query()) + "}\n";
        out.write(line.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return b.append('"').toString();
  }
}
