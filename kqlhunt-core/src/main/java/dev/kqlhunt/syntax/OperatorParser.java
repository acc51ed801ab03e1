package dev.kqlhunt.syntax;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.syntax.tree.Clause;
import dev.kqlhunt.syntax.tree.Clause.OperatorParameter;
import dev.kqlhunt.syntax.tree.Expression;
import dev.kqlhunt.syntax.tree.Name;
import dev.kqlhunt.syntax.tree.NullsOrder;
import dev.kqlhunt.syntax.tree.QueryOperator;
import dev.kqlhunt.syntax.tree.SortDirection;
import dev.kqlhunt.syntax.tree.TypeExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The everyday tabular operators (where, extend, project*, summarize, sort, top, take, distinct, join,
 * lookup, union, as, count, getschema, render, evaluate, invoke, serialize, sample...) and the helpers
 * they share: operator parameters, ordered expressions, wildcard names. Each {@code parseX} method is
 * entered with the cursor on the operator's keyword.
 */
abstract class OperatorParser extends ExpressionParser {
  static final Set<String> JOIN_PARAMETERS = Set.of("kind", "withsource", "isfuzzy");
  static final Set<String> NO_PARAMETERS = Set.of();

  OperatorParser(String text, List<Token> tokens, List<Diagnostic> diagnostics) {
    super(text, tokens, diagnostics);
  }

  // ---- shared helpers -------------------------------------------------------------------------

  /**
   * {@code name=value} options before an operator's body: names in {@code allowed}, or any
   * {@code hint.*} name. Stops at the first token that does not start such a parameter.
   */
  final List<OperatorParameter> parseParameters(Set<String> allowed) {
    List<OperatorParameter> parameters = new ArrayList<>();
    while (peek().kind() == TokenKind.IDENTIFIER) {
      Token t = peek();
      boolean hint = t.text().equals("hint") && peek(1).kind() == TokenKind.DOT
          && peek(2).kind() == TokenKind.IDENTIFIER && peek(3).kind() == TokenKind.EQUAL;
      boolean named = allowed.contains(t.text()) && peek(1).kind() == TokenKind.EQUAL;
      if (!hint && !named) break;
      Name name;
      if (hint) {
        advance();
        advance();
        Token last = advance();
        name = new Name.IdentifierName(dev.kqlhunt.text.TextSpan.of(t.start(), last.end()), "hint." + last.text());
      } else {
        name = new Name.IdentifierName(advance().span(), t.text());
      }
      advance();
      Expression value = parseParameterValue();
      parameters.add(new OperatorParameter(spanFrom(t.start()), name, value));
    }
    return parameters;
  }

  /** A parameter value: a literal, a signed number, or a bare word such as {@code inner}. */
  final Expression parseParameterValue() {
    if (atLiteral()) return parseLiteral();
    if ((at(TokenKind.MINUS) || at(TokenKind.PLUS)) && peek(1).kind() != TokenKind.IDENTIFIER) {
      int start = peek().start();
      Token sign = advance();
      Expression operand = atLiteral() ? parseLiteral() : missingExpression();
      return new Expression.UnaryExpression(spanFrom(start),
          sign.kind() == TokenKind.MINUS ? dev.kqlhunt.syntax.tree.UnaryOperator.MINUS
              : dev.kqlhunt.syntax.tree.UnaryOperator.PLUS, operand);
    }
    if (peek().kind() == TokenKind.IDENTIFIER) {
      Token t = advance();
      return new Expression.NameReference(t.span(), new Name.IdentifierName(t.span(), t.text()));
    }
    return missingExpression();
  }

  /** {@code expr [asc|desc] [nulls first|last]}. */
  final Expression parseOrderedExpression() {
    return parseOrderedExpression(false);
  }

