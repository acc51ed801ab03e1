package dev.kqlhunt.rules;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every YAML file of ../shared/corpus/sentinel loads, or fails with a positioned KQL3xxx message; the
 * loaded query equals the one the corpus extracted (QUERIES.jsonl), and every non-blank query character
 * maps back to the same character in the file.
 */
@Tag("conformance")
class SentinelCorpusTest {
  private static final Pattern POSITIONED = Pattern.compile("^.+:\\d+:\\d+: error KQL3\\d{3}: .+");

  @Test
  void everyCorpusFileLoadsOrFailsWithAPosition() throws IOException {
    Path dir = SharedCorpus.sentinel();
    Map<String, String> expectedQueries = readQueries(dir.resolve("QUERIES.jsonl"));
    RuleLoader loader = new RuleLoader();
    Map<String, Integer> reasons = new TreeMap<>();
    Map<String, Integer> validation = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int loaded = 0;
    int failed = 0;
    int queryMismatches = 0;
    int alignmentMismatches = 0;
    int literalOriginMismatches = 0;
    RuleValidator validator = new RuleValidator(null);
    for (Path file : yamlFiles(dir)) {
      LoadResult<SentinelRule> result = loader.load(file);
      String rel = dir.relativize(file).toString();
      if (result.valueIfPresent().isEmpty()) {
        failed++;
        String first = result.firstErrorLine();
        assertTrue(POSITIONED.matcher(first).matches(), rel + ": not positioned: " + first);
        failures.add(first);
        reasons.merge(firstErrorCode(result), 1, Integer::sum);
        continue;
      }
      loaded++;
      SentinelRule rule = result.value();
      String expected = expectedQueries.get(rel);
      if (expected != null && !expected.equals(rule.query().text())) {
        queryMismatches++;
        System.out.println("query differs: " + rel);
      }
      if (rule.query().style() == EmbeddedQuery.Style.LITERAL && !originIsExact(rule.query())) {
        literalOriginMismatches++;
        System.out.println("EmbeddedOrigin not exact: " + rel);
      }
      int bad = misalignedCharacters(rule.query());
      if (bad > 0) System.out.println("alignment: " + rel + " " + rule.query().style() + " " + bad);
      alignmentMismatches += bad;
      for (Diagnostic d : result.diagnostics()) validation.merge("load " + d.code().id(), 1, Integer::sum);
      for (Diagnostic d : validator.validate(rule, java.time.Instant.parse("2026-11-20T00:00:00Z"))) {
        validation.merge(d.code().id() + " " + d.severity().label(), 1, Integer::sum);
      }
    }
    System.out.printf(Locale.ROOT, "Sentinel corpus: %d files, %d loaded, %d failed%n", loaded + failed, loaded, failed);
    System.out.println("failures by code: " + reasons);
    failures.forEach(f -> System.out.println("  " + f));
    System.out.println("diagnostics on loaded rules: " + validation);
    assertTrue(loaded + failed >= 1900, "corpus too small: " + (loaded + failed));
    assertTrue(loaded >= 1940, "loaded only " + loaded);
    assertEquals(0, queryMismatches, "queries that differ from QUERIES.jsonl");
    assertEquals(0, alignmentMismatches, "query characters that do not map to the same file character");
    assertEquals(0, literalOriginMismatches, "literal-block queries whose SourceText origin is not exact");
  }

  /**
   * The per-tool YAML files of the jischell RMM collection all carry the same defect (dataTypes indented
   * like the list item's '-'); each must fail at that line with the indentation message.
   */
  @Test
  void jischellRmmCopiesFailAtTheirMisindentedLine() throws IOException {
    Path dir = SharedCorpus.root().resolve("rmm/jischell/RMM");
    List<Path> files = yamlFiles(dir);
    assertTrue(files.size() >= 160, "jischell RMM files: " + files.size());
    RuleLoader loader = new RuleLoader();
    for (Path file : files) {
      LoadResult<SentinelRule> result = loader.load(file);
      assertTrue(result.value() == null, file + " loaded");
      String first = result.firstErrorLine();
      assertTrue(POSITIONED.matcher(first).matches(), first);
      assertTrue(first.contains("wrong indentation: key 'dataTypes'"), first);
    }
    System.out.printf(Locale.ROOT, "jischell RMM: %d files, all fail at the dataTypes line%n", files.size());
  }

  /** The lead's line+indent origin on the query's SourceText agrees with the exact map for every char. */
  static boolean originIsExact(EmbeddedQuery q) {
    for (int i = 0; i < q.text().length(); i++) {
      if (Character.isWhitespace(q.text().charAt(i))) continue;
      if (!q.query().position(i).equals(q.file().position(q.fileOffset(i)))) return false;
    }
    return true;
  }

  /** Non-blank query characters whose mapped file character differs (escapes are exempt). */
  static int misalignedCharacters(EmbeddedQuery q) {
    String text = q.text();
    String file = q.file().text();
    int bad = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) continue;
      int f = q.fileOffset(i);
      if (f >= file.length() || file.charAt(f) != c) {
        boolean escape = q.style() == EmbeddedQuery.Style.DOUBLE_QUOTED && f < file.length() && file.charAt(f) == '\\';
        boolean quote = q.style() == EmbeddedQuery.Style.SINGLE_QUOTED && c == '\'';
        if (!escape && !quote) bad++;
      }
    }
    return bad;
  }

  private static String firstErrorCode(LoadResult<?> result) {
    return result.diagnostics().stream().filter(Diagnostic::isError).findFirst()
        .map(d -> d.code().id()).orElse("none");
  }

  static List<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(Files::isRegularFile)
          .filter(p -> {
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            return n.endsWith(".yaml") || n.endsWith(".yml");
          })
          .sorted()
          .toList();
    }
  }

  private static Map<String, String> readQueries(Path jsonl) throws IOException {
    Map<String, String> out = new HashMap<>();
    for (String line : Files.readAllLines(jsonl)) {
      if (line.isBlank()) continue;
      @SuppressWarnings("unchecked")
      Map<String, Object> row = (Map<String, Object>) Json.parse(line);
      out.put((String) row.get("id"), (String) row.get("query"));
    }
    return out;
  }
}
