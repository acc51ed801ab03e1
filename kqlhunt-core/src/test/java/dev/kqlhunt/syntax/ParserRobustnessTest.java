package dev.kqlhunt.syntax;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.diag.Diagnostic;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Randomised mutation of corpus queries (delete, duplicate, swap, truncate — of tokens and of
 * characters): the parser must never fail internally, every diagnostic span must lie inside the
 * text, every node's span must lie inside its parent's, and no single parse may take more than
 * 100 ms. The seed is logged; replay with
 * {@code -Dkqlhunt.seed=N}; {@code -Dkqlhunt.robustness.cases=N} changes the case count.
 */
@Tag("conformance")
class ParserRobustnessTest {
  static final long MAX_PARSE_NANOS = 100_000_000L;

  @Test
  void survivesMutatedQueries() throws IOException {
    long seed = Long.getLong("kqlhunt.seed", System.nanoTime());
    int cases = Integer.getInteger("kqlhunt.robustness.cases", 100_000);
    System.out.println("ParserRobustnessTest seed=" + seed + " cases=" + cases);
    Random random = new Random(seed);
    List<String> corpus = new ArrayList<>(SharedCorpus.queries("QUERIES.jsonl"));
    corpus.addAll(SharedCorpus.queries("MUTANTS.jsonl"));
    warmUp(corpus);
    long slowest = 0;
    String slowestQuery = "";
    int withErrors = 0;
    for (int i = 0; i < cases; i++) {
      String query = mutate(corpus.get(random.nextInt(corpus.size())), random);
      long start = System.nanoTime();
      ParseResult result = Parser.parse(query);
      long elapsed = System.nanoTime() - start;
      if (elapsed > MAX_PARSE_NANOS / 10) elapsed = retime(query);
      if (elapsed > slowest) {
        slowest = elapsed;
        slowestQuery = query;
      }
      if (result.hasErrors()) withErrors++;
      check(result, query, seed, i);
    }
    System.out.printf("ParserRobustnessTest: %d cases, %d with errors, slowest parse %.3f ms (%d chars)%n",
        cases, withErrors, slowest / 1e6, slowestQuery.length());
    assertTrue(slowest <= MAX_PARSE_NANOS, "a parse took " + slowest / 1e6 + " ms, seed " + seed);
  }

  /**
   * The machine is shared (load averages above 10 on 2 cores are common), so a slow parse is timed
   * again and its best of three counts: the limit is about the parser's cost, not about scheduling.
   */
  private static long retime(String query) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      Parser.parse(query);
      best = Math.min(best, System.nanoTime() - start);
    }
    return best;
  }

  private static void warmUp(List<String> corpus) {
    for (int round = 0; round < 3; round++) {
      for (String query : corpus) Parser.parse(query);
    }
  }

  private static void check(ParseResult result, String query, long seed, int index) {
    for (Diagnostic d : result.diagnostics()) {
      String where = " (seed " + seed + ", case " + index + "): " + query;
      assertTrue(d.code() != SyntaxErrors.INTERNAL_ERROR, d.message() + where);
      assertTrue(d.span().end() <= query.length(), "diagnostic span " + d.span() + " outside text" + where);
    }
    assertEquals(query.length(), result.tree().span().length());
    String problem = TreeInvariants.check(result.tree(), query.length());
    assertTrue(problem == null, problem + " (seed " + seed + ", case " + index + "): " + query);
  }

  /** One random edit of tokens or characters. */
  static String mutate(String query, Random random) {
    if (query.isEmpty()) return query;
    if (random.nextBoolean()) return mutateCharacters(query, random);
    List<Token> tokens = Lexer.tokenize(query, new ArrayList<>());
    if (tokens.size() < 3) return mutateCharacters(query, random);
    Token a = tokens.get(random.nextInt(tokens.size() - 1));
    Token b = tokens.get(random.nextInt(tokens.size() - 1));
    if (b.start() < a.start()) {
      Token t = a;
      a = b;
      b = t;
    }
    return switch (random.nextInt(4)) {
      case 0 -> query.substring(0, a.start()) + query.substring(a.end());
      case 1 -> query.substring(0, a.end()) + " " + query.substring(a.start());
      case 2 -> a == b ? query : query.substring(0, a.start()) + b.text() + query.substring(a.end(), b.start())
          + a.text() + query.substring(b.end());
      default -> query.substring(0, a.end());
    };
  }

  private static String mutateCharacters(String query, Random random) {
    int i = random.nextInt(query.length());
    int j = Math.min(query.length(), i + 1 + random.nextInt(3));
    return switch (random.nextInt(4)) {
      case 0 -> query.substring(0, i) + query.substring(j);
      case 1 -> query.substring(0, j) + query.substring(i);
      case 2 -> {
        int k = random.nextInt(query.length());
        char[] chars = query.toCharArray();
        char t = chars[i];
        chars[i] = chars[k];
        chars[k] = t;
        yield new String(chars);
      }
      default -> query.substring(0, i);
    };
  }
}
