package dev.kqlhunt.syntax.tree;

import dev.kqlhunt.text.TextSpan;
import java.util.List;
import java.util.Objects;

/**
 * The root of a parsed query text: its statements in order ({@code let}, {@code set}, ..., and usually
 * one final {@link Statement.QueryStatement}). Empty statements between semicolons are dropped.
 */
public record QueryBlock(TextSpan span, List<Statement> statements) implements SyntaxNode {
  public QueryBlock {
    Objects.requireNonNull(span, "span is null");
    statements = List.copyOf(statements);
  }
}
