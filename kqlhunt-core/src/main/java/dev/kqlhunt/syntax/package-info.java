/**
 * The KQL lexer and parser: text in, a whole syntax tree ({@link dev.kqlhunt.syntax.tree}) and
 * diagnostics out.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>{@link dev.kqlhunt.syntax.Parser#parse(dev.kqlhunt.text.SourceText)} never throws on any input;
 *       it returns a {@link dev.kqlhunt.syntax.ParseResult} with the tree, the source and every
 *       lexical and syntax diagnostic (codes KQL1xxx in {@link dev.kqlhunt.syntax.SyntaxErrors}),
 *       sorted by position. Missing parts are synthesised (empty spans) so the tree is always whole.
 *   <li>What is a syntax error follows the official Kusto parser (Kusto.Language), checked by
 *       {@code SyntaxConformanceTest} against its verdicts on ~5,000 real and mutated queries.
 *       Things Kusto accepts syntactically and rejects in binding are accepted here and left to the
 *       binder: {@code where A = 1} (a named expression), input-less pipes at statement level
 *       ({@code where x | take 1}), {@code long(x)} with a non-literal inside, unknown plugins.
 *   <li>Cost: one pass over the text and one over the tokens, bounded lookahead, no backtracking and
 *       no regular expressions; about 10 microseconds for a typical 1 KB rule on one core. Nesting
 *       deeper than 200 levels is reported instead of overflowing the stack. Thread-safe: each call
 *       has its own state.
 * </ul>
 *
 * <h2>Design</h2>
 *
 * The {@link dev.kqlhunt.syntax.Lexer} makes every word an {@code IDENTIFIER} token (keywords
 * included, as KQL lets many keywords be names); hyphenated operator names ({@code mv-expand}),
 * negated operators ({@code !has}, {@code !in~}) and typed literals ({@code datetime(...)}) are
 * single tokens. The parser is recursive descent, split by layer into a chain of package-private
 * classes — {@code ParserBase} (cursor, diagnostics, names), {@code LiteralParser} (literals,
 * dynamic, types), {@code ExpressionParser} (scalar precedence), {@code OperatorParser} and
 * {@code MoreOperatorParser} (tabular operators), {@code QueryParser} (statements, pipes, dispatch,
 * recovery) — so that each stays small while calling the others.
 *
 * <h2>Kusto facts the parser encodes (verified with the official parser)</h2>
 *
 * <ul>
 *   <li>Precedence, loosest first: {@code or}, {@code and}, equality ({@code == != <> in !in in~
 *       !in~ has_any has_all between !between}), relational ({@code < <= > >=}), string operators
 *       ({@code =~ !~ has contains startswith endswith hasprefix hassuffix matches regex like}...,
 *       with {@code _cs} and negated forms), additive, multiplicative, sign, postfix. Equality,
 *       relational and string tiers take one operator each: {@code a == b == c} is an error.
 *       {@code not} is a function, {@code !} alone is not an operator, signs do not nest.
 *   <li>Some keywords cannot be plain names ({@code where}, {@code project}, {@code by}, type names,
 *       string operators...; see {@code ParserBase.RESERVED}); a smaller set may still be declared
 *       before {@code =} ({@code extend where = 1} parses; see {@code ParserBase.DECLARABLE}).
 *   <li>Adjacent string literals concatenate; strings cannot span lines except {@code ```} and
 *       {@code ~~~} ones; a number glued to a non-unit word ({@code 3rdParty}) is an identifier.
 *   <li>Statements are separated by single semicolons; one trailing semicolon is allowed, empty
 *       statements are not.
 *   <li>Only {@code toscalar(...)} and {@code materialize(...)} (the latter only as a let value)
 *       take an unparenthesised pipe argument; other calls need {@code f((T | ...))}. In
 *       {@code in (...)} a pipe must be the only item.
 *   <li>Subqueries of mv-apply, partition and facet must start with an operator
 *       ({@code on (where x | take 1)}); fork branches may start with a table.
 *   <li>{@code *} is a primary in where/search/find predicates ({@code where * has "x"}), not
 *       inside parentheses.
 *   <li>Declared types ({@code name:type}) must be one of {@code LiteralParser.DECLARABLE_TYPES}
 *       ({@code int32} is not); {@code typeof(...)} takes any name. Datatable cells are literals
 *       (optionally signed), {@code dynamic(...)} or {@code typeof(...)} — never expressions.
 *   <li>render {@code with (...)} and parse-kv {@code with (...)} accept only their documented
 *       property names; externaldata accepts any.
 * </ul>
 *
 * <h2>Known gaps</h2>
 *
 * {@code declare pattern} and {@code restrict access} statements are not parsed (reported as
 * errors); scan, graph-*, macro-expand and assert-schema are accepted by a tolerant fallback that
 * skips balanced tokens to the next pipe ({@link dev.kqlhunt.syntax.tree.QueryOperator.ScanOperator},
 * {@link dev.kqlhunt.syntax.tree.QueryOperator.GenericOperator}), so malformed ones may pass.
 */
package dev.kqlhunt.syntax;
