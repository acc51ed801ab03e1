package dev.kqlhunt.syntax.tree;

import static java.util.Objects.requireNonNull;

import dev.kqlhunt.text.TextSpan;
import java.util.List;

/**
 * Scalar and tabular expressions. KQL does not separate them syntactically ({@code T} may be a table or
 * a column, {@code f(x)} a scalar or tabular function), so one hierarchy holds both and the binder
 * decides. Query operators are expressions too (see {@link QueryOperator}): {@code print x=1} and
 * {@code range ...} stand alone, and a {@link PipeExpression} chains an input and an operator.
 *
 * <p>Optional parts of a node are {@code null} when absent from the text; required parts that are
 * missing from the text are synthesised ({@link MissingExpression}, {@link Name.MissingName}) and a
 * diagnostic is reported, so consumers never see null where the grammar demands a part.
 */
public sealed interface Expression extends SyntaxNode
    permits Expression.Literal,
        Expression.DynamicLiteral,
        Expression.JsonArray,
        Expression.JsonObject,
        Expression.TypeOfLiteral,
        Expression.NameReference,
        Expression.StarExpression,
        Expression.BinaryExpression,
        Expression.UnaryExpression,
        Expression.InExpression,
        Expression.BetweenExpression,
        Expression.FunctionCall,
        Expression.NamedArgument,
        Expression.PathExpression,
        Expression.PathCall,
        Expression.ElementExpression,
        Expression.ParenthesizedExpression,
        Expression.SimpleNamedExpression,
        Expression.CompoundNamedExpression,
        Expression.OrderedExpression,
        Expression.PipeExpression,
        Expression.FunctionDeclaration,
        Expression.MissingExpression,
        QueryOperator {

  /**
   * A scalar literal. {@code raw} is the source text (for a string, all adjacent parts with quotes);
   * {@code value} is decoded as {@link LiteralKind} documents.
   */
  record Literal(TextSpan span, LiteralKind kind, String raw, Object value) implements Expression {
    public Literal {
      requireNonNull(span, "span is null");
      requireNonNull(kind, "kind is null");
      requireNonNull(raw, "raw is null");
    }
  }

  /**
   * {@code dynamic(...)}: the value is a {@link Literal} (possibly NULL), a {@link JsonArray} or a
   * {@link JsonObject}, or a {@link MissingExpression}.
   */
  record DynamicLiteral(TextSpan span, Expression value) implements Expression {
    public DynamicLiteral {
      requireNonNull(span, "span is null");
      requireNonNull(value, "value is null");
    }
  }

  /** {@code [v1, v2]} inside a dynamic literal. */
  record JsonArray(TextSpan span, List<Expression> elements) implements Expression {
    public JsonArray {
      requireNonNull(span, "span is null");
      elements = List.copyOf(elements);
    }
  }

  /** {@code {"k": v, ...}} inside a dynamic literal. */
  record JsonObject(TextSpan span, List<Clause.JsonProperty> properties) implements Expression {
    public JsonObject {
      requireNonNull(span, "span is null");
      properties = List.copyOf(properties);
    }
  }

  /** {@code typeof(string)} or {@code typeof(a:string, b:long)}. */
  record TypeOfLiteral(TextSpan span, List<TypeExpression> types) implements Expression {
    public TypeOfLiteral {
      requireNonNull(span, "span is null");
      types = List.copyOf(types);
    }
  }

  /** A column, table, variable or function name used as a value; also {@code $left}/{@code $right}. */
  record NameReference(TextSpan span, Name name) implements Expression {
    public NameReference {
      requireNonNull(span, "span is null");
      requireNonNull(name, "name is null");
    }
  }

  /** {@code *} as in {@code count(*)}, {@code distinct *}, {@code search * has "x"}. */
  record StarExpression(TextSpan span) implements Expression {
    public StarExpression {
      requireNonNull(span, "span is null");
    }
  }

  record BinaryExpression(TextSpan span, BinaryOperator operator, Expression left, Expression right)
      implements Expression {
    public BinaryExpression {
      requireNonNull(span, "span is null");
      requireNonNull(operator, "operator is null");
      requireNonNull(left, "left is null");
      requireNonNull(right, "right is null");
    }
  }

  record UnaryExpression(TextSpan span, UnaryOperator operator, Expression operand) implements Expression {
    public UnaryExpression {
      requireNonNull(span, "span is null");
      requireNonNull(operator, "operator is null");
      requireNonNull(operand, "operand is null");
    }
  }

  /**
   * {@code left in (v1, v2)} and kin. {@code values} holds the list items; a tabular subquery
   * {@code in (T | project x)} is a single item.
   */
  record InExpression(TextSpan span, ListOperator operator, Expression left, List<Expression> values)
      implements Expression {
    public InExpression {
      requireNonNull(span, "span is null");
      requireNonNull(operator, "operator is null");
      requireNonNull(left, "left is null");
      values = List.copyOf(values);
    }
  }

  /** {@code left between (low .. high)}, negated for {@code !between}. */
  record BetweenExpression(TextSpan span, boolean negated, Expression left, Expression low, Expression high)
      implements Expression {
    public BetweenExpression {
      requireNonNull(span, "span is null");
      requireNonNull(left, "left is null");
      requireNonNull(low, "low is null");
      requireNonNull(high, "high is null");
    }
  }

  /** {@code name(args)}; arguments may include {@link NamedArgument} and {@link StarExpression}. */
  record FunctionCall(TextSpan span, Name name, List<Expression> arguments) implements Expression {
    public FunctionCall {
      requireNonNull(span, "span is null");
      requireNonNull(name, "name is null");
      arguments = List.copyOf(arguments);
    }
  }

  /** {@code name = value} inside an argument list. */
  record NamedArgument(TextSpan span, Name name, Expression value) implements Expression {
    public NamedArgument {
      requireNonNull(span, "span is null");
      requireNonNull(name, "name is null");
      requireNonNull(value, "value is null");
    }
  }

  /** {@code target.selector}, e.g. {@code AdditionalFields.Command}, {@code database("d").T}. */
  record PathExpression(TextSpan span, Expression target, Name selector) implements Expression {
    public PathExpression {
      requireNonNull(span, "span is null");
      requireNonNull(target, "target is null");
      requireNonNull(selector, "selector is null");
    }
  }

  /** {@code target.f(args)}, e.g. {@code cluster("c").database("d")}. */
  record PathCall(TextSpan span, Expression target, FunctionCall call) implements Expression {
    public PathCall {
      requireNonNull(span, "span is null");
      requireNonNull(target, "target is null");
      requireNonNull(call, "call is null");
    }
  }

  /** {@code target[index]}, e.g. {@code parts[0]}, {@code bag['key']}. */
  record ElementExpression(TextSpan span, Expression target, Expression index) implements Expression {
    public ElementExpression {
      requireNonNull(span, "span is null");
      requireNonNull(target, "target is null");
      requireNonNull(index, "index is null");
    }
  }

  record ParenthesizedExpression(TextSpan span, Expression inner) implements Expression {
    public ParenthesizedExpression {
      requireNonNull(span, "span is null");
      requireNonNull(inner, "inner is null");
    }
  }

  /** {@code name = value} in extend, project, summarize, print... */
  record SimpleNamedExpression(TextSpan span, Name name, Expression value) implements Expression {
    public SimpleNamedExpression {
      requireNonNull(span, "span is null");
      requireNonNull(name, "name is null");
      requireNonNull(value, "value is null");
    }
  }

  /** {@code (a, b) = f(x)}: names for the columns of a multi-valued result. */
  record CompoundNamedExpression(TextSpan span, List<Name> names, Expression value) implements Expression {
    public CompoundNamedExpression {
      requireNonNull(span, "span is null");
      names = List.copyOf(names);
      requireNonNull(value, "value is null");
    }
  }

  /** {@code expr [asc|desc] [nulls first|last]} in sort, top, project-reorder. */
  record OrderedExpression(TextSpan span, Expression expression, SortDirection direction, NullsOrder nulls)
      implements Expression {
    public OrderedExpression {
      requireNonNull(span, "span is null");
      requireNonNull(expression, "expression is null");
      requireNonNull(direction, "direction is null");
      requireNonNull(nulls, "nulls is null");
    }
  }

  /** {@code input | operator}. A query {@code T | a | b} nests to the left: (T | a) | b. */
  record PipeExpression(TextSpan span, Expression input, QueryOperator operator) implements Expression {
    public PipeExpression {
      requireNonNull(span, "span is null");
      requireNonNull(input, "input is null");
      requireNonNull(operator, "operator is null");
    }
  }

  /**
   * A lambda: {@code (x:string, y:long=5, T:(*)) { body }}; {@code view} marks a let-bound view.
   */
  record FunctionDeclaration(TextSpan span, boolean view, List<Clause.FunctionParameter> parameters,
      Clause.FunctionBody body) implements Expression {
    public FunctionDeclaration {
      requireNonNull(span, "span is null");
      parameters = List.copyOf(parameters);
      requireNonNull(body, "body is null");
    }
  }

  /** Stands for an expression the text lacks; its span is empty, where the expression was expected. */
  record MissingExpression(TextSpan span) implements Expression {
    public MissingExpression {
      requireNonNull(span, "span is null");
    }
  }
}
