package dev.kqlhunt.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.value.KustoRegex;
import dev.kqlhunt.value.StringMatcher;
import dev.kqlhunt.value.StringSetMatcher;
import dev.kqlhunt.value.TermMatcher;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pack's keys are necessary conditions of the engine's own {@code has}, {@code =~} and {@code in~}. */
class TermsTest {
  private static final String ALPHABET = "aAbBsSkK01._-/\\ :\u017F\u0131I\u00e9\u00c9\u00df\u03a3\u03c3\u212A";

  @Test
  void keysOfExamples() {
    assertEquals(List.of("ANYDESK", "COM"), Terms.wholeTerms("anydesk.com", true, true));
    assertEquals(List.of("REMOTE", "DESKTOP", "PLUS"), Terms.wholeTerms("Remote Desktop Plus", true, true));
    assertEquals(List.of("DESKTOP"), Terms.wholeTerms("Remote Desktop Plus", false, false));
    assertEquals(List.of("C", "PROGRAM"), Terms.wholeTerms("C:\\Program Fi", true, false));
    assertEquals(List.of(), Terms.wholeTerms("-./", true, true));
    assertEquals("ANYDESK", Terms.fold("AnyDe\u017Fk"));
    assertEquals(List.of("C", "USERS", "APPDATA", "ANYDESK", "USER"),
        RuleAnalyzer.regexKeys("(?i)^C:\\\\Users\\\\.*\\\\AppData\\\\.*\\\\AnyDesk\\\\user\\.conf.*$"));
    assertEquals(List.of(), RuleAnalyzer.regexKeys("(?i)^a\\d+$"));
    assertEquals(List.of(), RuleAnalyzer.regexKeys("anydesk"));
  }

  @Test
  void termFoldIsFoldOfTermCharsAndZeroOtherwise() {
    for (int i = 0; i <= Character.MAX_VALUE; i++) {
      char c = (char) i;
      char expected = Terms.isTermChar(c) ? Terms.fold(c) : 0;
      assertEquals(expected, Terms.termFold(c), "char " + i);
      if (Terms.isTermChar(c)) assertTrue(Terms.fold(c) != 0, "char " + i);
    }
  }

  @Test
  void everyEngineMatchHasTheKey() {
    long seed = System.nanoTime();
    System.out.println("TermsTest seed " + seed);
    Random random = new Random(seed);
    int matches = 0;
    for (int i = 0; i < 200_000; i++) {
      String value = random(random, 1 + random.nextInt(14));
      String needle = random.nextInt(3) == 0 ? random(random, 1 + random.nextInt(5)) : substring(random, value);
      Set<String> terms = new HashSet<>();
      Terms.forEachTerm(value, terms::add);
      String what = "seed " + seed + ": '" + value + "' and '" + needle + "'";
      if (TermMatcher.has(needle, false).test(value) || TermMatcher.has(needle, true).test(value)) {
        assertTrue(terms.containsAll(Terms.wholeTerms(needle, true, true)), what + " (has)");
        matches++;
      }
      if (StringMatcher.startsWith(needle, false).test(value)) {
        assertTrue(terms.containsAll(Terms.wholeTerms(needle, true, false)), what + " (startswith)");
      }
      if (StringMatcher.endsWith(needle, false).test(value)) {
        assertTrue(terms.containsAll(Terms.wholeTerms(needle, false, true)), what + " (endswith)");
      }
      if (StringMatcher.contains(needle, false).test(value)) {
        assertTrue(terms.containsAll(Terms.wholeTerms(needle, false, false)), what + " (contains)");
      }
      String glob = substring(random, value) + "*" + substring(random, value);
      String regex = globRegex(random.nextBoolean() ? glob : value);
      if (KustoRegex.compile(regex).asPredicate().test(value)) {
        assertTrue(terms.containsAll(RuleAnalyzer.regexKeys(regex)), what + " (regex " + regex + ")");
      }
      if (StringMatcher.equalTo(needle, false).test(value) || StringSetMatcher.in(List.of(needle), false).test(value)) {
        assertEquals(Terms.fold(needle), Terms.fold(value), "seed " + seed + ": '" + value + "' =~ '" + needle + "'");
      }
    }
    assertTrue(matches > 10_000, "matches " + matches);
  }

  /** The anchored case-insensitive regex of a {@code *} glob, as the pack's generator writes it. */
  private static String globRegex(String glob) {
    StringBuilder sb = new StringBuilder("(?i)^");
    for (char c : glob.toCharArray()) {
      if (c == '*') sb.append(".*");
      else if ("\\.[]{}()^$|?+".indexOf(c) >= 0) sb.append('\\').append(c);
      else sb.append(c);
    }
    return sb.append('$').toString();
  }

  private static String random(Random r, int length) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    return b.toString();
  }

  private static String substring(Random r, String s) {
    int from = r.nextInt(s.length());
    int to = from + 1 + r.nextInt(s.length() - from);
    return s.substring(from, to);
  }
}