  /** As {@link #parseOrderedExpression()}, optionally allowing {@code name = expr} (top-nested). */
  final Expression parseOrderedExpression(boolean named) {
    int start = peek().start();
    Expression expression = named ? parseNamedExpression() : parseExpression();
    SortDirection direction = SortDirection.UNSPECIFIED;
    if (acceptWord("asc")) {
      direction = SortDirection.ASC;
    } else if (acceptWord("desc")) {
      direction = SortDirection.DESC;
    }
    NullsOrder nulls = NullsOrder.UNSPECIFIED;
    if (acceptWord("nulls")) {
      if (acceptWord("first")) {
        nulls = NullsOrder.FIRST;
      } else if (expectWord("last")) {
        nulls = NullsOrder.LAST;
      }
    }
    if (direction == SortDirection.UNSPECIFIED && nulls == NullsOrder.UNSPECIFIED) return expression;
    return new Expression.OrderedExpression(spanFrom(start), expression, direction, nulls);
  }

  final List<Expression> parseOrderedList() {
    List<Expression> items = new ArrayList<>();
    do {
      items.add(parseOrderedExpression());
    } while (accept(TokenKind.COMMA));
    return items;
  }

  /** A column name that may contain {@code *} wildcards ({@code Initiating*}, {@code *Id}). */
  final Expression parseColumnPattern() {
    int start = peek().start();
    // true/false are literals, not column names (null, oddly, is accepted by Kusto)
    if ((!atName() && !at(TokenKind.STAR)) || atWord("true") || atWord("false")) return missingExpression();
    StringBuilder pattern = new StringBuilder();
    boolean wildcard = false;
    boolean bracketed = atBracketedName();
    while (true) {
      if (at(TokenKind.STAR)) {
        advance();
        pattern.append('*');
        wildcard = true;
      } else if (atName() || (pattern.length() > 0
          && (peek().kind() == TokenKind.IDENTIFIER || peek().kind() == TokenKind.LONG))) {
        pattern.append(atBracketedName() ? parseName().text() : advance().text());
      } else {
        break;
      }
      Token next = peek();
      boolean continues = next.kind() == TokenKind.STAR
          || (pattern.charAt(pattern.length() - 1) == '*'
              && (next.kind() == TokenKind.IDENTIFIER || next.kind() == TokenKind.LONG));
      if (next.gapBefore() || !continues) break;
    }
    Name name = wildcard ? new Name.WildcardName(spanFrom(start), pattern.toString())
        : bracketed ? new Name.BracketedName(spanFrom(start), pattern.toString())
        : new Name.IdentifierName(spanFrom(start), pattern.toString());
    return new Expression.NameReference(spanFrom(start), name);
  }

  final List<Expression> parseColumnPatternList(boolean ordered) {
    List<Expression> items = new ArrayList<>();
    if (atListEnd()) return items;
    do {
      int start = peek().start();
      Expression item = parseColumnPattern();
      if (ordered) item = orderedSuffix(start, item);
      items.add(item);
    } while (accept(TokenKind.COMMA));
    return items;
  }

  private Expression orderedSuffix(int start, Expression item) {
    SortDirection direction = SortDirection.UNSPECIFIED;
    if (acceptWord("asc") || acceptWord("granny-asc")) direction = SortDirection.ASC;
    else if (acceptWord("desc") || acceptWord("granny-desc")) direction = SortDirection.DESC;
    if (direction == SortDirection.UNSPECIFIED) return item;
    return new Expression.OrderedExpression(spanFrom(start), item, direction, NullsOrder.UNSPECIFIED);
  }

  /** Properties of {@code render ... with (...)}; the official parser knows no others. */
  static final Set<String> RENDER_PROPERTIES = Set.of(
      "accumulate", "kind", "legend", "ymin", "ymax", "xmin", "xmax", "title", "xaxis", "xcolumn", "xtitle",
      "yaxis", "ysplit", "ytitle", "series", "ycolumns", "anomalycolumns");

  /** Render properties whose value is a list of column names: {@code ycolumns=a, b}. */
  static final Set<String> RENDER_NAME_LISTS = Set.of("series", "ycolumns", "anomalycolumns");

