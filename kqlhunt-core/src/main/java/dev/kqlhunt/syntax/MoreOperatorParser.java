package dev.kqlhunt.syntax;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.syntax.tree.Clause;
import dev.kqlhunt.syntax.tree.Clause.OperatorParameter;
import dev.kqlhunt.syntax.tree.Expression;
import dev.kqlhunt.syntax.tree.Name;
import dev.kqlhunt.syntax.tree.QueryOperator;
import dev.kqlhunt.syntax.tree.SyntaxNode;
import dev.kqlhunt.syntax.tree.TypeExpression;
import dev.kqlhunt.syntax.tree.UnaryOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The less common operators: mv-expand, mv-apply, parse, parse-where, parse-kv, make-series,
 * top-nested, top-hitters, print, range, datatable, externaldata, search, find, fork, facet,
 * partition, reduce, and a tolerant fallback for rarely used ones (scan, graph-*, macro-expand...).
 */
abstract class MoreOperatorParser extends OperatorParser {
  private static final Set<String> PARSE_KV_PROPERTIES = Set.of(
      "pair_delimiter", "kv_delimiter", "quote", "escape", "greedy");

  MoreOperatorParser(String text, List<Token> tokens, List<Diagnostic> diagnostics) {
    super(text, tokens, diagnostics);
  }

  final QueryOperator parseMvExpand() {
    int start = advance().start();
    List<OperatorParameter> parameters = parseParameters(Set.of("bagexpansion", "with_itemindex", "kind"));
    List<Clause.MvExpandItem> items = parseMvItems();
    Expression limit = acceptWord("limit") ? parseExpression() : null;
    return new QueryOperator.MvExpandOperator(spanFrom(start), parameters, items, limit);
  }

  private List<Clause.MvExpandItem> parseMvItems() {
    List<Clause.MvExpandItem> items = new ArrayList<>();
    do {
      int start = peek().start();
      Expression expression = parseNamedExpression();
      Expression.TypeOfLiteral type = null;
      if (acceptWord("to")) {
        if (atWord("typeof")) {
          type = parseTypeOf();
        } else {
          expectWord("typeof");
        }
      }
      items.add(new Clause.MvExpandItem(spanFrom(start), expression, type));
    } while (accept(TokenKind.COMMA));
    return items;
  }

  final QueryOperator parseMvApply() {
    int start = advance().start();
    List<OperatorParameter> parameters = parseParameters(Set.of("with_itemindex", "kind"));
    List<Clause.MvExpandItem> items = parseMvItems();
    Expression rowLimit = acceptWord("limit") ? parseExpression() : null;
    Name contextId = null;
    if (acceptWord("id_column") || acceptWord("context_id")) contextId = parseName();
    expectWord("on");
    Expression subquery = parseSubqueryOperand(true);
    return new QueryOperator.MvApplyOperator(spanFrom(start), parameters, items, rowLimit, contextId, subquery);
  }

  /**
   * {@code ( operators )}: a pipe that starts with an operator working on the outer rows. With
   * {@code requireOperator} (mv-apply, partition, facet) a leading table is an error, as in Kusto;
   * fork branches may also start with an expression.
   */
  final Expression parseSubqueryOperand(boolean requireOperator) {
    int start = peek().start();
    if (!expect(TokenKind.OPEN_PAREN, "'('")) return missingExpression();
    Expression inner = parseOperatorPipe(requireOperator);
    expect(TokenKind.CLOSE_PAREN, "')'");
    return new Expression.ParenthesizedExpression(spanFrom(start), inner);
  }

  /** A pipe whose first element is an operator or an expression: {@code where x | take 5}. */
  abstract Expression parseOperatorPipe(boolean requireOperator);

  final QueryOperator parseParse() {
    Token keyword = advance();
    List<OperatorParameter> parameters = parseParameters(Set.of("kind", "flags"));
    Expression source = parseExpression();
    int patternStart = peek().start();
    expectWord("with");
    List<SyntaxNode> parts = new ArrayList<>();
    while (!atListEnd()) {
      if (at(TokenKind.STAR)) {
        parts.add(new Expression.StarExpression(advance().span()));
      } else if (at(TokenKind.STRING)) {
        parts.add(parseLiteral());
      } else if (atName() || atDeclarableName()) {
        parts.add(parseParseColumn());
      } else {
        break;
      }
    }
    Clause.ParsePattern pattern = new Clause.ParsePattern(spanFrom(patternStart), parts);
    return new QueryOperator.ParseOperator(spanFrom(keyword.start()), keyword.text(), parameters, source, pattern);
  }

