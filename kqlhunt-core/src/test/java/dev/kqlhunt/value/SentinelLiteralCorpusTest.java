package dev.kqlhunt.value;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The literals of the ~1,950 real Sentinel rules in ../shared (corpus/sentinel/QUERIES.jsonl) must
 * all be understood: {@code dynamic(...)} bodies parse ({@link DynamicParser#parseLiteral}),
 * {@code datetime(...)}/{@code timespan(...)} parse, and constant {@code matches regex} patterns
 * compile ({@link KustoRegex}). Fails (does not skip) when ../shared is missing.
 */
@Tag("conformance")
class SentinelLiteralCorpusTest {

  @Test
  void everySentinelDynamicLiteralParses() throws IOException {
    Path shared = Path.of(System.getProperty("kqlhunt.shared", "/work/main/../shared"));
    Path queries = shared.resolve("corpus/sentinel/QUERIES.jsonl");
    assertTrue(Files.isRegularFile(queries), "missing " + queries + " (set -Dkqlhunt.shared)");
    int literals = 0;
    List<String> failures = new ArrayList<>();
    for (String line : Files.readAllLines(queries)) {
      if (line.isBlank()) continue;
      Map<?, ?> record = (Map<?, ?>) Json.parse(line);
      String query = (String) record.get("query");
      for (String body : KqlLiteralExtractor.bodies(query)) {
        literals++;
        DynamicParser.Result r = DynamicParser.parseLiteral(body);
        if (!r.ok()) failures.add(record.get("id") + ": " + r.error() + " at " + r.errorOffset() + " in " + body);
      }
    }
    System.out.println("SentinelLiteralCorpusTest: " + literals + " literals, " + failures.size() + " failures");
    for (String f : failures) System.out.println("  " + f.replace("\n", "\\n"));
    assertTrue(literals > 300, "expected many literals, found " + literals);
    assertEquals(List.of(), failures.subList(0, Math.min(40, failures.size())));
  }

  /** Every datetime(...) and timespan(...) literal of the corpus parses (null and now-forms aside). */
  @Test
  void everySentinelDatetimeAndTimespanLiteralParses() throws IOException {
    Path queries = Path.of(System.getProperty("kqlhunt.shared", "/work/main/../shared"))
        .resolve("corpus/sentinel/QUERIES.jsonl");
    assertTrue(Files.isRegularFile(queries), "missing " + queries + " (set -Dkqlhunt.shared)");
    int literals = 0;
    List<String> failures = new ArrayList<>();
    for (String line : Files.readAllLines(queries)) {
      if (line.isBlank()) continue;
      String query = (String) ((Map<?, ?>) Json.parse(line)).get("query");
      for (String keyword : List.of("datetime", "timespan")) {
        for (String body : KqlLiteralExtractor.bodies(query, keyword)) {
          String b = body.strip();
          // datetime(), datetime(now) and datetime(null) are the binder's: now() and null.
          if (b.isEmpty() || b.equals("null") || b.equals("now") || !b.matches("[-0-9 .:/TZtz+a-zA-Z,]*")) continue;
          literals++;
          long t = keyword.equals("datetime") ? DateTimeParser.parse(b) : Timespans.parse(b);
          if (t == Long.MIN_VALUE) failures.add(keyword + "(" + b + ")");
        }
      }
    }
    System.out.println("datetime/timespan literals: " + literals + ", failures " + failures);
    assertTrue(literals > 5, "expected literals, found " + literals);
    assertEquals(List.of(), failures);
  }

  /** Every constant pattern after {@code matches regex} in the corpus compiles with KustoRegex. */
  @Test
  void everySentinelMatchesRegexPatternCompiles() throws IOException {
    Path queries = Path.of(System.getProperty("kqlhunt.shared", "/work/main/../shared"))
        .resolve("corpus/sentinel/QUERIES.jsonl");
    assertTrue(Files.isRegularFile(queries), "missing " + queries + " (set -Dkqlhunt.shared)");
    int patterns = 0;
    List<String> failures = new ArrayList<>();
    for (String line : Files.readAllLines(queries)) {
      if (line.isBlank()) continue;
      Map<?, ?> record = (Map<?, ?>) Json.parse(line);
      String query = (String) record.get("query");
      int from = 0;
      while ((from = query.indexOf("matches regex", from)) >= 0) {
        from += "matches regex".length();
        String pattern = KqlLiteralExtractor.stringLiteralAt(query, from);
        if (pattern == null) continue;
        patterns++;
        KustoRegex.Compiled c = KustoRegex.compile(pattern);
        if (!c.ok()) failures.add(record.get("id") + ": " + c.error());
      }
    }
    System.out.println("matches regex patterns: " + patterns + ", failures " + failures.size());
    failures.forEach(f -> System.out.println("  " + f));
    assertTrue(patterns > 20, "expected patterns, found " + patterns);
    assertEquals(List.of(), failures);
  }
}
