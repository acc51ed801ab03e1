/**
 * The KQL syntax tree: sealed interfaces of immutable records, one per construct, named with Kusto's own
 * vocabulary ({@code SummarizeOperator}, {@code LetStatement}, {@code PipeExpression}...).
 *
 * <p>Contract: every node has a {@link dev.kqlhunt.text.TextSpan} into the parsed text; the tree is
 * always whole (missing parts are synthesised with empty spans and reported as diagnostics); lists are
 * never null; optional parts are null only where the record's javadoc says so. The tree carries no
 * types or resolved symbols — that is the binder's bound tree. Consumers switch exhaustively over the
 * sealed hierarchies ({@link dev.kqlhunt.syntax.tree.Statement}, {@link
 * dev.kqlhunt.syntax.tree.Expression}, {@link dev.kqlhunt.syntax.tree.QueryOperator}, ...).
 */
package dev.kqlhunt.syntax.tree;
