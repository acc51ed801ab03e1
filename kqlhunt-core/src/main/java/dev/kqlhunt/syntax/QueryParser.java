package dev.kqlhunt.syntax;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.syntax.tree.Clause;
import dev.kqlhunt.syntax.tree.Expression;
import dev.kqlhunt.syntax.tree.Name;
import dev.kqlhunt.syntax.tree.QueryBlock;
import dev.kqlhunt.syntax.tree.QueryOperator;
import dev.kqlhunt.syntax.tree.Statement;
import dev.kqlhunt.syntax.tree.TypeExpression;
import dev.kqlhunt.text.TextSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements, pipes and the operator dispatch, plus error recovery: after a broken statement the
 * parser skips to the next {@code ;} at depth 0; after a broken operator, to the next {@code |}.
 */
final class QueryParser extends MoreOperatorParser {
  QueryParser(String text, List<Token> tokens, List<Diagnostic> diagnostics) {
    super(text, tokens, diagnostics);
  }

  QueryBlock parseQueryBlock() {
    List<Statement> statements = parseStatements(false);
    if (!atEnd()) unexpected();
    return new QueryBlock(TextSpan.of(0, text.length()), statements);
  }

  /** Statements separated by {@code ;}; inside a function body it stops at {@code }}. */
  private List<Statement> parseStatements(boolean inBody) {
    List<Statement> statements = new ArrayList<>();
    while (!atEnd() && !(inBody && at(TokenKind.CLOSE_BRACE))) {
      if (at(TokenKind.SEMICOLON)) {
        error(SyntaxErrors.EMPTY_STATEMENT, peek().span());
        advance();
        continue;
      }
      statements.add(parseStatement());
      if (accept(TokenKind.SEMICOLON)) continue;
      if (atEnd() || (inBody && at(TokenKind.CLOSE_BRACE))) break;
      unexpected();
      skipTo(TokenKind.SEMICOLON);
      // skipTo stops at an unbalanced closer; step over it so every round makes progress
      if (!accept(TokenKind.SEMICOLON) && !atEnd() && !(inBody && at(TokenKind.CLOSE_BRACE))) advance();
    }
    return statements;
  }

  private void unexpected() {
    Token t = peek();
    error(SyntaxErrors.UNEXPECTED_TOKEN, t.span(), t.text());
  }

  /** Skips tokens until {@code stop} (or a statement end) at nesting depth 0, or the end. */
  private void skipTo(TokenKind stop) {
    int nesting = 0;
    while (!atEnd()) {
      TokenKind kind = peek().kind();
      if (nesting == 0 && (kind == stop || kind == TokenKind.SEMICOLON)) return;
      if (kind == TokenKind.OPEN_PAREN || kind == TokenKind.OPEN_BRACE || kind == TokenKind.OPEN_BRACKET) {
        nesting++;
      } else if (kind == TokenKind.CLOSE_PAREN || kind == TokenKind.CLOSE_BRACE
          || kind == TokenKind.CLOSE_BRACKET) {
        if (nesting == 0) return;
        nesting--;
      }
      advance();
    }
  }

  private Statement parseStatement() {
    int start = peek().start();
    if (atWord("let") && (atNameAt(1))) return parseLet(start);
    if (atWord("set") && peek(1).kind() == TokenKind.IDENTIFIER) return parseSet(start);
    if (atWord("declare") && peek(1).is("query_parameters")) return parseDeclare(start);
    if (atWord("alias") && peek(1).is("database")) return parseAlias(start);
    if (atWord("declare") && peek(1).is("pattern")) return parseDeclarePattern(start);
    if (atWord("restrict") && peek(1).is("access")) return parseRestrict(start);
    Expression expression = parseStatementExpression();
    return new Statement.QueryStatement(spanFrom(start), expression);
  }

  private boolean atNameAt(int ahead) {
    Token t = peek(ahead);
    return t.kind() == TokenKind.IDENTIFIER || (t.kind() == TokenKind.OPEN_BRACKET
        && peek(ahead + 1).kind() == TokenKind.STRING);
  }

  private Statement parseLet(int start) {
    advance();
    Name name = parseName();
    expect(TokenKind.EQUAL, "'='");
    Expression value = parseLetValue();
    return new Statement.LetStatement(spanFrom(start), name, value);
  }

