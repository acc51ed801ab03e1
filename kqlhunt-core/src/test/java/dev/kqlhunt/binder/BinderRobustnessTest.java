package dev.kqlhunt.binder;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.json.Json;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.text.SourceText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The binder never throws, whatever tree the parser recovers: corpus queries are cut, duplicated and
 * shuffled at random points and bound; every diagnostic must point inside the text. The seed is
 * printed; set {@code -Dkqlhunt.seed=N} to replay a run. Fails when {@code ../shared} is missing.
 */
@Tag("conformance")
class BinderRobustnessTest {
  private static final int CASES = 20_000;

  @Test
  @SuppressWarnings("unchecked")
  void bindingMutatedCorpusQueriesNeverThrows() throws Exception {
    Path queries = Path.of(System.getProperty("kqlhunt.shared", "/work/main/../shared"), "corpus/sentinel/QUERIES.jsonl");
    assertTrue(Files.isRegularFile(queries), "../shared corpus is missing: " + queries);
    List<String> texts = new ArrayList<>();
    for (String line : Files.readAllLines(queries, StandardCharsets.UTF_8)) {
      texts.add((String) ((Map<String, Object>) Json.parse(line)).get("query"));
    }
    long seed = Long.getLong("kqlhunt.seed", System.nanoTime());
    System.out.println("BinderRobustnessTest seed=" + seed + " (replay with -Dkqlhunt.seed=" + seed + ")");
    Random random = new Random(seed);
    SchemaRegistry registry = SchemaRegistry.builtIn();
    long slowest = 0;
    String slowestText = "";
    for (int i = 0; i < CASES; i++) {
      String text = mutate(texts.get(random.nextInt(texts.size())), random);
      long t0 = System.nanoTime();
      QueryCheck check;
      try {
        check = QueryCheck.run(SourceText.of("case" + i, text), registry);
      } catch (RuntimeException | StackOverflowError e) {
        fail("seed " + seed + " case " + i + " threw " + e + " on:\n" + text, e);
        return;
      }
      long took = System.nanoTime() - t0;
      if (took > slowest) {
        slowest = took;
        slowestText = text;
      }
      for (Diagnostic d : check.semanticDiagnostics()) {
        assertTrue(d.span().end() <= text.length(), () -> "seed " + seed + ": span outside text: " + d + "\n" + text);
      }
    }
    // Re-time the slowest case: a pause of the machine (GC, other processes) shows as a fast re-run.
    long t0 = System.nanoTime();
    QueryCheck.run(SourceText.of("slowest", slowestText), registry);
    double again = (System.nanoTime() - t0) / 1e6;
    System.out.printf("BinderRobustnessTest: %d cases, slowest parse+bind %.1f ms, %.1f ms when re-run (%d chars: %s...)%n",
        CASES, slowest / 1e6, again, slowestText.length(),
        slowestText.substring(0, Math.min(80, slowestText.length())).replace('\n', ' '));
    assertTrue(again < 100, "one parse+bind took " + again + " ms on:\n" + slowestText);
  }

  /** One to three random edits: delete, duplicate or move a slice, cut the tail, or swap two words. */
  static String mutate(String text, Random random) {
    StringBuilder s = new StringBuilder(text);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && s.length() > 2; e++) {
      int a = random.nextInt(s.length());
      int b = Math.min(s.length(), a + 1 + random.nextInt(12));
      switch (random.nextInt(4)) {
        case 0 -> s.delete(a, b);
        case 1 -> s.insert(a, s.substring(a, b));
        case 2 -> s.setLength(a);
        default -> {
          String slice = s.substring(a, b);
          s.delete(a, b);
          s.insert(random.nextInt(s.length() + 1), slice);
        }
      }
    }
    return s.toString();
  }
}
