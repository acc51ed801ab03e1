package dev.kqlhunt.syntax;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.diag.Diagnostic;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Compares our syntax verdict with the official Kusto parser's ({@code syntaxOk} in ORACLE.jsonl and
 * MUTANTS-ORACLE.jsonl) on every corpus query. Floors are the figures reached, rounded down a little,
 * so that they cannot slide back unnoticed.
 */
@Tag("conformance")
class SyntaxConformanceTest {
  /** Of the queries the oracle accepts, the share we accept (percent). */
  static final double ACCEPT_FLOOR = 99.9;
  /** Of the queries the oracle rejects, the share we reject (percent). */
  static final double REJECT_FLOOR = 99.9;

  record Tally(String name, int oracleOk, int bothOk, int oracleBad, int bothBad, List<String> disagreements) {
    double acceptRate() {
      return oracleOk == 0 ? 100 : 100.0 * bothOk / oracleOk;
    }

    double rejectRate() {
      return oracleBad == 0 ? 100 : 100.0 * bothBad / oracleBad;
    }

    String line() {
      return String.format(Locale.ROOT, "%-8s accept %d/%d = %.2f%%   reject %d/%d = %.2f%%", name, bothOk,
          oracleOk, acceptRate(), bothBad, oracleBad, rejectRate());
    }
  }

  @Test
  void agreesWithTheOfficialParser() throws IOException {
    Tally queries = compare("QUERIES", "QUERIES.jsonl", "ORACLE.jsonl");
    Tally mutants = compare("MUTANTS", "MUTANTS.jsonl", "MUTANTS-ORACLE.jsonl");
    Tally all = new Tally("ALL", queries.oracleOk + mutants.oracleOk, queries.bothOk + mutants.bothOk,
        queries.oracleBad + mutants.oracleBad, queries.bothBad + mutants.bothBad, List.of());
    System.out.println(queries.line());
    System.out.println(mutants.line());
    System.out.println(all.line());
    List<String> disagreements = new ArrayList<>(queries.disagreements);
    disagreements.addAll(mutants.disagreements);
    System.out.println("first disagreements:");
    disagreements.stream().limit(Integer.getInteger("kqlhunt.disagreements", 20)).forEach(System.out::println);
    assertTrue(all.acceptRate() >= ACCEPT_FLOOR, "accept rate fell: " + all.line());
    assertTrue(all.rejectRate() >= REJECT_FLOOR, "reject rate fell: " + all.line());
  }

  private static Tally compare(String name, String queryFile, String oracleFile) throws IOException {
    List<Map<String, Object>> rows = SharedCorpus.readJsonLines(SharedCorpus.sentinel().resolve(queryFile));
    List<Map<String, Object>> verdicts = SharedCorpus.readJsonLines(SharedCorpus.sentinel().resolve(oracleFile));
    assertEquals(rows.size(), verdicts.size(), "query and oracle files differ in length");
    int oracleOk = 0, bothOk = 0, oracleBad = 0, bothBad = 0;
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String query = (String) rows.get(i).get("query");
      boolean expected = Boolean.TRUE.equals(verdicts.get(i).get("syntaxOk"));
      ParseResult result = Parser.parse(query);
      boolean ours = !result.hasErrors();
      if (expected) {
        oracleOk++;
        if (ours) bothOk++;
      } else {
        oracleBad++;
        if (!ours) bothBad++;
      }
      if (expected != ours) disagreements.add(describe(rows.get(i).get("id"), expected, result, verdicts.get(i)));
    }
    return new Tally(name, oracleOk, bothOk, oracleBad, bothBad, disagreements);
  }

  private static String describe(Object id, boolean expected, ParseResult result, Map<String, Object> verdict) {
    StringBuilder out = new StringBuilder();
    out.append(expected ? "  WE REJECT " : "  WE ACCEPT ").append(id);
    if (expected) {
      Diagnostic d = result.diagnostics().get(0);
      String text = result.source().text();
      int s = d.span().start();
      out.append("\n      ").append(d.code().id()).append(' ').append(d.message()).append(" @").append(s)
          .append(": ...").append(text, Math.max(0, s - 40), s).append("<<>>")
          .append(text, s, Math.min(text.length(), s + 30)).append("...");
    } else {
      out.append("\n      oracle: ").append(verdict.get("syntaxErrors"));
    }
    return out.toString().replace("\r", "").replace("\n      ", "\n      ").replace("\n", "\n");
  }
}