  private Expression parseLetValue() {
    if (atWord("view") && peek(1).kind() == TokenKind.OPEN_PAREN) {
      int start = advance().start();
      return parseFunctionDeclaration(start, true);
    }
    if (at(TokenKind.OPEN_PAREN) && atLambda()) return parseFunctionDeclaration(peek().start(), false);
    if (atWord("materialize") && peek(1).kind() == TokenKind.OPEN_PAREN) {
      // materialize(...) is only valid as the whole value of a let statement
      return parseFunctionCall();
    }
    return parseStatementExpression();
  }

  /** At {@code (} of a lambda: {@code ()} followed by {@code {}, or {@code (name:}. */
  private boolean atLambda() {
    if (peek(1).kind() == TokenKind.CLOSE_PAREN) return peek(2).kind() == TokenKind.OPEN_BRACE;
    int nameTokens = peek(1).kind() == TokenKind.IDENTIFIER ? 1 : bracketedNameLength(1);
    return nameTokens > 0 && peek(1 + nameTokens).kind() == TokenKind.COLON;
  }

  private Expression parseFunctionDeclaration(int start, boolean view) {
    List<Clause.FunctionParameter> parameters = parseParameterList();
    int bodyStart = peek().start();
    Clause.FunctionBody body;
    if (expect(TokenKind.OPEN_BRACE, "'{'")) {
      body = parseFunctionBody(bodyStart);
    } else {
      body = new Clause.FunctionBody(missingSpan(), List.of(), missingExpression());
    }
    return new Expression.FunctionDeclaration(spanFrom(start), view, parameters, body);
  }

  private Clause.FunctionBody parseFunctionBody(int start) {
    List<Statement> statements = parseStatements(true);
    expect(TokenKind.CLOSE_BRACE, "'}'");
    Expression result;
    if (!statements.isEmpty() && statements.get(statements.size() - 1) instanceof Statement.QueryStatement q) {
      statements = statements.subList(0, statements.size() - 1);
      result = q.expression();
    } else {
      result = new Expression.MissingExpression(new TextSpan(lastEnd(), 0));
    }
    return new Clause.FunctionBody(spanFrom(start), statements, result);
  }

  private List<Clause.FunctionParameter> parseParameterList() {
    List<Clause.FunctionParameter> parameters = new ArrayList<>();
    expect(TokenKind.OPEN_PAREN, "'('");
    if (!at(TokenKind.CLOSE_PAREN)) {
      do {
        parameters.add(parseFunctionParameter());
      } while (accept(TokenKind.COMMA));
    }
    expect(TokenKind.CLOSE_PAREN, "')'");
    return parameters;
  }

  private Clause.FunctionParameter parseFunctionParameter() {
    int start = peek().start();
    Name name = parseName();
    expect(TokenKind.COLON, "':'");
    TypeExpression type = parseType();
    Expression defaultValue = accept(TokenKind.EQUAL) ? parseExpression() : null;
    return new Clause.FunctionParameter(spanFrom(start), name, type, defaultValue);
  }

  private Statement parseSet(int start) {
    advance();
    int nameStart = peek().start();
    StringBuilder dotted = new StringBuilder(advance().text());
    while (at(TokenKind.DOT) && peek(1).kind() == TokenKind.IDENTIFIER) {
      advance();
      dotted.append('.').append(advance().text());
    }
    Name name = new Name.IdentifierName(spanFrom(nameStart), dotted.toString());
    Expression value = null;
    if (accept(TokenKind.EQUAL)) value = parseExpression();
    return new Statement.SetStatement(spanFrom(start), name, value);
  }

  private Statement parseDeclare(int start) {
    advance();
    advance();
    List<Clause.FunctionParameter> parameters = parseParameterList();
    return new Statement.DeclareQueryParametersStatement(spanFrom(start), parameters);
  }