  /** {@code with (name = value, ...)} with any property names, as externaldata takes them. */
  final List<OperatorParameter> parsePropertyList() {
    return parsePropertyList(null);
  }

  /**
   * {@code with (name = value, ...)}; when {@code allowed} is not null only those names are accepted.
   * A name-list property ({@code ycolumns=a, b}) yields one parameter per name.
   */
  final List<OperatorParameter> parsePropertyList(Set<String> allowed) {
    List<OperatorParameter> properties = new ArrayList<>();
    if (!expect(TokenKind.OPEN_PAREN, "'('")) return properties;
    if (!at(TokenKind.CLOSE_PAREN)) {
      do {
        if (allowed != null && !(peek().kind() == TokenKind.IDENTIFIER && allowed.contains(peek().text()))) {
          expected("')'");
          break;
        }
        int start = peek().start();
        Name name = parsePropertyName();
        expect(TokenKind.EQUAL, "'='");
        if (RENDER_NAME_LISTS.contains(name.text()) && allowed == RENDER_PROPERTIES) {
          parseNameListProperty(properties, start, name);
          continue;
        }
        Expression value = atLiteral() || at(TokenKind.MINUS) || peek().kind() == TokenKind.IDENTIFIER
            && peek(1).kind() != TokenKind.OPEN_PAREN ? parseParameterValue() : parseExpression();
        properties.add(new OperatorParameter(spanFrom(start), name, value));
      } while (accept(TokenKind.COMMA));
    }
    expect(TokenKind.CLOSE_PAREN, "')'");
    return properties;
  }

  /** {@code ycolumns=a, b, c}: names up to the next {@code name=} or the end of the list. */
  private void parseNameListProperty(List<OperatorParameter> properties, int start, Name name) {
    while (true) {
      Name column = parseName();
      properties.add(new OperatorParameter(spanFrom(start), name, new Expression.NameReference(column.span(), column)));
      if (!(at(TokenKind.COMMA) && peek(2).kind() != TokenKind.EQUAL && peek(1).kind() == TokenKind.IDENTIFIER)) return;
      advance();
    }
  }

  private Name parsePropertyName() {
    if (peek().kind() == TokenKind.IDENTIFIER && peek().text().charAt(0) != '!') {
      Token t = advance();
      return new Name.IdentifierName(t.span(), t.text());
    }
    return parseName();
  }

  /** A table operand: {@code (subquery)} or a postfix expression ({@code T}, {@code f()}, {@code db.T}). */
  final Expression parseTableOperand() {
    // a parenthesised operand is a primary of the postfix grammar, so one path serves both forms
    return parsePostfix();
  }

  // ---- operators ----------------------------------------------------------------------------

  final QueryOperator parseWhere() {
    Token keyword = advance();
    List<OperatorParameter> parameters = parseParameters(NO_PARAMETERS);
    // The official parser accepts "where A = 1" (a named expression) and fails it in binding.
    Expression predicate = parsePredicateAllowingStar(true);
    return new QueryOperator.WhereOperator(spanFrom(keyword.start()), keyword.text(), parameters, predicate);
  }

  final QueryOperator parseExtend() {
    int start = advance().start();
    List<Expression> items = parseNamedExpressionList(false);
    return new QueryOperator.ExtendOperator(spanFrom(start), items);
  }

  final QueryOperator parseProject() {
    int start = advance().start();
    List<Expression> items = parseNamedExpressionList(true);
    return new QueryOperator.ProjectOperator(spanFrom(start), items);
  }

  final QueryOperator parseProjectAway() {
    int start = advance().start();
    List<Expression> columns = parseColumnPatternList(false);
    return new QueryOperator.ProjectAwayOperator(spanFrom(start), columns);
  }

  final QueryOperator parseProjectKeep() {
    int start = advance().start();
    List<Expression> columns = parseColumnPatternList(false);
    return new QueryOperator.ProjectKeepOperator(spanFrom(start), columns);
  }

