package dev.kqlhunt.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermMatcherTest {

  /** Cases from datatypes-string-operators.md (the operator table) plus the boundary decisions. */
  @ParameterizedTest(name = "[{index}] \"{1}\" {0} \"{2}\" = {3}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        // documented examples: "North America" has "america" → true, has_cs "America"/"america"
        "has|North America|america|true",
        "has_cs|North America|America|true",
        "has_cs|North America|america|false",
        "!has|North America|amer|true",
        "has|North America|amer|false",
        "hasprefix|North America|ame|true",
        "hasprefix_cs|North America|Ame|true",
        "hasprefix|North America|mer|false",
        "hassuffix|North America|ica|true",
        "hassuffix_cs|North America|ica|true",
        "hassuffix|North America|Americ|false",
        // the terms of the documented GUID example
        "has|'Kusto: ad67d136-c1db-4f9f-88ef-d94f3b6b0b5a;KustoExplorerQueryRun'|c1db|true",
        "has|'Kusto: ad67d136-c1db-4f9f-88ef-d94f3b6b0b5a;KustoExplorerQueryRun'|KustoExplorerQueryRun|true",
        "has|'Kusto: ad67d136-c1db-4f9f-88ef-d94f3b6b0b5a;KustoExplorerQueryRun'|Explorer|false",
        "has|'Kusto: ad67d136-c1db-4f9f-88ef-d94f3b6b0b5a;KustoExplorerQueryRun'|c1db-4f9f|true",
        // needles with punctuation match at term boundaries only
        "has|rdp.exe|rdp.exe|true",
        "has|c:\\x\\rdp.exe|rdp.exe|true",
        "has|C:\\Windows\\rdp.exe.mui|RDP.EXE|true",
        "has|myrdp.exe|rdp.exe|false",
        "has|rdp.exel|rdp.exe|false",
        "has|http://www.donkz.nl/x|www.donkz.nl|true",
        "has|http://wwww.donkz.nl/x|www.donkz.nl|false",
        "has|'Remote Desktop Plus v2'|Remote Desktop Plus|true",
        "has|'Remote  Desktop Plus'|Remote Desktop Plus|false",
        "has|'RemoteDesktop Plus'|Desktop Plus|false",
        "has|rdp.exe|.exe|true",
        "has|rdpexe|.exe|false",
        "hasprefix|myrdp.exe|rdp.ex|false",
        "hasprefix|c:\\rdp.exe|rdp.ex|true",
        "hassuffix|c:\\myrdp.exe|rdp.exe|true",
        "hassuffix|c:\\rdp.exec|rdp.exe|false",
        // short terms: exact regardless of the 3-char index
        "has|a b c|b|true",
        "has|abc|b|false",
        "has|hello_world|world|true",
        // empty needle and empty value
        "has|anything||true",
        "has|||true",
        "has||x|false",
        // Unicode letters are term characters
        "has|Grüße Welt|grüße|true",
        "has|xGrüße|grüße|false",
      })
  void hasFamily(String op, String value, String needle, boolean expected) {
    assertEquals(expected, predicate(op, needle == null ? "" : needle).test(value == null ? "" : value));
  }

  static StringPredicate predicate(String op, String needle) {
    boolean negated = op.startsWith("!");
    String base = negated ? op.substring(1) : op;
    boolean cs = base.endsWith("_cs");
    if (cs) base = base.substring(0, base.length() - 3);
    StringPredicate p =
        switch (base) {
          case "has" -> TermMatcher.has(needle, cs);
          case "hasprefix" -> TermMatcher.hasPrefix(needle, cs);
          case "hassuffix" -> TermMatcher.hasSuffix(needle, cs);
          case "contains" -> StringMatcher.contains(needle, cs);
          case "startswith" -> StringMatcher.startsWith(needle, cs);
          case "endswith" -> StringMatcher.endsWith(needle, cs);
          case "==" -> StringMatcher.equalTo(needle, true);
          case "=~" -> StringMatcher.equalTo(needle, false);
          default -> throw new IllegalArgumentException(op);
        };
    return negated ? p.negate() : p;
  }

  /** has vs a slow regex reference over random ASCII strings with many separators. */
  @Test
  void hasAgreesWithRegexReference() {
    long seed = System.nanoTime();
    System.out.println("TermMatcherTest.hasAgreesWithRegexReference seed=" + seed);
    Random rnd = new Random(seed);
    String alphabet = "aAbB1.- _\\";
    for (int round = 0; round < 3000; round++) {
      String value = random(rnd, alphabet, rnd.nextInt(14));
      String needle = random(rnd, alphabet, 1 + rnd.nextInt(4));
      for (TermMatcher.Kind kind : TermMatcher.Kind.values()) {
        for (boolean cs : new boolean[] {false, true}) {
          boolean expected = reference(kind, value, needle, cs);
          TermMatcher m =
              switch (kind) {
                case HAS -> TermMatcher.has(needle, cs);
                case PREFIX -> TermMatcher.hasPrefix(needle, cs);
                case SUFFIX -> TermMatcher.hasSuffix(needle, cs);
              };
          assertEquals(
              expected,
              m.test(value),
              () -> "seed=" + seed + " " + m + " on \"" + value + "\"");
        }
      }
    }
  }

  /** For single-term needles, has is "some term equals the needle" (the documented definition). */
  @Test
  void singleTermHasEqualsTermMembership() {
    long seed = System.nanoTime();
    System.out.println("TermMatcherTest.singleTermHasEqualsTermMembership seed=" + seed);
    Random rnd = new Random(seed);
    for (int round = 0; round < 3000; round++) {
      String value = random(rnd, "abAB1;. ", rnd.nextInt(16));
      String needle = random(rnd, "abAB1", 1 + rnd.nextInt(3));
      boolean expected = false;
      boolean prefix = false;
      boolean suffix = false;
      for (String term : terms(value)) {
        String t = term.toLowerCase(Locale.ROOT);
        String n = needle.toLowerCase(Locale.ROOT);
        expected |= t.equals(n);
        prefix |= t.startsWith(n);
        suffix |= t.endsWith(n);
      }
      assertEquals(expected, TermMatcher.has(needle, false).test(value), "seed=" + seed);
      assertEquals(prefix, TermMatcher.hasPrefix(needle, false).test(value), "seed=" + seed);
      assertEquals(suffix, TermMatcher.hasSuffix(needle, false).test(value), "seed=" + seed);
    }
  }

  private static boolean reference(TermMatcher.Kind kind, String value, String needle, boolean cs) {
    String q = Pattern.quote(needle);
    boolean startAnchor =
        kind != TermMatcher.Kind.SUFFIX && Character.isLetterOrDigit(needle.charAt(0));
    boolean endAnchor =
        kind != TermMatcher.Kind.PREFIX
            && Character.isLetterOrDigit(needle.charAt(needle.length() - 1));
    String regex =
        (startAnchor ? "(?<![A-Za-z0-9])" : "") + q + (endAnchor ? "(?![A-Za-z0-9])" : "");
    int flags = cs ? 0 : Pattern.CASE_INSENSITIVE;
    return Pattern.compile(regex, flags).matcher(value).find();
  }

  private static List<String> terms(String s) {
    List<String> out = new ArrayList<>();
    for (String part : s.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) out.add(part);
    }
    return out;
  }

  private static String random(Random rnd, String alphabet, int len) {
    StringBuilder sb = new StringBuilder(len);
    for (int i = 0; i < len; i++) sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    return sb.toString();
  }
}
