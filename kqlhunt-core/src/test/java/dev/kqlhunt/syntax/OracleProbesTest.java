package dev.kqlhunt.syntax;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-written probes of the grammar's corners (precedence, keywords as names, literal forms,
 * operator options...) with the official parser's verdict on each, from
 * {@code syntax/oracle-probes.tsv}. Every verdict must match ours. To add probes, run them through
 * {@code ../shared/tools/kusto-oracle/oracle --syntax-only} and append the verdicts.
 */
@Tag("conformance")
class OracleProbesTest {
  @Test
  void everyProbeGetsTheOfficialVerdict() throws IOException {
    List<String> disagreements = new ArrayList<>();
    int rows = 0;
    try (InputStream in = getClass().getResourceAsStream("/syntax/oracle-probes.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) continue;
        int tab = line.indexOf('\t');
        boolean expected = line.substring(0, tab).equals("OK");
        String query = line.substring(tab + 1).replace("\\n", "\n");
        ParseResult result = Parser.parse(query);
        rows++;
        if (result.hasErrors() == expected) {
          String ours = result.diagnostics().isEmpty() ? "accepted" : result.diagnostics().get(0).message();
          disagreements.add((expected ? "oracle accepts, we say: " + ours : "oracle rejects, we accept") + ": " + line);
        }
      }
    }
    assertTrue(rows > 1000, "probe file too small: " + rows);
    assertEquals(List.of(), disagreements);
  }
}
