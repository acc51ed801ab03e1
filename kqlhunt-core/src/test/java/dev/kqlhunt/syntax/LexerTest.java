package dev.kqlhunt.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LexerTest {
  private static List<Token> lex(String text, List<Diagnostic> diagnostics) {
    return Lexer.tokenize(text, diagnostics);
  }

  private static Token single(String text) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Token> tokens = lex(text, diagnostics);
    assertEquals(List.of(), diagnostics, text);
    assertEquals(2, tokens.size(), "one token plus end for " + text + ": " + tokens);
    return tokens.get(0);
  }

  @Test
  void decodesStringLiterals() {
    String[][] cases = {
      {"'abc'", "abc"},
      {"\"a\\\"b\"", "a\"b"},
      {"'a\\'b'", "a'b"},
      {"\"tab\\there\"", "tab\there"},
      {"\"\\x41\\u0042\"", "AB"},
      {"\"oct\\3\"", "oct\u0003"},
      {"@'C:\\dir'", "C:\\dir"},
      {"@\"say \"\"hi\"\"\"", "say \"hi\""},
      {"@'it''s'", "it's"},
      {"h'secret'", "secret"},
      {"H\"secret\"", "secret"},
      {"h@'C:\\x'", "C:\\x"},
      {"```multi\nline```", "multi\nline"},
      {"~~~tilde~~~", "tilde"},
    };
    for (String[] c : cases) {
      Token token = single(c[0]);
      assertEquals(TokenKind.STRING, token.kind(), c[0]);
      assertEquals(c[1], token.value(), c[0]);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      5d             | 4320000000000
      1day           | 864000000000
      2days          | 1728000000000
      1h             | 36000000000
      1hr            | 36000000000
      2hrs           | 72000000000
      1hour          | 36000000000
      1.5hours       | 54000000000
      1m             | 600000000
      1min           | 600000000
      1minute        | 600000000
      3minutes       | 1800000000
      1s             | 10000000
      1sec           | 10000000
      1second        | 10000000
      2seconds       | 20000000
      1ms            | 10000
      1milli         | 10000
      1millisecond   | 10000
      5milliseconds  | 50000
      1microsecond   | 10
      3microseconds  | 30
      1tick          | 1
      7ticks         | 7
      1D             | 864000000000
      2H             | 72000000000
      """)
  void decodesTimespanLiterals(String text, long ticks) {
    Token token = single(text);
    assertEquals(TokenKind.TIMESPAN, token.kind());
    assertEquals(ticks, token.value());
  }

  @Test
  void decodesNumbers() {
    assertEquals(42L, single("42").value());
    assertEquals(31L, single("0x1F").value());
    assertEquals(1.5, single("1.5").value());
    assertEquals(1e10, single("1e10").value());
    assertEquals(0.0025, single("2.5e-3").value());
    assertEquals(TokenKind.REAL, single("1.").kind());
  }

  @Test
  void rangeDotsAreNotDecimalPoints() {
    List<Token> tokens = lex("1..2", new ArrayList<>());
    assertEquals(List.of(TokenKind.LONG, TokenKind.DOT_DOT, TokenKind.LONG, TokenKind.END_OF_TEXT),
        tokens.stream().map(Token::kind).toList());
  }

  @Test
  void numberGluedToWordIsOneIdentifierAsInKusto() {
    assertEquals(TokenKind.IDENTIFIER, single("3rdParty").kind());
    assertEquals(TokenKind.IDENTIFIER, single("1h2").kind());
  }

  @ParameterizedTest
  @CsvSource(textBlock = """
      datetime(2015-12-31 23:59:59.9), 2015-12-31 23:59:59.9
      datetime(null), null
      time(1.02:03:04), 1.02:03:04
      guid(74be27de-1e4e-49d9-b579-fe0b331d3642), 74be27de-1e4e-49d9-b579-fe0b331d3642
      long(-1), -1
      real(+inf), +inf
      int(null), null
      bool(true), true
      decimal(1.5), 1.5
      """)
  void typedLiteralsKeepTheirRawInside(String text, String inside) {
    Token token = single(text);
    assertEquals(TokenKind.TYPED_LITERAL, token.kind());
    assertEquals(inside, token.value());
  }

  @Test
  void typedLiteralNeedsAdjacentParenthesis() {
    List<Token> tokens = lex("datetime (2020-01-01)", new ArrayList<>());
    assertEquals(TokenKind.IDENTIFIER, tokens.get(0).kind());
    assertEquals(TokenKind.OPEN_PAREN, tokens.get(1).kind());
  }

  @ParameterizedTest
  @CsvSource(textBlock = """
      mv-expand
      project-away
      project-rename
      parse-where
      top-nested
      make-series
      graph-shortest-paths
      !has
      !contains_cs
      !in~
      in~
      !between
      $left
      """)
  void multiPartWordsAreOneToken(String word) {
    Token token = single(word);
    assertEquals(TokenKind.IDENTIFIER, token.kind());
    assertEquals(word, token.text());
  }

  @Test
  void hyphenOutsideKnownNamesIsSubtraction() {
    List<Token> tokens = lex("a-b project-foo", new ArrayList<>());
    assertEquals(List.of("a", "-", "b", "project", "-", "foo", ""), tokens.stream().map(Token::text).toList());
  }

  @ParameterizedTest
  @CsvSource(delimiter = ' ', textBlock = """
      == EQUAL_EQUAL
      != BANG_EQUAL
      <> LESS_GREATER
      =~ EQUAL_TILDE
      !~ BANG_TILDE
      <= LESS_EQUAL
      >= GREATER_EQUAL
      => FAT_ARROW
      .. DOT_DOT
      | PIPE
      """)
  void punctuation(String text, TokenKind kind) {
    assertEquals(kind, single(text).kind());
  }

  @Test
  void commentsAndWhitespaceAreTrivia() {
    List<Token> tokens = lex("T // comment | where\n| take 1", new ArrayList<>());
    assertEquals(List.of("T", "|", "take", "1", ""), tokens.stream().map(Token::text).toList());
    assertTrue(tokens.get(1).gapBefore());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '^', textBlock = """
      'abc              | KQL1002
      "a\\Wb"           | KQL1009
      ```open           | KQL1002
      #                 | KQL1001
      datetime(2020     | KQL1003
      """)
  void reportsLexicalErrorsAndCarriesOn(String text, String code) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Token> tokens = lex(text + " x", diagnostics);
    assertEquals(code, diagnostics.get(0).code().id(), text);
    assertEquals(TokenKind.END_OF_TEXT, tokens.get(tokens.size() - 1).kind());
  }
}