  private SyntaxNode parseParseColumn() {
    int start = peek().start();
    // any word may name a parse column, even a keyword such as 'by'
    Name name = atBracketedName() || atPlainName() ? parseName() : identifierName(advance());
    if (!accept(TokenKind.COLON)) return new Expression.NameReference(name.span(), name);
    TypeExpression type = parseScalarType();
    return new Clause.ColumnDeclaration(spanFrom(start), name, type);
  }

  final QueryOperator parseParseKv() {
    int start = advance().start();
    Expression source = parseExpression();
    expectWord("as");
    List<Clause.ColumnDeclaration> schema = parseColumnDeclarations();
    List<OperatorParameter> properties = acceptWord("with") ? parsePropertyList(PARSE_KV_PROPERTIES) : List.of();
    return new QueryOperator.ParseKvOperator(spanFrom(start), source, schema, properties);
  }

  final QueryOperator parseMakeSeries() {
    int start = advance().start();
    List<OperatorParameter> parameters = parseParameters(Set.of("kind"));
    List<Clause.MakeSeriesAggregate> aggregates = new ArrayList<>();
    do {
      int itemStart = peek().start();
      Expression aggregate = parseNamedExpression();
      Expression defaultValue = null;
      if (atWord("default") && peek(1).kind() == TokenKind.EQUAL) {
        advance();
        advance();
        defaultValue = parseExpression();
      }
      aggregates.add(new Clause.MakeSeriesAggregate(spanFrom(itemStart), aggregate, defaultValue));
    } while (accept(TokenKind.COMMA));
    expectWord("on");
    stopAtInRange = true;
    Expression axis = parseExpression();
    stopAtInRange = false;
    Expression from = null;
    Expression to = null;
    Expression step;
    boolean inRange = false;
    if (atWord("in") && peek(1).is("range")) {
      advance();
      advance();
      inRange = true;
      expect(TokenKind.OPEN_PAREN, "'('");
      from = parseExpression();
      expect(TokenKind.COMMA, "','");
      to = parseExpression();
      expect(TokenKind.COMMA, "','");
      step = parseExpression();
      expect(TokenKind.CLOSE_PAREN, "')'");
    } else {
      if (acceptWord("from")) from = parseExpression();
      if (acceptWord("to")) to = parseExpression();
      expectWord("step");
      step = parseExpression();
    }
    List<Expression> by = acceptWord("by") ? parseNamedExpressionList(false) : List.of();
    return new QueryOperator.MakeSeriesOperator(spanFrom(start), parameters, aggregates, axis, from, to, step,
        inRange, by);
  }

  final QueryOperator parseTopNested() {
    int start = peek().start();
    List<Clause.TopNestedClause> clauses = new ArrayList<>();
    do {
      int clauseStart = peek().start();
      expectWord("top-nested");
      Expression count = atWord("of") ? null : parseExpression();
      expectWord("of");
      Expression of = parseNamedExpression();
      Expression others = null;
      if (acceptWord("with")) {
        expectWord("others");
        expect(TokenKind.EQUAL, "'='");
        others = parseExpression();
      }
      expectWord("by");
      Expression by = parseOrderedExpression(true);
      clauses.add(new Clause.TopNestedClause(spanFrom(clauseStart), count, of, others, by));
    } while (accept(TokenKind.COMMA));
    return new QueryOperator.TopNestedOperator(spanFrom(start), clauses);
  }

  final QueryOperator parseTopHitters() {
    int start = advance().start();
    Expression count = parseExpression();
    expectWord("of");
    Expression of = parseExpression();
    Expression by = acceptWord("by") ? parseExpression() : null;
    return new QueryOperator.TopHittersOperator(spanFrom(start), count, of, by);
  }

  final QueryOperator parsePrint() {
    int start = advance().start();
    List<Expression> expressions = parseNamedExpressionList(false);
    return new QueryOperator.PrintOperator(spanFrom(start), expressions);
  }

