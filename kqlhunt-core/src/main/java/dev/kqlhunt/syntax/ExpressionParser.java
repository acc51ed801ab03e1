package dev.kqlhunt.syntax;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.syntax.tree.BinaryOperator;
import dev.kqlhunt.syntax.tree.Expression;
import dev.kqlhunt.syntax.tree.Expression.BinaryExpression;
import dev.kqlhunt.syntax.tree.ListOperator;
import dev.kqlhunt.syntax.tree.Name;
import dev.kqlhunt.syntax.tree.UnaryOperator;
import dev.kqlhunt.text.TextSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scalar expressions with Kusto's precedence (see {@link BinaryOperator}): {@code or}, {@code and}
 * chain; the equality, relational and string tiers take at most one operator each; additive and
 * multiplicative chain left-associatively; a sign applies to a postfix expression and does not nest
 * ({@code - - a} is an error in Kusto, {@code 1 - -2} is not).
 */
abstract class ExpressionParser extends LiteralParser {
  private static final Map<String, BinaryOperator> WORD_OPERATORS = wordOperators();
  private static final Map<String, ListOperator> LIST_OPERATORS = listOperators();

  /** Reserved words that are still called like functions. */
  private static final java.util.Set<String> CALLABLE_RESERVED = java.util.Set.of("toscalar");

  /**
   * Set while parsing a where/search/find predicate, where {@code *} is a primary standing for every
   * column ({@code where * has "x"}); parentheses clear it, as in Kusto.
   */
  boolean starPrimary;

  /** Parses a predicate in which {@code *} may stand for all columns. */
  final Expression parsePredicateAllowingStar(boolean named) {
    boolean saved = starPrimary;
    starPrimary = true;
    try {
      return named ? parseNamedExpression() : parseExpression();
    } finally {
      starPrimary = saved;
    }
  }

  /** Set while parsing a make-series axis, where {@code in range(...)} belongs to the operator. */
  boolean stopAtInRange;

  ExpressionParser(String text, List<Token> tokens, List<Diagnostic> diagnostics) {
    super(text, tokens, diagnostics);
  }

  private static Map<String, BinaryOperator> wordOperators() {
    Map<String, BinaryOperator> map = new HashMap<>();
    for (BinaryOperator op : BinaryOperator.values()) {
      if (op.level() == BinaryOperator.Level.STRING && Character.isLetter(op.text().charAt(op.text().length() - 1))) {
        map.put(op.text(), op);
      }
    }
    map.remove("matches regex");
    // older spellings the official parser still accepts
    map.put("containscs", BinaryOperator.CONTAINS_CS);
    map.put("notcontains", BinaryOperator.NOT_CONTAINS);
    map.put("notcontainscs", BinaryOperator.NOT_CONTAINS_CS);
    return Map.copyOf(map);
  }

  private static Map<String, ListOperator> listOperators() {
    Map<String, ListOperator> map = new HashMap<>();
    for (ListOperator op : ListOperator.values()) map.put(op.text(), op);
    return Map.copyOf(map);
  }

  /** A tabular or scalar expression with pipes; implemented by the query layer. */
  abstract Expression parsePipeExpression();

  /** An operator that may appear where an expression starts (datatable, externaldata...), or null. */
  abstract Expression parseExpressionOperator();

  /** A scalar expression (no pipes at this level; pipes are allowed inside parentheses). */
  final Expression parseExpression() {
    if (++depth > MAX_DEPTH) {
      depth--;
      error(SyntaxErrors.TOO_DEEP, new TextSpan(peek().start(), 0));
      return new Expression.MissingExpression(new TextSpan(peek().start(), 0));
    }
    try {
      return parseOr();
    } finally {
      depth--;
    }
  }

  private Expression parseOr() {
    int start = peek().start();
    Expression left = parseAnd();
    while (atWord("or")) {
      advance();
      Expression right = parseAnd();
      left = new BinaryExpression(spanFrom(start), BinaryOperator.OR, left, right);
    }
    return left;
  }

  private Expression parseAnd() {
    int start = peek().start();
    Expression left = parseEquality();
    while (atWord("and")) {
      advance();
      Expression right = parseEquality();
      left = new BinaryExpression(spanFrom(start), BinaryOperator.AND, left, right);
    }
    return left;
  }