  final QueryOperator parseProjectRename() {
    int start = advance().start();
    // Syntactically any named expression; the binder insists on "new = old" names.
    List<Expression> renames = parseNamedExpressionList(false);
    return new QueryOperator.ProjectRenameOperator(spanFrom(start), renames);
  }

  final QueryOperator parseProjectReorder() {
    int start = advance().start();
    List<Expression> columns = parseColumnPatternList(true);
    return new QueryOperator.ProjectReorderOperator(spanFrom(start), columns);
  }

  final QueryOperator parseSummarize() {
    int start = advance().start();
    List<OperatorParameter> parameters = parseParameters(NO_PARAMETERS);
    List<Expression> aggregates = atWord("by") ? List.of() : parseNamedExpressionList(true);
    List<Expression> by = new ArrayList<>();
    if (acceptWord("by")) by = parseNamedExpressionList(false);
    return new QueryOperator.SummarizeOperator(spanFrom(start), parameters, aggregates, by);
  }

  final QueryOperator parseSort() {
    Token keyword = advance();
    List<OperatorParameter> parameters = parseParameters(NO_PARAMETERS);
    expectWord("by");
    List<Expression> orderings = parseOrderedList();
    return new QueryOperator.SortOperator(spanFrom(keyword.start()), keyword.text(), parameters, orderings);
  }

  final QueryOperator parseTake() {
    Token keyword = advance();
    List<OperatorParameter> parameters = parseParameters(NO_PARAMETERS);
    Expression count = parseExpression();
    return new QueryOperator.TakeOperator(spanFrom(keyword.start()), keyword.text(), parameters, count);
  }

  final QueryOperator parseTop() {
    int start = advance().start();
    List<OperatorParameter> parameters = parseParameters(NO_PARAMETERS);
    Expression count = parseExpression();
    expectWord("by");
    Expression by = parseOrderedExpression();
    return new QueryOperator.TopOperator(spanFrom(start), parameters, count, by);
  }

  final QueryOperator parseDistinct() {
    int start = advance().start();
    List<OperatorParameter> parameters = parseParameters(NO_PARAMETERS);
    List<Expression> columns;
    if (at(TokenKind.STAR)) {
      columns = List.of(new Expression.StarExpression(advance().span()));
    } else {
      columns = parseNamedExpressionList(false);
    }
    return new QueryOperator.DistinctOperator(spanFrom(start), parameters, columns);
  }

  final QueryOperator parseJoinOrLookup(boolean lookup) {
    int start = advance().start();
    List<OperatorParameter> parameters = parseParameters(JOIN_PARAMETERS);
    Expression right = parseTableOperand();
    Clause.JoinCondition condition = null;
    int conditionStart = peek().start();
    if (acceptWord("on")) {
      List<Expression> on = new ArrayList<>();
      do {
        on.add(parseExpression());
      } while (accept(TokenKind.COMMA));
      condition = new Clause.JoinCondition(spanFrom(conditionStart), Clause.JoinCondition.Kind.ON, on);
    } else if (!lookup && acceptWord("where")) {
      Expression predicate = parseExpression();
      condition = new Clause.JoinCondition(spanFrom(conditionStart), Clause.JoinCondition.Kind.WHERE,
          List.of(predicate));
    } else if (lookup) {
      expectWord("on");
    }
    return lookup
        ? new QueryOperator.LookupOperator(spanFrom(start), parameters, right, condition)
        : new QueryOperator.JoinOperator(spanFrom(start), parameters, right, condition);
  }

  final QueryOperator parseUnion() {
    int start = advance().start();
    List<OperatorParameter> parameters = parseParameters(JOIN_PARAMETERS);
    List<Expression> tables = new ArrayList<>();
    do {
      tables.add(parseUnionOperand());
    } while (accept(TokenKind.COMMA));
    return new QueryOperator.UnionOperator(spanFrom(start), parameters, tables);
  }

