package dev.kqlhunt.syntax.tree;

import dev.kqlhunt.text.TextSpan;

/**
 * Any node of the KQL syntax tree. Every node knows the span of source text it covers; a node the
 * parser had to invent because the text lacked it (see {@link Expression.MissingExpression}) has an
 * empty span at the place where it was expected.
 */
public sealed interface SyntaxNode
    permits QueryBlock, Statement, Expression, Name, TypeExpression, Clause {
  TextSpan span();
}