  private Expression parseEquality() {
    int start = peek().start();
    Expression left = parseRelational();
    BinaryOperator op = switch (peek().kind()) {
      case EQUAL_EQUAL -> BinaryOperator.EQUAL;
      case BANG_EQUAL -> BinaryOperator.NOT_EQUAL;
      case LESS_GREATER -> BinaryOperator.NOT_EQUAL_ALT;
      default -> null;
    };
    if (op != null) {
      advance();
      Expression right = parseRelational();
      return new BinaryExpression(spanFrom(start), op, left, right);
    }
    if (peek().kind() != TokenKind.IDENTIFIER) return left;
    ListOperator listOp = LIST_OPERATORS.get(peek().text());
    if (listOp == ListOperator.IN && stopAtInRange && peek(1).is("range")) return left;
    if (listOp != null) {
      advance();
      List<Expression> values = parseInList();
      return new Expression.InExpression(spanFrom(start), listOp, left, values);
    }
    if (atWord("between") || atWord("!between")) {
      boolean negated = advance().text().startsWith("!");
      return parseBetween(start, negated, left);
    }
    return left;
  }

  /** The parenthesised list after {@code in}: scalars, or one tabular expression. */
  private List<Expression> parseInList() {
    List<Expression> values = new ArrayList<>();
    if (!expect(TokenKind.OPEN_PAREN, "'('")) {
      values.add(missingExpression());
      return values;
    }
    Expression first = parsePipeExpression();
    values.add(first);
    // a tabular subquery stands alone in the list: in (T | project x)
    if (!(first instanceof Expression.PipeExpression)) {
      while (accept(TokenKind.COMMA)) values.add(parseExpression());
    }
    expect(TokenKind.CLOSE_PAREN, "')'");
    return values;
  }

  private Expression parseBetween(int start, boolean negated, Expression left) {
    expect(TokenKind.OPEN_PAREN, "'('");
    Expression low = parseExpression();
    expect(TokenKind.DOT_DOT, "'..'");
    Expression high = parseExpression();
    expect(TokenKind.CLOSE_PAREN, "')'");
    return new Expression.BetweenExpression(spanFrom(start), negated, left, low, high);
  }

  private Expression parseRelational() {
    int start = peek().start();
    Expression left = parseStringOperation();
    BinaryOperator op = switch (peek().kind()) {
      case LESS -> BinaryOperator.LESS;
      case LESS_EQUAL -> BinaryOperator.LESS_OR_EQUAL;
      case GREATER -> BinaryOperator.GREATER;
      case GREATER_EQUAL -> BinaryOperator.GREATER_OR_EQUAL;
      default -> null;
    };
    if (op == null) return left;
    advance();
    Expression right = parseStringOperation();
    return new BinaryExpression(spanFrom(start), op, left, right);
  }

  private Expression parseStringOperation() {
    int start = peek().start();
    Expression left = parseAdditive();
    BinaryOperator op = stringOperatorAtCursor();
    if (op == null) return left;
    advance();
    if (op == BinaryOperator.MATCHES_REGEX) advance();
    Expression right = parseAdditive();
    return new BinaryExpression(spanFrom(start), op, left, right);
  }

  private BinaryOperator stringOperatorAtCursor() {
    Token t = peek();
    return switch (t.kind()) {
      case EQUAL_TILDE -> BinaryOperator.EQUAL_CI;
      case BANG_TILDE -> BinaryOperator.NOT_EQUAL_CI;
      case IDENTIFIER -> t.text().equals("matches") && peek(1).is("regex")
          ? BinaryOperator.MATCHES_REGEX : WORD_OPERATORS.get(t.text());
      default -> null;
    };
  }

  private Expression parseAdditive() {
    int start = peek().start();
    Expression left = parseMultiplicative();
    while (at(TokenKind.PLUS) || at(TokenKind.MINUS)) {
      BinaryOperator op = advance().kind() == TokenKind.PLUS ? BinaryOperator.ADD : BinaryOperator.SUBTRACT;
      Expression right = parseMultiplicative();
      left = new BinaryExpression(spanFrom(start), op, left, right);
    }
    return left;
  }

  private Expression parseMultiplicative() {
    int start = peek().start();
    Expression left = parseUnary();
    while (true) {
      BinaryOperator op = switch (peek().kind()) {
        case STAR -> BinaryOperator.MULTIPLY;
        case SLASH -> BinaryOperator.DIVIDE;
        case PERCENT -> BinaryOperator.MODULO;
        default -> null;
      };
      if (op == null) return left;
      advance();
      Expression right = parseUnary();
      left = new BinaryExpression(spanFrom(start), op, left, right);
    }
  }