  /** {@code restrict access to (name, ...)}; a name may carry wildcards or a database prefix. */
  private Statement parseRestrict(int start) {
    advance();
    advance();
    expectWord("to");
    List<Expression> entities = new ArrayList<>();
    if (expect(TokenKind.OPEN_PAREN, "'('")) {
      if (!at(TokenKind.CLOSE_PAREN)) {
        do {
          boolean wildcard = at(TokenKind.STAR) || (atName() && peek(1).kind() == TokenKind.STAR && !peek(1).gapBefore());
          entities.add(wildcard ? parseColumnPattern() : parseExpression());
        } while (accept(TokenKind.COMMA));
      }
      expect(TokenKind.CLOSE_PAREN, "')'");
    }
    return new Statement.RestrictAccessStatement(spanFrom(start), entities);
  }

  /**
   * {@code declare pattern name [= (params) [[path:type]] { (args) [.[path]] = { query }; ... }]}. The
   * definitions end with an optional {@code ;} each, as the reference's examples write them.
   */
  private Statement parseDeclarePattern(int start) {
    advance();
    advance();
    Name name = parseName();
    List<Clause.FunctionParameter> parameters = List.of();
    Clause.FunctionParameter path = null;
    List<Clause.PatternDefinition> definitions = new ArrayList<>();
    if (accept(TokenKind.EQUAL)) {
      parameters = parseParameterList();
      if (accept(TokenKind.OPEN_BRACKET)) {
        path = parseFunctionParameter();
        expect(TokenKind.CLOSE_BRACKET, "']'");
      }
      if (expect(TokenKind.OPEN_BRACE, "'{'")) {
        while (at(TokenKind.OPEN_PAREN)) {
          definitions.add(parsePatternDefinition());
          accept(TokenKind.SEMICOLON);
        }
        expect(TokenKind.CLOSE_BRACE, "'}'");
      }
    }
    return new Statement.DeclarePatternStatement(spanFrom(start), name, parameters, path, definitions);
  }

  private Clause.PatternDefinition parsePatternDefinition() {
    int start = peek().start();
    List<Expression> arguments = new ArrayList<>();
    expect(TokenKind.OPEN_PAREN, "'('");
    if (!at(TokenKind.CLOSE_PAREN)) {
      do {
        arguments.add(parseExpression());
      } while (accept(TokenKind.COMMA));
    }
    expect(TokenKind.CLOSE_PAREN, "')'");
    Expression path = null;
    if (at(TokenKind.DOT) && peek(1).kind() == TokenKind.OPEN_BRACKET) {
      advance();
      advance();
      path = parseExpression();
      expect(TokenKind.CLOSE_BRACKET, "']'");
    }
    expect(TokenKind.EQUAL, "'='");
    int bodyStart = peek().start();
    Clause.FunctionBody body = expect(TokenKind.OPEN_BRACE, "'{'")
        ? parseFunctionBody(bodyStart)
        : new Clause.FunctionBody(missingSpan(), List.of(), missingExpression());
    return new Clause.PatternDefinition(spanFrom(start), arguments, path, body);
  }

  private Statement parseAlias(int start) {
    advance();
    advance();
    Name name = parseName();
    expect(TokenKind.EQUAL, "'='");
    Expression value = parseExpression();
    return new Statement.AliasStatement(spanFrom(start), name, value);
  }

  // ---- pipes --------------------------------------------------------------------------------

  /**
   * A statement-level expression. Here, unlike inside parentheses or arguments, the official parser
   * also accepts a pipe without input that starts with a reserved operator ({@code where x | ...});
   * the binder rejects it later.
   */
  private Expression parseStatementExpression() {
    Token t = peek();
    if (t.kind() == TokenKind.IDENTIFIER && RESERVED.contains(t.text()) && OperatorKeywords.isOperator(t.text())) {
      int start = t.start();
      return parsePipes(start, parseQueryOperator());
    }
    return parsePipeExpression();
  }

  @Override
  Expression parsePipeExpression() {
    int start = peek().start();
    Expression input = parseStartingOperator();
    if (input == null) input = parseExpression();
    return parsePipes(start, input);
  }

  @Override
  Expression parseOperatorPipe(boolean requireOperator) {
    int start = peek().start();
    if (requireOperator && !atOperatorKeyword()) {
      error(SyntaxErrors.OPERATOR_EXPECTED, new TextSpan(peek().start(), 0));
    }
    Expression input = atOperatorKeyword() ? parseQueryOperator() : parsePipeExpression();
    return parsePipes(start, input);
  }

