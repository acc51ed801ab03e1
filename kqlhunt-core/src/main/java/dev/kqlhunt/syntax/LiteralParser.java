package dev.kqlhunt.syntax;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.syntax.tree.Clause;
import dev.kqlhunt.syntax.tree.Expression;
import dev.kqlhunt.syntax.tree.Expression.Literal;
import dev.kqlhunt.syntax.tree.LiteralKind;
import dev.kqlhunt.syntax.tree.Name;
import dev.kqlhunt.syntax.tree.TypeExpression;
import dev.kqlhunt.text.TextSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Literals, {@code dynamic(...)}, {@code typeof(...)} and type expressions. Decoding of typed literal
 * insides lives in {@link LiteralDecoder}.
 */
abstract class LiteralParser extends ParserBase {
  LiteralParser(String text, List<Token> tokens, List<Diagnostic> diagnostics) {
    super(text, tokens, diagnostics);
  }

  /** True when the current token starts a scalar literal. */
  final boolean atLiteral() {
    Token t = peek();
    return switch (t.kind()) {
      case STRING, LONG, REAL, TIMESPAN, TYPED_LITERAL -> true;
      case IDENTIFIER -> t.text().equals("true") || t.text().equals("false") || t.text().equals("null");
      default -> false;
    };
  }

  /** Parses the literal at the cursor; callers check {@link #atLiteral()} first. */
  final Literal parseLiteral() {
    Token t = peek();
    return switch (t.kind()) {
      case STRING -> parseStringLiteral();
      case LONG -> simple(LiteralKind.LONG);
      case REAL -> simple(LiteralKind.REAL);
      case TIMESPAN -> simple(LiteralKind.TIMESPAN);
      case TYPED_LITERAL -> parseTypedLiteral();
      default -> parseWordLiteral();
    };
  }

  private Literal simple(LiteralKind kind) {
    Token t = advance();
    return new Literal(t.span(), kind, t.text(), t.value());
  }

  /** Adjacent string literals are one literal in KQL: {@code "a" 'b'} is {@code "ab"}. */
  private Literal parseStringLiteral() {
    Token first = advance();
    if (!at(TokenKind.STRING)) return new Literal(first.span(), LiteralKind.STRING, first.text(), first.value());
    StringBuilder value = new StringBuilder((String) first.value());
    while (at(TokenKind.STRING)) value.append((String) advance().value());
    TextSpan span = spanFrom(first.start());
    return new Literal(span, LiteralKind.STRING, text.substring(span.start(), span.end()), value.toString());
  }

  private Literal parseWordLiteral() {
    Token t = advance();
    return switch (t.text()) {
      case "true" -> new Literal(t.span(), LiteralKind.BOOL, t.text(), Boolean.TRUE);
      case "false" -> new Literal(t.span(), LiteralKind.BOOL, t.text(), Boolean.FALSE);
      default -> new Literal(t.span(), LiteralKind.NULL, t.text(), null);
    };
  }

  private Literal parseTypedLiteral() {
    Token t = advance();
    String word = t.text().substring(0, t.text().indexOf('('));
    String inside = ((String) t.value()).strip();
    LiteralKind kind = LiteralDecoder.kindOf(word);
    Object value = LiteralDecoder.decode(kind, inside);
    if (value == LiteralDecoder.INVALID) {
      // The official parser accepts any inside here (long(x) parses); keep the value undecoded and let
      // the binder report it, as Kusto does.
      value = null;
    }
    return new Literal(t.span(), kind, t.text(), value);
  }

  // ---- dynamic ------------------------------------------------------------------------------

  /** {@code dynamic( json )} with the cursor on {@code dynamic}. */
  final Expression parseDynamic() {
    int start = advance().start();
    expect(TokenKind.OPEN_PAREN, "'('");
    Expression value = parseJsonValue();
    expect(TokenKind.CLOSE_PAREN, "')'");
    return new Expression.DynamicLiteral(spanFrom(start), value);
  }

