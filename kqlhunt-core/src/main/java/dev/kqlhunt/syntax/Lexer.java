package dev.kqlhunt.syntax;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.text.TextSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns KQL text into tokens in one pass, never throwing: problems (unterminated strings, stray
 * characters, bad escapes) become diagnostics and the lexer carries on. The last token is always
 * {@link TokenKind#END_OF_TEXT}. Cost is linear in the text; no regular expressions are used.
 *
 * <p>Kusto facts encoded here (checked against the official parser): plain strings and verbatim
 * strings end at the line end; the only escapes are backslash followed by one of {@code \\ ' " n r t 0},
 * {@code x} with two hex digits or {@code u} with four; a
 * timespan unit must touch its number ({@code 5d}, not {@code 5 d}) and units are case-insensitive;
 * typed literals ({@code datetime(...)}, {@code long(-1)}) need the parenthesis right after the
 * keyword, and their inside is raw text up to the closing parenthesis.
 */
public final class Lexer {
  /** Keywords that, immediately followed by {@code (}, open a literal whose inside is raw text. */
  private static final Set<String> TYPED_LITERALS = Set.of(
      "datetime", "date", "time", "timespan", "guid", "bool", "int", "int32", "long", "int64",
      "real", "double", "decimal");

  /** Hyphenated operator names, lexed as one word. */
  private static final Set<String> HYPHENATED = Set.of(
      "mv-expand", "mv-apply", "project-away", "project-keep", "project-rename", "project-reorder",
      "project-smart", "parse-where", "parse-kv", "top-nested", "top-hitters", "sample-distinct",
      "make-series", "make-graph", "graph-match", "graph-merge", "graph-to-table",
      "graph-shortest-paths", "graph-mark-components", "macro-expand", "assert-schema",
      "execute-and-cache", "partition-by", "project-by-names", "granny-asc", "granny-desc");

  /** Prefixes of {@link #HYPHENATED} entries that end before a hyphen, to lex multi-hyphen names. */
  private static final Set<String> HYPHEN_PREFIXES = hyphenPrefixes();

  /** Operators spelled with a leading {@code !}. */
  private static final Set<String> NEGATED = Set.of(
      "!has", "!has_cs", "!hasprefix", "!hasprefix_cs", "!hassuffix", "!hassuffix_cs", "!contains",
      "!contains_cs", "!startswith", "!startswith_cs", "!endswith", "!endswith_cs", "!in", "!in~",
      "!between");

  private final String text;
  private final List<Diagnostic> diagnostics;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;
  private boolean gap;

  private Lexer(String text, List<Diagnostic> diagnostics) {
    this.text = text;
    this.diagnostics = diagnostics;
  }

  /** Tokenizes {@code text}, appending lexical diagnostics to {@code diagnostics}. */
  public static List<Token> tokenize(String text, List<Diagnostic> diagnostics) {
    Lexer lexer = new Lexer(text, diagnostics);
    lexer.run();
    return lexer.tokens;
  }

  private static Set<String> hyphenPrefixes() {
    java.util.HashSet<String> prefixes = new java.util.HashSet<>();
    for (String word : HYPHENATED) {
      for (int i = word.indexOf('-'); i >= 0; i = word.indexOf('-', i + 1)) prefixes.add(word.substring(0, i));
    }
    return Set.copyOf(prefixes);
  }

  private void run() {
    int n = text.length();
    while (true) {
      skipTrivia();
      if (pos >= n) break;
      scanToken();
    }
    tokens.add(new Token(TokenKind.END_OF_TEXT, n, 0, "", null, gap));
  }

  private void skipTrivia() {
    gap = false;
    int n = text.length();
    while (pos < n) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || Character.isWhitespace(c)
          || c == '\u00a0' || c == '\ufeff') {
        pos++;
        gap = true;
      } else if (c == '/' && pos + 1 < n && text.charAt(pos + 1) == '/') {
        while (pos < n && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') pos++;
        gap = true;
      } else {
        return;
      }
    }
  }

  private void scanToken() {
    char c = text.charAt(pos);
    if (c == '\'' || c == '"') {
      scanQuoted(pos, pos, false);
    } else if (c == '@' && isQuote(peek(1))) {
      scanQuoted(pos, pos + 1, true);
    } else if ((c == 'h' || c == 'H') && isQuote(peek(1))) {
      scanQuoted(pos, pos + 1, false);
    } else if ((c == 'h' || c == 'H') && peek(1) == '@' && isQuote(peek(2))) {
      scanQuoted(pos, pos + 2, true);
    } else if ((c == '`' || c == '~') && peek(1) == c && peek(2) == c) {
      scanMultiLine(c);
    } else if (isDigit(c)) {
      scanNumber();
    } else if (isIdentifierStart(c)) {
      scanWord();
    } else if (c == '!' && isIdentifierStart(peek(1))) {
      scanNegatedOperator();
    } else {
      scanPunctuation(c);
    }
  }

  private char peek(int ahead) {
    int i = pos + ahead;
    return i < text.length() ? text.charAt(i) : '\0';
  }

  static boolean isQuote(char c) {
    return c == '\'' || c == '"';
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Letters, {@code _} and {@code $}. A {@code $} inside a name ({@code a$b}) lexes but makes the
   * name unusable without brackets, which the parser reports ({@code $left} and {@code $} are fine).
   */
  static boolean isIdentifierStart(char c) {
    return isLetterOrUnderscore(c) || c == '$';
  }

  static boolean isIdentifierPart(char c) {
    return isLetterOrUnderscore(c) || isDigit(c) || c == '$';
  }

  private static boolean isLetterOrUnderscore(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c > 127 && Character.isLetter(c));
  }

  private void add(TokenKind kind, int start, Object value) {
    tokens.add(new Token(kind, start, pos - start, text.substring(start, pos), value, gap));
  }

  private void error(SyntaxErrors code, int start, int end, Object... args) {
    diagnostics.add(Diagnostic.error(code, TextSpan.of(start, Math.max(start, end)), args));
  }

  // ---- strings -------------------------------------------------------------------------------

  /** Scans a quoted string whose quote is at {@code quoteAt}; {@code start} includes any prefix. */
  private void scanQuoted(int start, int quoteAt, boolean verbatim) {
    char quote = text.charAt(quoteAt);
    pos = quoteAt + 1;
    StringBuilder value = new StringBuilder();
    int n = text.length();
    while (true) {
      if (pos >= n || text.charAt(pos) == '\n' || text.charAt(pos) == '\r') {
        error(SyntaxErrors.UNTERMINATED_STRING, start, pos, String.valueOf(quote));
        break;
      }
      char c = text.charAt(pos);
      if (c == quote) {
        if (verbatim && peek(1) == quote) {
          value.append(quote);
          pos += 2;
          continue;
        }
        pos++;
        break;
      }
      if (c == '\\' && !verbatim) {
        pos = decodeEscape(value);
      } else {
        value.append(c);
        pos++;
      }
    }
    add(TokenKind.STRING, start, value.toString());
  }

  /** Decodes the escape at {@code pos} into {@code out}; returns the position after it. */
  private int decodeEscape(StringBuilder out) {
    char e = peek(1);
    switch (e) {
      case '\\', '\'', '"' -> out.append(e);
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 't' -> out.append('\t');
      case 'a' -> out.append('\u0007');
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case 'v' -> out.append('\u000b');
      case '0', '1', '2', '3', '4', '5', '6', '7' -> out.append((char) (e - '0'));
      case 'x' -> {
        return decodeHex(out, 2);
      }
      case 'u' -> {
        return decodeHex(out, 4);
      }
      default -> {
        int end = Math.min(pos + 2, text.length());
        error(SyntaxErrors.INVALID_ESCAPE, pos, end, text.substring(pos, end));
        out.append(e);
      }
    }
    return Math.min(pos + 2, text.length());
  }

  private int decodeHex(StringBuilder out, int digits) {
    int value = 0;
    int i = pos + 2;
    for (int k = 0; k < digits; k++, i++) {
      int d = i < text.length() ? Character.digit(text.charAt(i), 16) : -1;
      if (d < 0) {
        error(SyntaxErrors.INVALID_ESCAPE, pos, i, text.substring(pos, i));
        return i;
      }
      value = value * 16 + d;
    }
    out.append((char) value);
    return i;
  }

  private void scanMultiLine(char fence) {
    int start = pos;
    int close = text.indexOf(String.valueOf(fence).repeat(3), pos + 3);
    if (close < 0) {
      pos = text.length();
      error(SyntaxErrors.UNTERMINATED_STRING, start, pos, String.valueOf(fence).repeat(3));
      add(TokenKind.STRING, start, text.substring(start + 3));
      return;
    }
    pos = close + 3;
    add(TokenKind.STRING, start, text.substring(start + 3, close));
  }

  // ---- numbers ------------------------------------------------------------------------------

  private void scanNumber() {
    int start = pos;
    if (text.charAt(pos) == '0' && (peek(1) == 'x' || peek(1) == 'X') && Character.digit(peek(2), 16) >= 0) {
      pos += 2;
      while (pos < text.length() && Character.digit(text.charAt(pos), 16) >= 0) pos++;
      add(TokenKind.LONG, start, parseHex(text.substring(start + 2, pos)));
      return;
    }
    boolean real = false;
    skipDigits();
    if (peek(0) == '.' && peek(1) != '.' && !isIdentifierStart(peek(1))) {
      real = true;
      pos++;
      skipDigits();
    }
    if ((peek(0) == 'e' || peek(0) == 'E') && (isDigit(peek(1))
        || ((peek(1) == '+' || peek(1) == '-') && isDigit(peek(2))))) {
      real = true;
      pos += 2;
      skipDigits();
    }
    int numberEnd = pos;
    if (isIdentifierStart(peek(0))) {
      scanTimespanUnit(start, numberEnd);
      return;
    }
    String digits = text.substring(start, numberEnd);
    Long asLong = real ? null : parseLong(digits, start);
    if (real || asLong == null) {
      // Kusto accepts an integer too large for long; it becomes a real
      add(TokenKind.REAL, start, Double.parseDouble(digits));
    } else {
      add(TokenKind.LONG, start, asLong);
    }
  }

  private void skipDigits() {
    while (pos < text.length() && isDigit(text.charAt(pos))) pos++;
  }

  private Long parseHex(String digits) {
    try {
      return Long.parseUnsignedLong(digits, 16);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private Long parseLong(String digits, int start) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private void scanTimespanUnit(int start, int numberEnd) {
    while (pos < text.length() && isIdentifierPart(text.charAt(pos))) pos++;
    String unit = text.substring(numberEnd, pos).toLowerCase(java.util.Locale.ROOT);
    long ticksPerUnit = TimespanUnits.ticksPer(unit);
    if (ticksPerUnit < 0) {
      // The official parser lexes a number glued to a non-unit word (3rdParty, 1h2) as one identifier.
      add(TokenKind.IDENTIFIER, start, null);
      return;
    }
    double amount = Double.parseDouble(text.substring(start, numberEnd));
    add(TokenKind.TIMESPAN, start, Math.round(amount * ticksPerUnit));
  }

  // ---- words --------------------------------------------------------------------------------

  private void scanWord() {
    int start = pos;
    pos++;
    while (pos < text.length() && isIdentifierPart(text.charAt(pos))) pos++;
    String word = text.substring(start, pos);
    if (peek(0) == '(' && TYPED_LITERALS.contains(word)) {
      scanTypedLiteral(start);
      return;
    }
    if (peek(0) == '-' && HYPHEN_PREFIXES.contains(word)) {
      extendHyphenated(start);
    } else if (peek(0) == '~' && word.equals("in")) {
      pos++;
    }
    add(TokenKind.IDENTIFIER, start, null);
  }

  /** Extends the word at {@code start} over {@code -word} parts while it stays a known name. */
  private void extendHyphenated(int start) {
    int end = pos;
    int probe = pos;
    while (probe < text.length() && text.charAt(probe) == '-' && probe + 1 < text.length()
        && isIdentifierStart(text.charAt(probe + 1))) {
      int wordEnd = probe + 1;
      while (wordEnd < text.length() && isIdentifierPart(text.charAt(wordEnd))) wordEnd++;
      String candidate = text.substring(start, wordEnd);
      if (HYPHENATED.contains(candidate)) end = wordEnd;
      if (!HYPHEN_PREFIXES.contains(candidate)) break;
      probe = wordEnd;
    }
    pos = end;
  }

  private void scanTypedLiteral(int start) {
    int close = pos;
    while (close < text.length() && text.charAt(close) != ')' && text.charAt(close) != '\n') close++;
    if (close >= text.length() || text.charAt(close) != ')') {
      pos = close;
      error(SyntaxErrors.EXPECTED, close, close, "')'");
      add(TokenKind.TYPED_LITERAL, start, text.substring(start + (pos - start), close));
      return;
    }
    int open = pos;
    pos = close + 1;
    add(TokenKind.TYPED_LITERAL, start, text.substring(open + 1, close));
  }

  private void scanNegatedOperator() {
    int start = pos;
    int end = pos + 1;
    while (end < text.length() && isIdentifierPart(text.charAt(end))) end++;
    if (end < text.length() && text.charAt(end) == '~') end++;
    String word = text.substring(start, end);
    if (!NEGATED.contains(word) && word.endsWith("~")) word = word.substring(0, word.length() - 1);
    if (NEGATED.contains(word)) {
      pos = start + word.length();
      add(TokenKind.IDENTIFIER, start, null);
    } else {
      scanPunctuation('!');
    }
  }

  // ---- punctuation --------------------------------------------------------------------------

  private void scanPunctuation(char c) {
    int start = pos;
    char next = peek(1);
    TokenKind kind;
    int width = 1;
    switch (c) {
      case '|' -> kind = TokenKind.PIPE;
      case ';' -> kind = TokenKind.SEMICOLON;
      case ',' -> kind = TokenKind.COMMA;
      case '(' -> kind = TokenKind.OPEN_PAREN;
      case ')' -> kind = TokenKind.CLOSE_PAREN;
      case '[' -> kind = TokenKind.OPEN_BRACKET;
      case ']' -> kind = TokenKind.CLOSE_BRACKET;
      case '{' -> kind = TokenKind.OPEN_BRACE;
      case '}' -> kind = TokenKind.CLOSE_BRACE;
      case ':' -> kind = TokenKind.COLON;
      case '+' -> kind = TokenKind.PLUS;
      case '-' -> kind = TokenKind.MINUS;
      case '*' -> kind = TokenKind.STAR;
      case '/' -> kind = TokenKind.SLASH;
      case '%' -> kind = TokenKind.PERCENT;
      case '?' -> kind = TokenKind.QUESTION;
      case '@' -> kind = TokenKind.AT;
      case '.' -> {
        kind = next == '.' ? TokenKind.DOT_DOT : TokenKind.DOT;
        width = next == '.' ? 2 : 1;
      }
      case '=' -> {
        kind = switch (next) {
          case '=' -> TokenKind.EQUAL_EQUAL;
          case '~' -> TokenKind.EQUAL_TILDE;
          case '>' -> TokenKind.FAT_ARROW;
          default -> TokenKind.EQUAL;
        };
        width = kind == TokenKind.EQUAL ? 1 : 2;
      }
      case '!' -> {
        kind = next == '=' ? TokenKind.BANG_EQUAL : next == '~' ? TokenKind.BANG_TILDE : TokenKind.BAD;
        width = kind == TokenKind.BAD ? 1 : 2;
      }
      case '<' -> {
        kind = next == '=' ? TokenKind.LESS_EQUAL : next == '>' ? TokenKind.LESS_GREATER : TokenKind.LESS;
        width = kind == TokenKind.LESS ? 1 : 2;
      }
      case '>' -> {
        kind = next == '=' ? TokenKind.GREATER_EQUAL : TokenKind.GREATER;
        width = kind == TokenKind.GREATER ? 1 : 2;
      }
      default -> kind = TokenKind.BAD;
    }
    if (kind == TokenKind.BAD && Character.isHighSurrogate(c) && Character.isLowSurrogate(next)) width = 2;
    pos += width;
    if (kind == TokenKind.BAD) error(SyntaxErrors.UNEXPECTED_CHARACTER, start, pos, text.substring(start, pos));
    add(kind, start, null);
  }
}