  private Expression parseUnionOperand() {
    if (atLiteral()) return missingExpression();
    if (atName() || at(TokenKind.STAR)) {
      Token after = peek(atBracketedName() ? bracketedNameLength(0) : 1);
      boolean pattern = at(TokenKind.STAR) || (after.kind() == TokenKind.STAR && !after.gapBefore());
      if (pattern) return parseColumnPattern();
    }
    return parseTableOperand();
  }

  final QueryOperator parseAs() {
    int start = advance().start();
    List<OperatorParameter> parameters = parseParameters(NO_PARAMETERS);
    Name name = parseName();
    return new QueryOperator.AsOperator(spanFrom(start), parameters, name);
  }

  final QueryOperator parseRender() {
    int start = advance().start();
    Name chart = peek().kind() == TokenKind.IDENTIFIER ? identifierName(advance()) : missingName();
    List<OperatorParameter> properties = new ArrayList<>();
    if (acceptWord("with")) {
      properties.addAll(parsePropertyList(RENDER_PROPERTIES));
    } else {
      // the legacy form without "with": render barchart kind=stacked title="x"
      while (peek().kind() == TokenKind.IDENTIFIER && peek(1).kind() == TokenKind.EQUAL) {
        int start2 = peek().start();
        Name name = identifierName(advance());
        advance();
        properties.add(new OperatorParameter(spanFrom(start2), name, parseParameterValue()));
      }
    }
    return new QueryOperator.RenderOperator(spanFrom(start), chart, properties);
  }

  final Name identifierName(Token t) {
    return new Name.IdentifierName(t.span(), t.text());
  }

  final QueryOperator parseEvaluate() {
    int start = advance().start();
    List<OperatorParameter> parameters = parseParameters(NO_PARAMETERS);
    Expression plugin = peek().kind() == TokenKind.IDENTIFIER && peek(1).kind() == TokenKind.OPEN_PAREN
        ? parseFunctionCall() : missingExpression();
    TypeExpression.SchemaType outputSchema = null;
    if (accept(TokenKind.COLON)) {
      // evaluate plugin(...) : (schema) declares the plugin's output schema
      if (at(TokenKind.OPEN_PAREN)) {
        outputSchema = parseSchemaType(true);
      } else {
        expected("'('");
      }
    }
    return new QueryOperator.EvaluateOperator(spanFrom(start), parameters, plugin, outputSchema);
  }

  final QueryOperator parseInvoke() {
    int start = advance().start();
    Expression function = parsePostfix();
    if (!(function instanceof Expression.FunctionCall || function instanceof Expression.PathCall)) {
      expected("'('");
    }
    return new QueryOperator.InvokeOperator(spanFrom(start), function);
  }

  final QueryOperator parseSerialize() {
    int start = advance().start();
    List<Expression> expressions = parseNamedExpressionList(true);
    return new QueryOperator.SerializeOperator(spanFrom(start), expressions);
  }

  final QueryOperator parseSample() {
    int start = advance().start();
    List<OperatorParameter> parameters = parseParameters(NO_PARAMETERS);
    Expression count = parseExpression();
    return new QueryOperator.SampleOperator(spanFrom(start), parameters, count);
  }

  final QueryOperator parseSampleDistinct() {
    int start = advance().start();
    List<OperatorParameter> parameters = parseParameters(NO_PARAMETERS);
    Expression count = parseExpression();
    expectWord("of");
    Expression of = parseExpression();
    return new QueryOperator.SampleDistinctOperator(spanFrom(start), parameters, count, of);
  }

  final QueryOperator parseCount() {
    int start = advance().start();
    return new QueryOperator.CountOperator(spanFrom(start));
  }

  final QueryOperator parseGetSchema() {
    int start = advance().start();
    return new QueryOperator.GetSchemaOperator(spanFrom(start));
  }

  final QueryOperator parseConsume() {
    int start = advance().start();
    List<OperatorParameter> parameters = parseParameters(Set.of("decodeblocks"));
    return new QueryOperator.ConsumeOperator(spanFrom(start), parameters);
  }
}