  private boolean atOperatorKeyword() {
    return peek().kind() == TokenKind.IDENTIFIER && OperatorKeywords.isOperator(peek().text());
  }

  private Expression parsePipes(int start, Expression input) {
    Expression result = input;
    while (at(TokenKind.PIPE)) {
      advance();
      QueryOperator operator = parseQueryOperator();
      result = new Expression.PipeExpression(spanFrom(start), result, operator);
    }
    return result;
  }

  /** Operators that can open a query without an input table, or null if none is at the cursor. */
  private Expression parseStartingOperator() {
    Token t = peek();
    if (t.kind() != TokenKind.IDENTIFIER) return null;
    return switch (t.text()) {
      case "print" -> parsePrint();
      case "range" -> peek(1).kind() == TokenKind.IDENTIFIER || peek(1).kind() == TokenKind.OPEN_BRACKET
          ? parseRange() : null;
      case "union" -> parseUnion();
      case "search" -> parseSearch();
      case "find" -> parseFind();
      case "evaluate" -> parseEvaluate();
      default -> parseExpressionOperator();
    };
  }

  @Override
  Expression parseExpressionOperator() {
    Token t = peek();
    if (t.kind() != TokenKind.IDENTIFIER) return null;
    return switch (t.text()) {
      case "datatable" -> parseDataTable();
      case "externaldata", "external_data" -> parseExternalData();
      default -> null;
    };
  }

  /** The operator after a {@code |}; on an unknown word, reports and skips to the next pipe. */
  private QueryOperator parseQueryOperator() {
    Token t = peek();
    int start = t.start();
    QueryOperator operator = t.kind() == TokenKind.IDENTIFIER ? dispatch(t.text()) : null;
    if (operator != null) return operator;
    error(SyntaxErrors.OPERATOR_EXPECTED, new TextSpan(start, t.length()));
    skipTo(TokenKind.PIPE);
    return new QueryOperator.GenericOperator(spanFrom(start), "", List.of());
  }

  private QueryOperator dispatch(String word) {
    return switch (word) {
      case "where", "filter" -> parseWhere();
      case "extend" -> parseExtend();
      case "project" -> parseProject();
      case "project-away" -> parseProjectAway();
      case "project-keep" -> parseProjectKeep();
      case "project-rename" -> parseProjectRename();
      case "project-reorder" -> parseProjectReorder();
      case "summarize" -> parseSummarize();
      case "sort", "order" -> parseSort();
      case "take", "limit" -> parseTake();
      case "top" -> parseTop();
      case "distinct" -> parseDistinct();
      case "join" -> parseJoinOrLookup(false);
      case "lookup" -> parseJoinOrLookup(true);
      case "union" -> parseUnion();
      case "as" -> parseAs();
      case "render" -> parseRender();
      case "evaluate" -> parseEvaluate();
      case "invoke" -> parseInvoke();
      case "serialize" -> parseSerialize();
      case "sample" -> parseSample();
      case "sample-distinct" -> parseSampleDistinct();
      case "count" -> parseCount();
      case "getschema" -> parseGetSchema();
      case "consume" -> parseConsume();
      default -> dispatchMore(word);
    };
  }

  private QueryOperator dispatchMore(String word) {
    return switch (word) {
      case "mv-expand", "mvexpand" -> parseMvExpand();
      case "mv-apply", "mvapply" -> parseMvApply();
      case "parse", "parse-where" -> parseParse();
      case "parse-kv" -> parseParseKv();
      case "make-series" -> parseMakeSeries();
      case "top-nested" -> parseTopNested();
      case "top-hitters" -> parseTopHitters();
      case "print" -> parsePrint();
      case "range" -> parseRange();
      case "search" -> parseSearch();
      case "find" -> parseFind();
      case "fork" -> parseFork();
      case "facet" -> parseFacet();
      case "partition" -> parsePartition();
      case "reduce" -> parseReduce();
      case "scan" -> parseScan();
      case "project-by-names" -> parseProjectByNames();
      default -> OperatorKeywords.isGeneric(word) ? parseGeneric(false) : null;
    };
  }
}
