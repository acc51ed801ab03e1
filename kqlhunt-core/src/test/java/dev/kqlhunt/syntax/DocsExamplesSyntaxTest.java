package dev.kqlhunt.syntax;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every documented example of the KQL reference ({@code corpus/kql-docs/examples.jsonl}) is valid KQL
 * (the official parser accepts all of them), so each must parse here without a syntax error.
 */
@Tag("conformance")
class DocsExamplesSyntaxTest {
  /** Examples we may still reject; the figure only goes down. */
  static final int ALLOWED_FAILURES = 0;

  @Test
  void everyDocumentedExampleParses() throws IOException {
    Path file = SharedCorpus.sentinel().getParent().resolve("kql-docs/examples.jsonl");
    List<Map<String, Object>> rows = SharedCorpus.readJsonLines(file);
    List<String> failures = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      String query = (String) row.get("query");
      ParseResult result = Parser.parse(query);
      if (result.hasErrors()) {
        Diagnostic d = result.diagnostics().get(0);
        int s = d.span().start();
        failures.add(row.get("id") + ": " + d.code().id() + " " + d.message() + " at ..."
            + query.substring(Math.max(0, s - 40), s) + "<<>>" + query.substring(s, Math.min(query.length(), s + 30)));
      }
    }
    System.out.printf("kql-docs: %d/%d examples parse%n", rows.size() - failures.size(), rows.size());
    failures.stream().limit(30).forEach(f -> System.out.println("  " + f.replace('\n', ' ')));
    assertTrue(failures.size() <= ALLOWED_FAILURES, failures.size() + " documented examples fail to parse");
  }
}