  final QueryOperator parseRange() {
    int start = advance().start();
    Name column = parseName();
    expectWord("from");
    Expression from = parseExpression();
    expectWord("to");
    Expression to = parseExpression();
    expectWord("step");
    Expression step = parseExpression();
    return new QueryOperator.RangeOperator(spanFrom(start), column, from, to, step);
  }

  final QueryOperator parseDataTable() {
    int start = advance().start();
    List<OperatorParameter> parameters = parseParameters(NO_PARAMETERS);
    List<Clause.ColumnDeclaration> schema = parseColumnDeclarations();
    List<Expression> values = new ArrayList<>();
    if (expect(TokenKind.OPEN_BRACKET, "'['")) {
      accept(TokenKind.COMMA); // the official parser tolerates one leading comma
      if (!at(TokenKind.CLOSE_BRACKET)) {
        do {
          if (at(TokenKind.CLOSE_BRACKET)) break;
          values.add(parseDataTableValue());
        } while (accept(TokenKind.COMMA));
      }
      expect(TokenKind.CLOSE_BRACKET, "']'");
    }
    return new QueryOperator.DataTableOperator(spanFrom(start), parameters, schema, values);
  }

  /** A datatable cell: a literal, optionally signed, or a dynamic or typeof literal — no expressions. */
  private Expression parseDataTableValue() {
    if ((at(TokenKind.MINUS) || at(TokenKind.PLUS))
        && (peek(1).kind() == TokenKind.LONG || peek(1).kind() == TokenKind.REAL || peek(1).kind() == TokenKind.TIMESPAN)) {
      int start = peek().start();
      Token sign = advance();
      Expression operand = parseLiteral();
      return new Expression.UnaryExpression(spanFrom(start),
          sign.kind() == TokenKind.MINUS ? UnaryOperator.MINUS : UnaryOperator.PLUS, operand);
    }
    if (atLiteral()) return parseLiteral();
    if (atWord("dynamic") && peek(1).kind() == TokenKind.OPEN_PAREN) return parseDynamic();
    if (atWord("typeof") && peek(1).kind() == TokenKind.OPEN_PAREN) return parseTypeOf();
    return missingExpression();
  }

  final QueryOperator parseExternalData() {
    int start = advance().start();
    List<OperatorParameter> parameters = parseParameters(Set.of("kind"));
    List<Clause.ColumnDeclaration> schema = parseColumnDeclarations();
    List<Expression> uris = new ArrayList<>();
    if (expect(TokenKind.OPEN_BRACKET, "'['")) {
      if (!at(TokenKind.CLOSE_BRACKET)) {
        do {
          uris.add(parseExpression());
        } while (accept(TokenKind.COMMA));
      }
      expect(TokenKind.CLOSE_BRACKET, "']'");
    }
    List<OperatorParameter> properties = acceptWord("with") ? parsePropertyList() : List.of();
    return new QueryOperator.ExternalDataOperator(spanFrom(start), parameters, schema, uris, properties);
  }

  final QueryOperator parseSearch() {
    int start = advance().start();
    List<OperatorParameter> parameters = parseParameters(Set.of("kind"));
    List<Expression> tables = new ArrayList<>();
    if (atWord("in") && peek(1).kind() == TokenKind.OPEN_PAREN) {
      advance();
      advance();
      do {
        tables.add(parseUnionOperandForSearch());
      } while (accept(TokenKind.COMMA));
      expect(TokenKind.CLOSE_PAREN, "')'");
    }
    Expression predicate = parseSearchPredicate();
    return new QueryOperator.SearchOperator(spanFrom(start), parameters, tables, predicate);
  }

  private Expression parseSearchPredicate() {
    return parsePredicateAllowingStar(false);
  }

  private Expression parseUnionOperandForSearch() {
    if (atName()) {
      Token after = peek(atBracketedName() ? bracketedNameLength(0) : 1);
      if (after.kind() == TokenKind.STAR && !after.gapBefore()) return parseColumnPattern();
    }
    if (at(TokenKind.STAR)) return parseColumnPattern();
    return parseTableOperand();
  }

