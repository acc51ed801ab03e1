package dev.kqlhunt.syntax;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.syntax.tree.QueryBlock;
import dev.kqlhunt.syntax.tree.Statement;
import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.text.TextSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The KQL parser's entry point. {@link #parse} never throws on any input: it returns a whole tree and
 * every lexical and syntax diagnostic. Single pass over the tokens with bounded lookahead (no
 * backtracking); cost is linear in the text. Thread-safe: each call uses its own state.
 */
public final class Parser {
  private Parser() {}

  public static ParseResult parse(SourceText source) {
    String text = source.text();
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Token> tokens = Lexer.tokenize(text, diagnostics);
    QueryBlock tree;
    try {
      tree = new QueryParser(text, tokens, diagnostics).parseQueryBlock();
    } catch (RuntimeException | StackOverflowError e) {
      // A parser bug must not take the caller down; report it as a diagnostic on the whole text.
      diagnostics.add(Diagnostic.error(SyntaxErrors.INTERNAL_ERROR, TextSpan.of(0, text.length()), e));
      tree = new QueryBlock(TextSpan.of(0, text.length()), List.<Statement>of());
    }
    diagnostics.sort(Comparator.comparingInt(d -> d.span().start()));
    return new ParseResult(source, tree, diagnostics);
  }

  /** Convenience for tests and tools: parses a text named {@code query}. */
  public static ParseResult parse(String text) {
    return parse(SourceText.of("query", text));
  }
}
