package dev.kqlhunt.syntax;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.syntax.tree.Expression;
import dev.kqlhunt.syntax.tree.Name;
import dev.kqlhunt.text.TextSpan;
import java.util.List;
import java.util.Set;

/**
 * The token cursor and diagnostic sink shared by the parser layers. The parser layers form a chain of
 * subclasses ({@code ParserBase <- LiteralParser <- ExpressionParser <- OperatorParser <-
 * MoreOperatorParser <- QueryParser}) so that each layer stays small yet can call the others; only
 * {@link Parser} is public.
 *
 * <p>Error policy: a missing token is reported once where it was expected and not consumed; parsing
 * goes on as if it were there. Recovery to a safe point ({@code |}, {@code ;}, a closing bracket) is
 * done by the statement and pipe layers.
 */
abstract class ParserBase {
  /** Words that cannot be used as a plain name; the official parser demands {@code ['word']}. */
  static final Set<String> RESERVED = Set.of(
      "where", "project", "by", "and", "or", "in", "!in", "in~", "!in~", "between", "!between",
      "has", "!has", "has_cs", "!has_cs", "hasprefix", "!hasprefix", "hasprefix_cs", "!hasprefix_cs",
      "hassuffix", "!hassuffix", "hassuffix_cs", "!hassuffix_cs", "contains", "!contains",
      "contains_cs", "!contains_cs", "startswith", "!startswith", "startswith_cs", "!startswith_cs",
      "endswith", "!endswith", "endswith_cs", "!endswith_cs", "like", "notlike", "likecs", "notlikecs",
      "has_any", "has_all", "string", "int", "int32", "int64", "long", "real", "double", "decimal",
      "datetime", "date", "time", "timespan", "dynamic", "uniqueid", "boolean", "of", "to", "as",
      "union", "set", "print", "sample", "search", "find", "asc", "desc", "first", "last", "title",
      "materialize", "invoke", "toscalar", "datatable", "externaldata", "with_itemindex",
      "bagexpansion", "datascope", "mv-expand", "mv-apply", "project-away", "project-keep",
      "project-rename", "project-reorder", "project-smart", "parse-where", "parse-kv", "top-nested",
      "top-hitters", "sample-distinct", "make-series", "make-graph", "graph-match", "graph-merge",
      "graph-to-table", "graph-shortest-paths", "graph-mark-components", "macro-expand",
      "assert-schema", "execute-and-cache", "partition-by", "project-by-names");

  /** Reserved words that may still be declared as names ({@code extend where = 1} parses in Kusto). */
  static final Set<String> DECLARABLE = Set.of(
      "where", "by", "in", "has", "contains", "of", "to", "as", "set", "print", "sample", "search", "find",
      "title", "materialize", "invoke", "toscalar", "datatable", "externaldata", "top-nested",
      "top-hitters", "sample-distinct");

  /** Deeper nesting than this is reported instead of risking a stack overflow. */
  static final int MAX_DEPTH = 200;

  final String text;
  final List<Token> tokens;
  final List<Diagnostic> diagnostics;
  int index;
  int depth;

  ParserBase(String text, List<Token> tokens, List<Diagnostic> diagnostics) {
    this.text = text;
    this.tokens = tokens;
    this.diagnostics = diagnostics;
  }

  // ---- cursor ---------------------------------------------------------------------------------

  final Token peek() {
    return tokens.get(index);
  }

  final Token peek(int ahead) {
    int i = index + ahead;
    return tokens.get(Math.min(i, tokens.size() - 1));
  }

  final Token advance() {
    Token t = tokens.get(index);
    if (t.kind() != TokenKind.END_OF_TEXT) index++;
    return t;
  }

  final boolean at(TokenKind kind) {
    return peek().kind() == kind;
  }

  final boolean atWord(String word) {
    return peek().is(word);
  }

  final boolean atEnd() {
    return at(TokenKind.END_OF_TEXT);
  }

  /** Consumes the token if it has {@code kind}. */
  final boolean accept(TokenKind kind) {
    if (!at(kind)) return false;
    advance();
    return true;
  }

  final boolean acceptWord(String word) {
    if (!atWord(word)) return false;
    advance();
    return true;
  }

  /** Consumes a token of {@code kind} or reports that it was expected (without consuming). */
  final boolean expect(TokenKind kind, String display) {
    if (accept(kind)) return true;
    expected(display);
    return false;
  }