  private Expression parseJsonValue() {
    if (++depth > MAX_DEPTH) {
      depth--;
      error(SyntaxErrors.TOO_DEEP, peek().span());
      return new Expression.MissingExpression(missingSpan());
    }
    try {
      return parseJsonValueUnguarded();
    } finally {
      depth--;
    }
  }

  private Expression parseJsonValueUnguarded() {
    if (at(TokenKind.OPEN_BRACKET)) return parseJsonArray();
    if (at(TokenKind.OPEN_BRACE)) return parseJsonObject();
    if (at(TokenKind.MINUS) && (peek(1).kind() == TokenKind.LONG || peek(1).kind() == TokenKind.REAL)) {
      int start = advance().start();
      Literal n = parseLiteral();
      TextSpan span = spanFrom(start);
      return new Literal(span, n.kind(), text.substring(span.start(), span.end()), negate(n.value(), true));
    }
    if (atWord("dynamic") && peek(1).kind() == TokenKind.OPEN_PAREN) return parseDynamic();
    // Kusto's JSON values exclude int(...) literals (long(...) and the others are fine).
    boolean intLiteral = at(TokenKind.TYPED_LITERAL) && peek().text().startsWith("int");
    if (atLiteral() && !intLiteral) return parseLiteral();
    error(SyntaxErrors.INVALID_JSON, new TextSpan(peek().start(), 0), "missing json value");
    return new Expression.MissingExpression(new TextSpan(peek().start(), 0));
  }

  /** The value of a negated number literal. */
  private static Object negate(Object value, boolean negative) {
    if (!negative || value == null) return value;
    if (value instanceof Long l) return -l;
    if (value instanceof Double d) return -d;
    return value;
  }

  private Expression parseJsonArray() {
    int start = advance().start();
    List<Expression> elements = new ArrayList<>();
    if (!at(TokenKind.CLOSE_BRACKET)) {
      do {
        elements.add(parseJsonValue());
      } while (accept(TokenKind.COMMA));
    }
    expect(TokenKind.CLOSE_BRACKET, "']'");
    return new Expression.JsonArray(spanFrom(start), elements);
  }

  private Expression parseJsonObject() {
    int start = advance().start();
    List<Clause.JsonProperty> properties = new ArrayList<>();
    if (!at(TokenKind.CLOSE_BRACE)) {
      do {
        int propertyStart = peek().start();
        String key = "";
        if (at(TokenKind.STRING)) {
          key = (String) advance().value();
        } else {
          expected("'}'");
        }
        expect(TokenKind.COLON, "':'");
        Expression value = parseJsonValue();
        properties.add(new Clause.JsonProperty(spanFrom(propertyStart), key, value));
      } while (accept(TokenKind.COMMA));
    }
    expect(TokenKind.CLOSE_BRACE, "'}'");
    return new Expression.JsonObject(spanFrom(start), properties);
  }

  // ---- types --------------------------------------------------------------------------------

  /** {@code typeof(type, ...)} with the cursor on {@code typeof}. */
  final Expression.TypeOfLiteral parseTypeOf() {
    int start = advance().start();
    expect(TokenKind.OPEN_PAREN, "'('");
    List<TypeExpression> types = new ArrayList<>();
    if (at(TokenKind.STAR) && peek(1).kind() == TokenKind.CLOSE_PAREN) {
      // typeof(*): any schema, as plugins such as python() declare
      Token star = advance();
      types.add(new TypeExpression.SchemaType(star.span(), List.of(), true));
      advance();
      return new Expression.TypeOfLiteral(spanFrom(start), types);
    }
    if (accept(TokenKind.CLOSE_PAREN)) return new Expression.TypeOfLiteral(spanFrom(start), types);
    do {
      if (atName() && peek(1).kind() == TokenKind.COLON) {
        Clause.ColumnDeclaration column = parseColumnDeclaration();
        types.add(new TypeExpression.SchemaType(column.span(), List.of(column), false));
      } else {
        types.add(parseAnyScalarType());
      }
    } while (accept(TokenKind.COMMA));
    expect(TokenKind.CLOSE_PAREN, "')'");
    return new Expression.TypeOfLiteral(spanFrom(start), types);
  }