  private Expression parseUnary() {
    if (at(TokenKind.MINUS) || at(TokenKind.PLUS)) {
      Token sign = advance();
      UnaryOperator op = sign.kind() == TokenKind.MINUS ? UnaryOperator.MINUS : UnaryOperator.PLUS;
      Expression operand = parsePostfix();
      return new Expression.UnaryExpression(spanFrom(sign.start()), op, operand);
    }
    return parsePostfix();
  }

  /** A primary followed by any number of {@code .name}, {@code .f(args)} and {@code [index]}. */
  final Expression parsePostfix() {
    int start = peek().start();
    Expression target = parsePrimary();
    while (true) {
      if (at(TokenKind.DOT)) {
        advance();
        target = parseSelector(start, target);
      } else if (at(TokenKind.OPEN_BRACKET)) {
        advance();
        Expression index = parseExpression();
        expect(TokenKind.CLOSE_BRACKET, "']'");
        target = new Expression.ElementExpression(spanFrom(start), target, index);
      } else {
        return target;
      }
    }
  }

  private Expression parseSelector(int start, Expression target) {
    if (at(TokenKind.OPEN_BRACKET) && !atBracketedName()) {
      advance();
      Expression index = parseExpression();
      expect(TokenKind.CLOSE_BRACKET, "']'");
      return new Expression.ElementExpression(spanFrom(start), target, index);
    }
    if (peek().kind() == TokenKind.IDENTIFIER && peek(1).kind() == TokenKind.OPEN_PAREN) {
      Expression.FunctionCall call = parseFunctionCall();
      return new Expression.PathCall(spanFrom(start), target, call);
    }
    Name selector;
    if (peek().kind() == TokenKind.IDENTIFIER && peek().text().charAt(0) != '!') {
      Token t = advance();
      selector = new Name.IdentifierName(t.span(), t.text());
    } else {
      selector = parseName();
    }
    return new Expression.PathExpression(spanFrom(start), target, selector);
  }

  private Expression parsePrimary() {
    Token t = peek();
    switch (t.kind()) {
      case STRING, LONG, REAL, TIMESPAN, TYPED_LITERAL -> {
        return parseLiteral();
      }
      case OPEN_PAREN -> {
        return parseParenthesized();
      }
      case STAR -> {
        if (!starPrimary || peek(1).kind() == TokenKind.STAR) return missingExpression();
        advance();
        return new Expression.StarExpression(t.span());
      }
      case OPEN_BRACKET -> {
        if (!atBracketedName()) return parseComputedName();
        Name name = parseName();
        return new Expression.NameReference(name.span(), name);
      }
      case IDENTIFIER -> {
        return parseWordPrimary(t);
      }
      case AT -> {
        // a lone '@' is accepted by the official parser as an expression; kept as a name for the binder
        advance();
        return new Expression.NameReference(t.span(), new Name.IdentifierName(t.span(), "@"));
      }
      default -> {
        return missingExpression();
      }
    }
  }

  /**
   * {@code [expr]} where a name is expected: the official parser accepts a single bracketed
   * expression; it is kept as a bracketed name whose text is the source inside the brackets.
   */
  private Expression parseComputedName() {
    int start = advance().start();
    int innerStart = peek().start();
    parseExpression();
    int innerEnd = lastEnd();
    expect(TokenKind.CLOSE_BRACKET, "']'");
    Name name = new Name.BracketedName(spanFrom(start), text.substring(innerStart, Math.max(innerStart, innerEnd)));
    return new Expression.NameReference(name.span(), name);
  }

  private Expression parseWordPrimary(Token t) {
    if (atLiteral()) return parseLiteral();
    boolean call = peek(1).kind() == TokenKind.OPEN_PAREN;
    if (call && t.text().equals("dynamic")) return parseDynamic();
    if (call && t.text().equals("typeof")) return parseTypeOf();
    Expression operator = parseExpressionOperator();
    if (operator != null) return operator;
    if (call && (!RESERVED.contains(t.text()) || CALLABLE_RESERVED.contains(t.text()))) return parseFunctionCall();
    if (!atPlainName()) return missingExpression();
    advance();
    return new Expression.NameReference(t.span(), new Name.IdentifierName(t.span(), t.text()));
  }