  final QueryOperator parseFind() {
    int start = advance().start();
    List<OperatorParameter> parameters = parseParameters(Set.of("withsource", "datascope"));
    List<Expression> sources = new ArrayList<>();
    if (acceptWord("in")) {
      expect(TokenKind.OPEN_PAREN, "'('");
      do {
        sources.add(parseUnionOperandForSearch());
      } while (accept(TokenKind.COMMA));
      expect(TokenKind.CLOSE_PAREN, "')'");
    }
    // "find x" may omit where; after an in-clause it is required
    if (sources.isEmpty()) {
      acceptWord("where");
    } else {
      expectWord("where");
    }
    Expression predicate = parseSearchPredicate();
    List<Expression> project = new ArrayList<>();
    if (acceptWord("project-smart")) {
      project.add(new Expression.StarExpression(missingSpan()));
    } else if (acceptWord("project")) {
      project.addAll(parseColumnPatternList(false));
    }
    return new QueryOperator.FindOperator(spanFrom(start), parameters, sources, predicate, project);
  }

  final QueryOperator parseFork() {
    int start = advance().start();
    List<Expression> branches = new ArrayList<>();
    while (at(TokenKind.OPEN_PAREN) || (atName() && peek(1).kind() == TokenKind.EQUAL)) {
      int branchStart = peek().start();
      if (at(TokenKind.OPEN_PAREN)) {
        branches.add(parseSubqueryOperand(false));
      } else {
        Name name = parseName();
        advance();
        Expression branch = parseSubqueryOperand(false);
        branches.add(new Expression.SimpleNamedExpression(spanFrom(branchStart), name, branch));
      }
    }
    if (branches.isEmpty()) expected("'('");
    return new QueryOperator.ForkOperator(spanFrom(start), branches);
  }

  final QueryOperator parseFacet() {
    int start = advance().start();
    expectWord("by");
    List<Expression> columns = new ArrayList<>();
    do {
      columns.add(parseColumnPattern());
    } while (accept(TokenKind.COMMA));
    Expression with = null;
    if (acceptWord("with")) {
      with = at(TokenKind.OPEN_PAREN) ? parseSubqueryOperand(true) : parseOperatorPipe(true);
    }
    return new QueryOperator.FacetOperator(spanFrom(start), columns, with);
  }

  final QueryOperator parsePartition() {
    int start = advance().start();
    List<OperatorParameter> parameters = parseParameters(NO_PARAMETERS);
    expectWord("by");
    Name byName = parseName();
    Expression by = new Expression.NameReference(byName.span(), byName);
    List<OperatorParameter> more = parseParameters(NO_PARAMETERS);
    if (!more.isEmpty()) {
      List<OperatorParameter> all = new ArrayList<>(parameters);
      all.addAll(more);
      parameters = all;
    }
    Expression subquery;
    if (at(TokenKind.OPEN_BRACE)) {
      int braceStart = advance().start();
      Expression inner = parsePipeExpression();
      expect(TokenKind.CLOSE_BRACE, "'}'");
      subquery = new Expression.ParenthesizedExpression(spanFrom(braceStart), inner);
    } else {
      subquery = parseSubqueryOperand(true);
    }
    return new QueryOperator.PartitionOperator(spanFrom(start), parameters, by, subquery);
  }

  final QueryOperator parseReduce() {
    int start = advance().start();
    List<OperatorParameter> parameters = parseParameters(Set.of("kind"));
    expectWord("by");
    Expression by = parseExpression();
    List<OperatorParameter> with = new ArrayList<>();
    if (acceptWord("with")) {
      do {
        int itemStart = peek().start();
        if (!(atWord("threshold") || atWord("characters"))) {
          expected("'threshold' or 'characters'");
          break;
        }
        Name name = parseName();
        expect(TokenKind.EQUAL, "'='");
        Expression value = parseExpression();
        with.add(new OperatorParameter(spanFrom(itemStart), name, value));
      } while (accept(TokenKind.COMMA));
    }
    return new QueryOperator.ReduceOperator(spanFrom(start), parameters, by, with);
  }

