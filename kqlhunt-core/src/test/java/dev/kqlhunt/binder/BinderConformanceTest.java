package dev.kqlhunt.binder;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.json.Json;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.text.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Measures the binder against the official Kusto parser's verdicts on the Sentinel corpus: for every
 * query where the oracle gives a complete result schema (no {@code unknown} type), our result columns
 * must equal its columns (names and types, in order); and whether a query has semantic errors should
 * agree. Prints the figures and the first mismatches; asserts floors so the figures cannot slide back.
 * Fails when {@code ../shared} is missing.
 */
@Tag("conformance")
class BinderConformanceTest {
  /** Floors: what the binder reached, rounded down a little. */
  private static final double SCHEMA_FLOOR = 0.997;
  private static final double SEMANTIC_FLOOR = 0.995;
  /** Floor for the looser figure over every oracle schema, unknown types included (they must match too). */
  private static final double ALL_SCHEMAS_FLOOR = 0.82;
  private static final int SHOW = 30;

  @Test
  void resultSchemasAndSemanticVerdictsMatchTheOracle() throws IOException {
    Path shared = Path.of(System.getProperty("kqlhunt.shared", "/work/main/../shared"));
    Path corpus = shared.resolve("corpus/sentinel");
    assertTrue(Files.isDirectory(corpus), "../shared corpus is missing: " + corpus);
    SchemaRegistry registry = loadRegistry(shared);
    Tally tally = new Tally();
    long t0 = System.nanoTime();
    run(corpus.resolve("QUERIES.jsonl"), corpus.resolve("ORACLE.jsonl"), registry, tally);
    run(corpus.resolve("MUTANTS.jsonl"), corpus.resolve("MUTANTS-ORACLE.jsonl"), registry, tally);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    double schema = tally.schemaEqual / (double) Math.max(1, tally.schemaCompared);
    double semantic = tally.semanticAgree / (double) Math.max(1, tally.semanticCompared);
    System.out.printf("BinderConformance: result schemas equal %d/%d = %.2f%%; semantic verdict agrees %d/%d = %.2f%%"
            + " (oracle clean, we flag: %d; oracle flags, we are clean: %d); %d queries in %d ms%n",
        tally.schemaEqual, tally.schemaCompared, 100 * schema, tally.semanticAgree, tally.semanticCompared,
        100 * semantic, tally.falseErrors, tally.missedErrors, tally.queries, ms);
    double all = tally.allEqual / (double) Math.max(1, tally.allCompared);
    System.out.printf("BinderConformance: all oracle schemas, unknown types included: %d/%d = %.2f%%%n",
        tally.allEqual, tally.allCompared, 100 * all);
    System.out.println("BinderConformance: parse+bind throughput (warm, one thread): " + throughput(corpus, registry));
    for (String m : tally.mismatches) System.out.println(m);
    for (String m : tally.semanticMismatches) System.out.println(m);
    assertTrue(schema >= SCHEMA_FLOOR, "schema agreement fell below the floor: " + schema);
    assertTrue(all >= ALL_SCHEMAS_FLOOR, "agreement over all schemas fell below the floor: " + all);
    assertTrue(semantic >= SEMANTIC_FLOOR, "semantic agreement fell below the floor: " + semantic);
  }