  final boolean expectWord(String word) {
    if (acceptWord(word)) return true;
    expected("'" + word + "'");
    return false;
  }

  /** Where the previous token ended: the end of a node that just finished. */
  final int lastEnd() {
    return index == 0 ? 0 : tokens.get(index - 1).end();
  }

  /**
   * The span from {@code start} to the end of the previous token. A node that consumed nothing gets
   * an empty span where the previous token ended, so it never pokes out of its parent.
   */
  final TextSpan spanFrom(int start) {
    int end = lastEnd();
    return end < start ? new TextSpan(end, 0) : TextSpan.of(start, end);
  }

  /** An empty span just after the previous token, where something missing was expected. */
  final TextSpan missingSpan() {
    return new TextSpan(lastEnd(), 0);
  }

  // ---- diagnostics ----------------------------------------------------------------------------

  final void error(SyntaxErrors code, TextSpan span, Object... args) {
    // One syntax error per position is enough; cascades at the same spot only add noise.
    if (!diagnostics.isEmpty()) {
      Diagnostic last = diagnostics.get(diagnostics.size() - 1);
      if (last.span().start() == span.start() && last.code() instanceof SyntaxErrors) return;
    }
    diagnostics.add(Diagnostic.error(code, span, args));
  }

  final void expected(String display) {
    error(SyntaxErrors.EXPECTED, new TextSpan(peek().start(), 0), display);
  }

  final Expression.MissingExpression missingExpression() {
    Token t = peek();
    if (needsBrackets(t)) {
      error(SyntaxErrors.KEYWORD_AS_NAME, t.span(), t.text(), t.text());
    } else {
      // reported where the expression should have begun: just after the previous token, as Kusto does
      error(SyntaxErrors.MISSING_EXPRESSION, missingSpan());
    }
    return new Expression.MissingExpression(missingSpan());
  }

  final Name.MissingName missingName() {
    Token t = peek();
    if (needsBrackets(t)) {
      error(SyntaxErrors.KEYWORD_AS_NAME, t.span(), t.text(), t.text());
    } else {
      error(SyntaxErrors.MISSING_NAME, missingSpan());
    }
    return new Name.MissingName(missingSpan());
  }

  private static boolean needsBrackets(Token t) {
    return t.kind() == TokenKind.IDENTIFIER && (RESERVED.contains(t.text()) || t.text().indexOf('$', 1) >= 0);
  }

  /** True when the current token can serve as a plain (unbracketed) name. */
  final boolean atPlainName() {
    Token t = peek();
    return t.kind() == TokenKind.IDENTIFIER && !RESERVED.contains(t.text()) && t.text().charAt(0) != '!'
        && t.text().indexOf('$', 1) < 0;
  }

  /** True at {@code ['name']} / {@code ["name"]} (adjacent strings concatenate: {@code ['a' 'b']}). */
  final boolean atBracketedName() {
    return bracketedNameLength(0) > 0;
  }

  /** Tokens in the bracketed name starting {@code ahead} tokens on, or 0 if there is none. */
  final int bracketedNameLength(int ahead) {
    if (peek(ahead).kind() != TokenKind.OPEN_BRACKET || peek(ahead + 1).kind() != TokenKind.STRING) return 0;
    int i = ahead + 2;
    while (peek(i).kind() == TokenKind.STRING) i++;
    return peek(i).kind() == TokenKind.CLOSE_BRACKET ? i + 1 - ahead : 0;
  }

  final boolean atName() {
    return atPlainName() || atBracketedName();
  }

  /** True at a word that may be declared as a name before {@code =}. */
  final boolean atDeclarableName() {
    Token t = peek();
    return atPlainName() || (t.kind() == TokenKind.IDENTIFIER && DECLARABLE.contains(t.text()));
  }

  /** Parses a plain or bracketed name, or reports a missing one. */
  final Name parseName() {
    if (atPlainName() || (atDeclarableName() && peek(1).kind() == TokenKind.EQUAL)) {
      Token t = advance();
      return new Name.IdentifierName(t.span(), t.text());
    }
    if (atBracketedName()) {
      int start = advance().start();
      StringBuilder value = new StringBuilder();
      while (at(TokenKind.STRING)) value.append((String) advance().value());
      advance();
      return new Name.BracketedName(spanFrom(start), value.toString());
    }
    return missingName();
  }
}