  /**
   * {@code scan [with_match_id=m] [order by ...] [partition by ...] [declare (c: t [= d], ...)] with (step s [output=o]: cond [=> c = e, ...]; ...)}:
   * parts are {@link Clause.ScanDeclaration}s then {@link Clause.ScanStep}s.
   */
  final QueryOperator parseScan() {
    int start = advance().start();
    List<OperatorParameter> parameters = new ArrayList<>(parseParameters(Set.of("with_match_id")));
    // order by / partition by, in either order: kept as parameters order_by / partition_by, one per expression.
    while ((atWord("order") || atWord("partition")) && peek(1).text().equals("by")) {
      Token word = advance();
      advance();
      String name = word.text() + "_by";
      do {
        int itemStart = peek().start();
        Expression e = parseOrderedExpression(word.text().equals("order"));
        parameters.add(new OperatorParameter(spanFrom(itemStart), new Name.IdentifierName(word.span(), name), e));
      } while (accept(TokenKind.COMMA));
    }
    List<SyntaxNode> parts = new ArrayList<>();
    if (acceptWord("declare")) {
      expect(TokenKind.OPEN_PAREN, "'('");
      if (!at(TokenKind.CLOSE_PAREN)) {
        do {
          int itemStart = peek().start();
          Clause.ColumnDeclaration column = parseColumnDeclaration();
          Expression value = accept(TokenKind.EQUAL) ? parseExpression() : null;
          parts.add(new Clause.ScanDeclaration(spanFrom(itemStart), column, value));
        } while (accept(TokenKind.COMMA));
      }
      expect(TokenKind.CLOSE_PAREN, "')'");
    }
    expectWord("with");
    expect(TokenKind.OPEN_PAREN, "'('");
    while (atWord("step")) {
      int stepStart = advance().start();
      Name name = parseName();
      Name output = null;
      if (atWord("output") && peek(1).kind() == TokenKind.EQUAL) {
        advance();
        advance();
        output = parseName();
      }
      expect(TokenKind.COLON, "':'");
      Expression condition = parseExpression();
      List<Expression> assignments = new ArrayList<>();
      if (accept(TokenKind.FAT_ARROW)) {
        do {
          assignments.add(parseNamedExpression());
        } while (accept(TokenKind.COMMA));
      }
      parts.add(new Clause.ScanStep(spanFrom(stepStart), name, output, condition, assignments));
      if (!accept(TokenKind.SEMICOLON)) break;
    }
    expect(TokenKind.CLOSE_PAREN, "')'");
    return new QueryOperator.ScanOperator(spanFrom(start), parameters, parts);
  }

  /** {@code project-by-names e1, e2, ...}: a generic operator whose parts are the name expressions. */
  final QueryOperator parseProjectByNames() {
    Token keyword = advance();
    List<SyntaxNode> parts = new ArrayList<>();
    do {
      parts.add(parseExpression());
    } while (accept(TokenKind.COMMA));
    return new QueryOperator.GenericOperator(spanFrom(keyword.start()), keyword.text(), parts);
  }

  /**
   * A tolerant fallback for rarely used operators: skips balanced tokens up to the next {@code |} or
   * {@code ;} at the same depth. Used for scan, graph-*, macro-expand, assert-schema and friends.
   */
  final QueryOperator parseGeneric(boolean scan) {
    Token keyword = advance();
    List<SyntaxNode> parts = new ArrayList<>();
    int nesting = 0;
    while (!atEnd()) {
      TokenKind kind = peek().kind();
      if (nesting == 0 && (kind == TokenKind.PIPE || kind == TokenKind.SEMICOLON || kind == TokenKind.CLOSE_PAREN
          || kind == TokenKind.CLOSE_BRACE || kind == TokenKind.CLOSE_BRACKET)) {
        break;
      }
      if (kind == TokenKind.OPEN_PAREN || kind == TokenKind.OPEN_BRACE || kind == TokenKind.OPEN_BRACKET) nesting++;
      if (kind == TokenKind.CLOSE_PAREN || kind == TokenKind.CLOSE_BRACE || kind == TokenKind.CLOSE_BRACKET) nesting--;
      advance();
    }
    if (scan) return new QueryOperator.ScanOperator(spanFrom(keyword.start()), List.of(), parts);
    return new QueryOperator.GenericOperator(spanFrom(keyword.start()), keyword.text(), parts);
  }
}