  /** Parse + bind of every corpus query, timed after one warm-up pass; a figure to report, not to assert. */
  @SuppressWarnings("unchecked")
  private static String throughput(Path corpus, SchemaRegistry registry) throws IOException {
    List<SourceText> texts = new ArrayList<>();
    for (String line : Files.readAllLines(corpus.resolve("QUERIES.jsonl"), StandardCharsets.UTF_8)) {
      Map<String, Object> q = (Map<String, Object>) Json.parse(line);
      texts.add(SourceText.of(String.valueOf(q.get("id")), (String) q.get("query")));
    }
    for (SourceText t : texts) QueryCheck.run(t, registry);
    long t0 = System.nanoTime();
    int columns = 0;
    for (SourceText t : texts) {
      QueryCheck c = QueryCheck.run(t, registry);
      columns += c.bind().diagnostics().size(); // keeps the work observable
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return String.format("%d queries in %.0f ms = %.0f queries/s (%d diagnostics)",
        texts.size(), seconds * 1000, texts.size() / seconds, columns);
  }

  static SchemaRegistry loadRegistry(Path shared) {
    Path schema = shared.resolve("tools/kusto-oracle/device-schema.json");
    try {
      return SchemaRegistry.builtIn().withSchemaFile(schema);
    } catch (Exception e) {
      throw new AssertionError("cannot load " + schema, e);
    }
  }

  private static final class Tally {
    int queries;
    int schemaCompared;
    int schemaEqual;
    int allCompared;
    int allEqual;
    int semanticCompared;
    int semanticAgree;
    int falseErrors;
    int missedErrors;
    final List<String> mismatches = new ArrayList<>();
    final List<String> semanticMismatches = new ArrayList<>();
  }

  @SuppressWarnings("unchecked")
  private static void run(Path queries, Path oracle, SchemaRegistry registry, Tally tally) throws IOException {
    List<String> qs = Files.readAllLines(queries, StandardCharsets.UTF_8);
    List<String> os = Files.readAllLines(oracle, StandardCharsets.UTF_8);
    assertEquals(qs.size(), os.size(), "line counts of " + queries + " and " + oracle);
    for (int i = 0; i < qs.size(); i++) {
      Map<String, Object> q = (Map<String, Object>) Json.parse(qs.get(i));
      Map<String, Object> o = (Map<String, Object>) Json.parse(os.get(i));
      assertEquals(q.get("id"), o.get("id"), "ids at line " + (i + 1));
      String id = String.valueOf(q.get("id"));
      QueryCheck check = QueryCheck.run(SourceText.of(id, (String) q.get("query")), registry);
      tally.queries++;
      compareSchema(id, o, check, tally);
      compareSemantic(id, o, check, tally);
    }
  }

  @SuppressWarnings("unchecked")
  private static void compareSchema(String id, Map<String, Object> o, QueryCheck check, Tally tally) {
    List<Map<String, Object>> expected = (List<Map<String, Object>>) o.get("resultColumns");
    if (expected == null) return;
    List<String> want = new ArrayList<>();
    for (Map<String, Object> c : expected) want.add(c.get("name") + ":" + c.get("type"));
    List<String> got = new ArrayList<>();
    List<ColumnSymbol> ours = check.bind().query().tabular() == null ? null : check.bind().query().tabular().columns();
    if (ours != null) for (ColumnSymbol c : ours) got.add(c.name() + ":" + c.type());
    tally.allCompared++;
    if (want.equals(got)) tally.allEqual++;
    for (Map<String, Object> c : expected) if ("unknown".equals(c.get("type"))) return;
    tally.schemaCompared++;
    if (want.equals(got)) {
      tally.schemaEqual++;
    } else if (tally.mismatches.size() < SHOW) {
      tally.mismatches.add("SCHEMA " + id + "\n  " + diff(want, got));
    }
  }

  /** The first differing position and the surroundings, readable in a test log. */
  private static String diff(List<String> want, List<String> got) {
    int i = 0;
    while (i < want.size() && i < got.size() && want.get(i).equals(got.get(i))) i++;
    int from = Math.max(0, i - 1);
    return "first difference at column " + i + " (oracle " + want.size() + " columns, ours " + got.size() + ")"
        + "\n  oracle: " + want.subList(from, Math.min(want.size(), i + 4))
        + "\n  ours:   " + got.subList(Math.min(from, got.size()), Math.min(got.size(), i + 4));
  }

  @SuppressWarnings("unchecked")
  private static void compareSemantic(String id, Map<String, Object> o, QueryCheck check, Tally tally) {
    if (!Boolean.TRUE.equals(o.get("syntaxOk")) || !check.syntaxOk()) return;
    List<Map<String, Object>> errors = (List<Map<String, Object>>) o.get("semanticErrors");
    boolean oracleClean = errors == null || errors.isEmpty();
    boolean oursClean = check.semanticDiagnostics().stream().noneMatch(d -> d.isError());
    tally.semanticCompared++;
    if (oracleClean == oursClean) {
      tally.semanticAgree++;
      return;
    }
    if (oracleClean) tally.falseErrors++;
    else tally.missedErrors++;
    if (tally.semanticMismatches.size() < SHOW) {
      String ours = check.semanticDiagnostics().isEmpty() ? "none"
          : check.semanticDiagnostics().get(0).code().id() + " " + check.semanticDiagnostics().get(0).message();
      String theirs = oracleClean ? "none" : errors.get(0).get("code") + " " + errors.get(0).get("message");
      tally.semanticMismatches.add("SEMANTIC " + id + "\n  oracle: " + theirs + "\n  ours:   " + ours);
    }
  }
}