  private Expression parseParenthesized() {
    int start = advance().start();
    boolean saved = starPrimary;
    starPrimary = false;
    Expression inner = parsePipeExpression();
    starPrimary = saved;
    expect(TokenKind.CLOSE_PAREN, "')'");
    return new Expression.ParenthesizedExpression(spanFrom(start), inner);
  }

  /** {@code name(args)} with the cursor on the name. */
  final Expression.FunctionCall parseFunctionCall() {
    Token nameToken = advance();
    Name name = new Name.IdentifierName(nameToken.span(), nameToken.text());
    // Only these take an unparenthesised tabular argument: toscalar(T | count); others need f((T | x)).
    boolean tabular = nameToken.text().equals("toscalar") || nameToken.text().equals("materialize");
    List<Expression> arguments = parseArguments(tabular);
    return new Expression.FunctionCall(spanFrom(nameToken.start()), name, arguments);
  }

  /**
   * {@code ( [arg, ...] )}: arguments may be named ({@code x=1}) or {@code *}; with {@code tabular} an
   * argument may also be a pipe expression.
   */
  final List<Expression> parseArguments(boolean tabular) {
    List<Expression> arguments = new ArrayList<>();
    expect(TokenKind.OPEN_PAREN, "'('");
    if (!at(TokenKind.CLOSE_PAREN)) {
      do {
        arguments.add(parseArgument(tabular));
      } while (accept(TokenKind.COMMA));
    }
    expect(TokenKind.CLOSE_PAREN, "')'");
    return arguments;
  }

  private Expression parseArgument(boolean tabular) {
    if (at(TokenKind.STAR) && (peek(1).kind() == TokenKind.COMMA || peek(1).kind() == TokenKind.CLOSE_PAREN)) {
      return new Expression.StarExpression(advance().span());
    }
    if (atPlainName() && peek(1).kind() == TokenKind.EQUAL) {
      int start = peek().start();
      Name name = parseName();
      advance();
      Expression value = parseExpression();
      return new Expression.NamedArgument(spanFrom(start), name, value);
    }
    return tabular ? parsePipeExpression() : parseExpression();
  }

  /**
   * {@code name = expr}, {@code (a, b) = expr} or a plain expression, as items of extend, project,
   * summarize, print and others.
   */
  final Expression parseNamedExpression() {
    int start = peek().start();
    int nameTokens = atDeclarableName() ? 1 : bracketedNameLength(0);
    if (nameTokens > 0 && peek(nameTokens).kind() == TokenKind.EQUAL) {
      Name name = parseName();
      advance();
      Expression value = parseExpression();
      return new Expression.SimpleNamedExpression(spanFrom(start), name, value);
    }
    if (at(TokenKind.OPEN_PAREN) && atCompoundNames()) {
      advance();
      List<Name> names = new ArrayList<>();
      do {
        names.add(parseName());
      } while (accept(TokenKind.COMMA));
      expect(TokenKind.CLOSE_PAREN, "')'");
      advance();
      Expression value = parseExpression();
      return new Expression.CompoundNamedExpression(spanFrom(start), names, value);
    }
    return parseExpression();
  }

  /** Looks ahead over {@code ( name, name ) =} without consuming. */
  private boolean atCompoundNames() {
    int i = 1;
    while (true) {
      Token t = peek(i);
      if (t.kind() == TokenKind.IDENTIFIER) {
        i++;
      } else if (bracketedNameLength(i) > 0) {
        i += bracketedNameLength(i);
      } else {
        return false;
      }
      if (peek(i).kind() == TokenKind.COMMA) {
        i++;
      } else {
        return peek(i).kind() == TokenKind.CLOSE_PAREN && peek(i + 1).kind() == TokenKind.EQUAL;
      }
    }
  }

  /** A comma-separated list of named expressions; empty when {@code allowEmpty} and none follows. */
  final List<Expression> parseNamedExpressionList(boolean allowEmpty) {
    List<Expression> items = new ArrayList<>();
    if (allowEmpty && atListEnd()) return items;
    do {
      items.add(parseNamedExpression());
    } while (accept(TokenKind.COMMA));
    return items;
  }

  /** True where an operator's list may end: end of text, a pipe, a statement end, a closer. */
  final boolean atListEnd() {
    return switch (peek().kind()) {
      case END_OF_TEXT, PIPE, SEMICOLON, CLOSE_PAREN, CLOSE_BRACE, CLOSE_BRACKET -> true;
      default -> false;
    };
  }
}
