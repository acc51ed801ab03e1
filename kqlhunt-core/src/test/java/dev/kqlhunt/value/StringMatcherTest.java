package dev.kqlhunt.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StringMatcherTest {

  /** The operator table of datatypes-string-operators.md, one documented example per row. */
  @ParameterizedTest(name = "[{index}] \"{1}\" {0} \"{2}\" = {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "==|aBc|aBc|true",
        "==|aBc|abc|false",
        "=~|abc|ABC|true",
        "!=|abc|ABC|true",
        "contains|FabriKam|BRik|true",
        "contains_cs|FabriKam|riK|true",
        "contains_cs|FabriKam|rik|false",
        "!contains|Fabrikam|xyz|true",
        "startswith|Fabrikam|fab|true",
        "startswith_cs|Fabrikam|Fab|true",
        "startswith_cs|Fabrikam|fab|false",
        "!startswith|Fabrikam|kam|true",
        "endswith|Fabrikam|Kam|true",
        "endswith_cs|Fabrikam|kam|true",
        "!endswith|Fabrikam|brik|true",
        "contains|myrdp.exe|rdp|true",
        "contains|ÄBC|äb|true",
        "endswith|ab|abc|false",
      })
  void substringFamily(String op, String value, String needle, boolean expected) {
    StringPredicate p =
        op.equals("!=") ? StringMatcher.equalTo(needle, true).negate() : TermMatcherTest.predicate(op, needle);
    assertEquals(expected, p.test(value));
  }

  @Test
  void emptyNeedle() {
    assertTrue(StringMatcher.contains("", false).test("x"));
    assertTrue(StringMatcher.startsWith("", true).test(""));
    assertTrue(StringMatcher.equalTo("", true).test(""));
    assertFalse(StringMatcher.equalTo("", true).test("x"));
  }

  /** has_any / has_all / in / in~ from has-anyoperator.md, has-all-operator.md, in-cs/in operators. */
  @Test
  void setOperators() {
    StringSetMatcher any = StringSetMatcher.hasAny(List.of("Seattle", "tokyo"), false);
    assertTrue(any.test("Flight to TOKYO today"));
    assertFalse(any.test("Tokyoites"));
    assertFalse(StringSetMatcher.hasAny(List.of(), false).test("x"));
    StringSetMatcher all = StringSetMatcher.hasAll(List.of("cold", "wind"), false);
    assertTrue(all.test("Cold Wind Chill"));
    assertFalse(all.test("cold windy"));
    assertTrue(StringSetMatcher.in(List.of("a", "B"), true).test("B"));
    assertFalse(StringSetMatcher.in(List.of("a", "B"), true).test("b"));
    assertTrue(StringSetMatcher.in(List.of("a", "B"), false).test("b"));
    assertTrue(StringSetMatcher.in(List.of("Straße"), false).test("STRASSE") == false);
  }

  /** has_any / has_all / in~ agree with the naive definitions over random values and lists. */
  @Test
  void setOperatorsAgreeWithNaiveDefinitions() {
    long seed = System.nanoTime();
    System.out.println("StringMatcherTest.setOperatorsAgreeWithNaiveDefinitions seed=" + seed);
    java.util.Random rnd = new java.util.Random(seed);
    String alphabet = "abAB.- ";
    for (int round = 0; round < 2000; round++) {
      String value = random(rnd, alphabet, rnd.nextInt(12));
      java.util.List<String> needles = new java.util.ArrayList<>();
      int count = rnd.nextInt(5);
      for (int k = 0; k < count; k++) needles.add(random(rnd, alphabet, rnd.nextInt(4)));
      boolean cs = rnd.nextBoolean();
      boolean any = false;
      boolean all = true;
      boolean in = false;
      for (String n : needles) {
        boolean has = TermMatcher.has(n, cs).test(value);
        any |= has;
        all &= has;
        in |= cs ? n.equals(value) : StringMatcher.equalTo(n, false).test(value);
      }
      String msg = "seed=" + seed + " value=\"" + value + "\" needles=" + needles + " cs=" + cs;
      assertEquals(any, StringSetMatcher.hasAny(needles, cs).test(value), msg);
      assertEquals(all, StringSetMatcher.hasAll(needles, cs).test(value), msg);
      assertEquals(in, StringSetMatcher.in(needles, cs).test(value), msg);
    }
  }

  @Test
  void hasAnyWithManyDomains() {
    java.util.List<String> needles = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) needles.add("relay" + i + ".remote-tool.net");
    needles.add("anydesk");
    needles.add(".exe.config");
    StringSetMatcher m = StringSetMatcher.hasAny(needles, false);
    assertTrue(m.test("GET https://RELAY42.remote-tool.net/session"));
    assertFalse(m.test("GET https://relay42.remote-tool.network/session"));
    assertFalse(m.test("GET https://xrelay42.remote-tool.net/session"));
    assertTrue(m.test("C:\\Program Files\\AnyDesk\\x"));
    assertTrue(m.test("app.exe.config"));
    java.util.List<String> many = new java.util.ArrayList<>();
    for (int i = 0; i < 70; i++) many.add("t" + i);
    StringBuilder all = new StringBuilder();
    for (int i = 69; i >= 0; i--) all.append("T").append(i).append(' ');
    assertTrue(StringSetMatcher.hasAll(many, false).test(all.toString()));
    assertFalse(StringSetMatcher.hasAll(many, false).test(all.substring(4)));
  }

  @Test
  void caseFoldingIsOrdinalUpperCase() {
    // U+017F (long s) upper-cases to 'S'; the Kelvin sign U+212A does not fold to 'k'
    assertTrue(StringMatcher.equalTo("system", false).test("\u017Fystem"));
    assertFalse(StringMatcher.equalTo("kelvin", false).test("\u212Aelvin"));
    assertTrue(StringSetMatcher.in(java.util.List.of("\u017Fystem"), false).test("SYSTEM"));
    // the indexOf scan must still find starts at the two non-ASCII chars that fold to ASCII
    assertTrue(StringMatcher.contains("system", false).test("x\u017Fystem"));
    assertTrue(TermMatcher.has("sys", false).test("a \u017FYS b"));
    assertTrue(TermMatcher.has("id", false).test("the \u0131d"));
    assertFalse(TermMatcher.has("id", true).test("the \u0131d"));
    assertTrue(StringMatcher.contains("\u00fcber", false).test("\u00dcBER"));
    assertTrue(StringMatcher.contains("aab", false).test("aaaaAAAAaab"));
  }

  private static String random(java.util.Random rnd, String alphabet, int len) {
    StringBuilder sb = new StringBuilder(len);
    for (int i = 0; i < len; i++) sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    return sb.toString();
  }

  @Test
  void regex() {
    KustoRegex.Compiled c = KustoRegex.compile("^C:\\\\Windows\\\\.*\\.exe$", "i");
    assertTrue(c.ok());
    assertTrue(c.asPredicate().test("c:\\windows\\notepad.EXE"));
    assertTrue(KustoRegex.compile("b").asPredicate().test("abc"), "matches regex searches");
    assertFalse(KustoRegex.compile("(a").ok());
    assertFalse(KustoRegex.compile("a", "x").ok());
    assertTrue(KustoRegex.compile("a.b", "s").asPredicate().test("a\nb"));
    assertFalse(KustoRegex.compile("a.b").asPredicate().test("a\nb"));
    // RE2 rejects backreferences, as Kusto does
    assertFalse(KustoRegex.compile("(a)\\1").ok());
  }

  /** regex.md: Perl classes are Unicode-aware; \\u escapes; the u flag. */
  @org.junit.jupiter.params.ParameterizedTest(name = "[{index}] {0} on {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "^\\d+$|\u0661\u0662\u0663|true", // Arabic-Indic digits are \p{Nd}
        "^\\d+$|123|true",
        "^\\w+$|Gr\u00fc\u00dfe|true",
        "^\\W$|\u00fc|false",
        "^\\s$|\u00a0|true",
        "^\\S$|\u00a0|false",
        "^[\\w.]+$|caf\u00e9.exe|true",
        "^[\\d]+$|\u0661|true",
        "^[^\\d]+$|\u0661|false",
        "\\u0041\\u{42}\\U00000043|xABCx|true",
        "(?-u:a)b|ab|true",
        "(?iu)ABC|abc|true",
        "[[:alpha:]]+[[:digit:]]|abc1|true",
        "^\\D$|\u0661|false",
        "(?P<first>a)(?<second>b)|ab|true",
      })
  void kustoRegexDialect(String pattern, String value, boolean expected) {
    KustoRegex.Compiled c = KustoRegex.compile(pattern);
    assertTrue(c.ok(), () -> c.error());
    assertEquals(expected, c.asPredicate().test(value));
  }
}