  /**
   * Type names a declaration ({@code name:type}) may use; the official parser rejects others (even
   * {@code int32}) there, while {@code typeof(...)} accepts any name.
   */
  static final java.util.Set<String> DECLARABLE_TYPES = java.util.Set.of(
      "string", "int", "long", "real", "double", "bool", "boolean", "datetime", "date", "time", "timespan",
      "guid", "uniqueid", "dynamic", "decimal", "int64", "int8");

  /** A type name in a declaration; unknown names are reported but kept for the binder. */
  final TypeExpression parseScalarType() {
    TypeExpression type = parseAnyScalarType();
    if (type instanceof TypeExpression.PrimitiveType p && !DECLARABLE_TYPES.contains(p.name())) {
      error(SyntaxErrors.UNKNOWN_TYPE, p.span(), p.name());
    }
    return type;
  }

  /** A scalar type name; any identifier is accepted (aliases are resolved by the binder). */
  final TypeExpression parseAnyScalarType() {
    Token t = peek();
    if (t.kind() == TokenKind.IDENTIFIER) {
      advance();
      return new TypeExpression.PrimitiveType(t.span(), t.text());
    }
    // anything else (a literal such as long(1), punctuation) is not a type; nothing is consumed
    error(SyntaxErrors.MISSING_TYPE, missingSpan());
    return new TypeExpression.MissingType(missingSpan());
  }

  /** A scalar type or a tabular schema {@code (a:string, *)}. */
  final TypeExpression parseType() {
    if (at(TokenKind.OPEN_PAREN)) return parseSchemaType();
    return parseScalarType();
  }

  final TypeExpression.SchemaType parseSchemaType() {
    return parseSchemaType(false);
  }

  /**
   * {@code (a:string, ...)} or {@code (*)}; with {@code mixedStar} (evaluate output schemas) a star
   * may also lead named columns: {@code (*, Name:string)}.
   */
  final TypeExpression.SchemaType parseSchemaType(boolean mixedStar) {
    int start = advance().start();
    List<Clause.ColumnDeclaration> columns = new ArrayList<>();
    boolean wildcard = false;
    if (mixedStar && at(TokenKind.STAR) && peek(1).kind() == TokenKind.COMMA) {
      advance();
      advance();
      wildcard = true;
      do {
        columns.add(parseColumnDeclaration());
      } while (accept(TokenKind.COMMA));
    } else if (accept(TokenKind.STAR)) {
      // (*) stands alone: Kusto rejects a star mixed with named columns
      wildcard = true;
    } else if (!at(TokenKind.CLOSE_PAREN)) {
      do {
        columns.add(parseColumnDeclaration());
      } while (accept(TokenKind.COMMA));
    }
    expect(TokenKind.CLOSE_PAREN, "')'");
    return new TypeExpression.SchemaType(spanFrom(start), columns, wildcard);
  }

  /** {@code name:type}. */
  final Clause.ColumnDeclaration parseColumnDeclaration() {
    int start = peek().start();
    Name name = parseName();
    expect(TokenKind.COLON, "':'");
    TypeExpression type = parseScalarType();
    return new Clause.ColumnDeclaration(spanFrom(start), name, type);
  }

  /** A parenthesised list of column declarations, as in datatable and externaldata. */
  final List<Clause.ColumnDeclaration> parseColumnDeclarations() {
    List<Clause.ColumnDeclaration> columns = new ArrayList<>();
    if (!expect(TokenKind.OPEN_PAREN, "'('")) return columns;
    if (!at(TokenKind.CLOSE_PAREN)) {
      do {
        columns.add(parseColumnDeclaration());
      } while (accept(TokenKind.COMMA));
    }
    expect(TokenKind.CLOSE_PAREN, "')'");
    return columns;
  }
}
